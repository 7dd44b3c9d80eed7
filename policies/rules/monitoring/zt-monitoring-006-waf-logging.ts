import type { ResourceGraph } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import { type Check, type CheckResult, Rule, fail, notApplicable, pass, unknown } from '../../engine/rule';
import type { CompanionSpec } from '../shared/companion-index';
import { DIAGNOSTIC_SETTING } from '../shared/companion-specs';
import { judgeLogExport } from '../shared/diagnostic-setting';
import { withCompanions } from '../shared/companions';
import { nagEquivalents } from '../shared/nag-equivalents';
import { isPresent, joinPath, listLength, readBoolean, readString } from '../shared/read';
import { tfBlock } from '../shared/tf-blocks';

/**
 * A WAF records what it allowed and blocked: the record of probing, of blocked exploit attempts and of the
 * false positives a rule tuning needs.
 * - AWS WAFv2: a logging configuration whose ResourceArn is the web ACL, with a destination.
 * - Azure: WAF decisions reach the logs only through the Application Gateway's diagnostic setting, with the
 *   ApplicationGatewayFirewallLog category (or the allLogs group) enabled. A gateway without WAF has nothing to log.
 */
const CFN_LOGGING: CompanionSpec = { type: 'AWS::WAFv2::LoggingConfiguration', targets: ['ResourceArn'] };
const TF_LOGGING: CompanionSpec = { type: 'aws_wafv2_web_acl_logging_configuration', targets: ['resource_arn'] };

/** A logging configuration that names at least one destination. */
const judgeLogging =
  (destinations: string) =>
  (g: ResourceGraph, c: Resource): CheckResult => {
    const n = listLength(g, c, destinations);
    if (n.kind === 'unknown') return unknown(`${destinations} is decided at deploy time: ${n.reason}`, destinations);
    return n.kind === 'value' && n.value > 0
      ? pass('logs the web ACL\u2019s decisions', destinations)
      : fail(`${destinations} is empty: the decisions go nowhere`, destinations);
  };

const webAcl = (spec: CompanionSpec, destinations: string): Check =>
  withCompanions({
    spec,
    judge: judgeLogging(destinations),
    inline: () =>
      fail(`no ${spec.type} targets this web ACL, so what it allowed and blocked is not recorded`, spec.type),
  });

/** The gateway runs a WAF: a WAF tier with a firewall policy or an enabled inline waf_configuration. */
function runsWaf(g: ResourceGraph, agw: Resource): boolean | 'unknown' {
  const tier = readString(g, agw, 'sku.tier');
  if (tier.kind === 'unknown') return 'unknown';
  if (tier.kind !== 'value' || !tier.value.startsWith('WAF')) return false;
  if (isPresent(g, agw, 'firewall_policy_id')) return true;
  const waf = tfBlock(g, agw, '', 'waf_configuration');
  if (waf.kind !== 'static') return waf.kind === 'dynamic' ? 'unknown' : false;
  const enabled = readBoolean(g, agw, joinPath(waf.path, 'enabled'));
  return enabled.kind === 'unknown' ? 'unknown' : enabled.kind === 'value' && enabled.value;
}

const FIREWALL_LOG = 'ApplicationGatewayFirewallLog';

/** A diagnostic setting that sends the firewall log (or all logs) somewhere. */
const judgeDiagnostic = (g: ResourceGraph, d: Resource): CheckResult =>
  judgeLogExport(g, d, (category, group) => category === FIREWALL_LOG || group === 'allLogs', {
    what: `the WAF\u2019s decisions (${FIREWALL_LOG})`,
    missing: `enables neither ${FIREWALL_LOG} nor the allLogs group: the WAF\u2019s decisions are not recorded`,
  });

const withDiagnostics: Check = withCompanions({
  spec: DIAGNOSTIC_SETTING,
  judge: judgeDiagnostic,
  inline: () =>
    fail(
      `no azurerm_monitor_diagnostic_setting targets this WAF gateway, so its ${FIREWALL_LOG} is not recorded`,
      DIAGNOSTIC_SETTING.type,
    ),
});

const gateway: Check = (agw, ctx) => {
  const waf = runsWaf(ctx.graph, agw);
  if (waf === false) return notApplicable('the gateway runs no WAF (not a WAF tier, or WAF disabled)');
  const out = withDiagnostics(agw, ctx);
  if (waf === true) return out;
  // Whether there is a WAF at all is undecided: a compliant setting passes, anything else is unknown.
  const list = Array.isArray(out) ? (out as readonly CheckResult[]) : [out as CheckResult];
  return list.map((r) =>
    r.verdict === 'fail' ? unknown(`${r.message}; whether the gateway runs a WAF is decided at plan time`, r.path) : r,
  );
};

export const wafLoggingRule: Rule = {
  id: 'ZT-MONITORING-006',
  title: 'WAFs log their decisions',
  severity: 'medium',
  layer: 'monitoring',
  rationale:
    'A WAF in front of a model API is where probing, prompt-borne exploit payloads and scraping first show. ' +
    'Without its log, a blocked attack leaves no trace for incident response, an allowed one no evidence, and a ' +
    'rule that blocks legitimate callers cannot be tuned.',
  remediation:
    'AWS: a WAFv2 logging configuration with ResourceArn = the web ACL\u2019s ARN and a destination (an ' +
    '`aws-waf-logs-` log group, bucket or Firehose; createWaf in lib/aws/inference/waf.ts adds one). Terraform: an ' +
    'aws_wafv2_web_acl_logging_configuration with resource_arn = aws_wafv2_web_acl.x.arn and log_destination_configs. ' +
    'Azure: an ' +
    'azurerm_monitor_diagnostic_setting with target_resource_id = the Application Gateway, an enabled_log with ' +
    'category ApplicationGatewayFirewallLog (or category_group allLogs) and a log_analytics_workspace_id.',
  controls: [
    { framework: 'NIST-800-53', id: 'AU-2' },
    { framework: 'NIST-800-53', id: 'AU-12' },
    { framework: 'NIST-800-53', id: 'SI-4' },
    { framework: 'SOC2', id: 'CC7.2' },
    { framework: 'HIPAA', id: '164.312(b)' },
    { framework: 'ISO-27001', id: 'A.8.15' },
    { framework: 'ISO-27001', id: 'A.8.16' },
  ],
  equivalents: [
    { tool: 'checkov', id: 'CKV2_AWS_31', resourceTypes: ['aws_wafv2_web_acl'] },
    ...nagEquivalents(
      ['NIST.800.53.R5-WAFv2LoggingEnabled', 'HIPAA.Security-WAFv2LoggingEnabled'],
      ['AWS::WAFv2::WebACL'],
    ),
  ],
  reads: [CFN_LOGGING.type, TF_LOGGING.type, DIAGNOSTIC_SETTING.type],
  checks: {
    'AWS::WAFv2::WebACL': webAcl(CFN_LOGGING, 'LogDestinationConfigs'),
    aws_wafv2_web_acl: webAcl(TF_LOGGING, 'log_destination_configs'),
    azurerm_application_gateway: gateway,
  },
};
