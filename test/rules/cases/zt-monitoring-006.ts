import { wafLoggingRule } from '../../../policies/rules/monitoring/zt-monitoring-006-waf-logging';
import { RuleCases, cfn, tf } from '../helpers';

const ACL = { Type: 'AWS::WAFv2::WebACL', Properties: { Scope: 'REGIONAL', DefaultAction: { Allow: {} } } };
const logging = (arn: unknown, destinations: unknown = ['arn:aws:logs:eu-west-1:1:log-group:aws-waf-logs-a']) => ({
  Type: 'AWS::WAFv2::LoggingConfiguration',
  Properties: { ResourceArn: arn, LogDestinationConfigs: destinations },
});
const ACL_ARN = { 'Fn::GetAtt': ['Acl', 'Arn'] };

const tfAcl = (extra: Record<string, Record<string, unknown>> = {}) =>
  tf({ aws_wafv2_web_acl: { a: { name: 'a', scope: 'REGIONAL', default_action: [{ allow: [{}] }] } }, ...extra });
const tfLogging = (body: Record<string, unknown>) => ({ aws_wafv2_web_acl_logging_configuration: { l: body } });

const GW = 'azurerm_application_gateway.g';
const gateway = (gw: Record<string, unknown>, diagnostic?: Record<string, unknown>) =>
  tf({
    azurerm_application_gateway: { g: { name: 'g', ...gw } },
    ...(diagnostic
      ? {
          azurerm_monitor_diagnostic_setting: {
            d: { name: 'd', target_resource_id: '${azurerm_application_gateway.g.id}', ...diagnostic },
          },
        }
      : {}),
  });
const WAF_GW = {
  sku: [{ name: 'WAF_v2', tier: 'WAF_v2' }],
  firewall_policy_id: '${azurerm_web_application_firewall_policy.p.id}',
};
const WORKSPACE = { log_analytics_workspace_id: '${azurerm_log_analytics_workspace.w.id}' };

export const cases: RuleCases = {
  rule: wafLoggingRule,
  cases: [
    {
      name: 'web ACL with a logging configuration',
      doc: cfn({ Acl: ACL, Logs: logging(ACL_ARN) }),
      address: 'Acl',
      verdict: 'pass',
    },
    {
      name: 'web ACL without a logging configuration',
      doc: cfn({ Acl: ACL }),
      address: 'Acl',
      verdict: 'fail',
      path: 'AWS::WAFv2::LoggingConfiguration',
    },
    {
      name: 'logging configuration for another web ACL (a literal ARN)',
      doc: cfn({ Acl: ACL, Logs: logging('arn:aws:wafv2:eu-west-1:1:regional/webacl/other/1') }),
      address: 'Acl',
      verdict: 'fail',
    },
    {
      name: 'logging configuration whose destinations depend on a condition',
      doc: cfn(
        { Acl: ACL, Logs: logging(ACL_ARN, { 'Fn::If': ['C', ['arn:a'], { Ref: 'AWS::NoValue' }] }) },
        { Conditions: { C: { 'Fn::Equals': ['a', 'a'] } } },
      ),
      address: 'Acl',
      verdict: 'unknown',
    },
    {
      name: 'logging configuration whose ACL is a parameter',
      doc: cfn({ Acl: ACL, Logs: logging({ Ref: 'AclArn' }) }, { Parameters: { AclArn: { Type: 'String' } } }),
      address: 'Acl',
      verdict: 'unknown',
    },
    {
      name: 'tf web ACL with a logging configuration',
      doc: tfAcl(
        tfLogging({
          resource_arn: '${aws_wafv2_web_acl.a.arn}',
          log_destination_configs: ['${aws_cloudwatch_log_group.w.arn}'],
        }),
      ),
      address: 'aws_wafv2_web_acl.a',
      verdict: 'pass',
    },
    {
      name: 'tf web ACL without a logging configuration',
      doc: tfAcl(),
      address: 'aws_wafv2_web_acl.a',
      verdict: 'fail',
      path: 'aws_wafv2_web_acl_logging_configuration',
    },
    {
      name: 'tf logging configuration with no destination',
      doc: tfAcl(tfLogging({ resource_arn: '${aws_wafv2_web_acl.a.arn}', log_destination_configs: [] })),
      address: 'aws_wafv2_web_acl.a',
      verdict: 'fail',
      path: 'aws_wafv2_web_acl_logging_configuration.l.log_destination_configs',
    },
    {
      name: 'WAF gateway exporting the firewall log',
      doc: gateway(WAF_GW, { ...WORKSPACE, enabled_log: [{ category: 'ApplicationGatewayFirewallLog' }] }),
      address: GW,
      verdict: 'pass',
    },
    {
      name: 'WAF gateway (inline waf_configuration) exporting allLogs',
      doc: gateway(
        {
          sku: [{ name: 'WAF_v2', tier: 'WAF_v2' }],
          waf_configuration: [{ enabled: true, firewall_mode: 'Prevention' }],
        },
        { ...WORKSPACE, enabled_log: [{ category_group: 'allLogs' }] },
      ),
      address: GW,
      verdict: 'pass',
    },
    {
      name: 'WAF gateway without a diagnostic setting',
      doc: gateway(WAF_GW),
      address: GW,
      verdict: 'fail',
      path: 'azurerm_monitor_diagnostic_setting',
    },
    {
      name: 'WAF gateway exporting only access logs',
      doc: gateway(WAF_GW, { ...WORKSPACE, enabled_log: [{ category: 'ApplicationGatewayAccessLog' }] }),
      address: GW,
      verdict: 'fail',
      path: 'azurerm_monitor_diagnostic_setting.d.enabled_log',
    },
    {
      name: 'WAF gateway whose firewall log is disabled in the legacy log block',
      doc: gateway(WAF_GW, { ...WORKSPACE, log: [{ category: 'ApplicationGatewayFirewallLog', enabled: false }] }),
      address: GW,
      verdict: 'fail',
    },
    {
      name: 'WAF gateway whose diagnostic setting sends nowhere',
      doc: gateway(WAF_GW, { enabled_log: [{ category: 'ApplicationGatewayFirewallLog' }] }),
      address: GW,
      verdict: 'fail',
      path: 'azurerm_monitor_diagnostic_setting.d.log_analytics_workspace_id',
    },
    {
      name: 'WAF gateway whose log category is a variable',
      doc: gateway(WAF_GW, { ...WORKSPACE, enabled_log: [{ category: '${var.category}' }] }),
      address: GW,
      verdict: 'unknown',
    },
    {
      name: 'gateway whose tier is a variable, without diagnostics',
      doc: gateway({ sku: [{ name: 'x', tier: '${var.tier}' }] }),
      address: GW,
      verdict: 'unknown',
    },
    {
      name: 'Standard_v2 gateway (no WAF)',
      doc: gateway({ sku: [{ name: 'Standard_v2', tier: 'Standard_v2' }] }),
      address: GW,
      verdict: 'not_applicable',
    },
  ],
};
