import { wafManagedRulesRule } from '../../../policies/rules/inference/zt-inference-012-waf-managed-rules';
import { RuleCases, cfn, tf } from '../helpers';

const COMMON = 'AWSManagedRulesCommonRuleSet';
const BAD_INPUTS = 'AWSManagedRulesKnownBadInputsRuleSet';

/** A CloudFormation rule running an AWS managed group (override null: none given). */
const cfnRule = (name: unknown, extra: Record<string, unknown> = {}, override: unknown = { None: {} }) => ({
  Name: 'r',
  Priority: 1,
  Statement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: name, ...extra } },
  ...(override === null ? {} : { OverrideAction: override }),
  VisibilityConfig: { CloudWatchMetricsEnabled: true, MetricName: 'r', SampledRequestsEnabled: true },
});
const cfnAcl = (rules: unknown, extra: Record<string, unknown> = {}) =>
  cfn(
    {
      Acl: {
        Type: 'AWS::WAFv2::WebACL',
        Properties: { Scope: 'REGIONAL', DefaultAction: { Allow: {} }, Rules: rules },
      },
    },
    extra,
  );

/** A Terraform rule block running an AWS managed group (blocks as lists, as Terraform JSON writes them). */
const tfRule = (name: string, extra: Record<string, unknown> = {}, override: unknown = [{ none: [{}] }]) => ({
  name: 'r',
  priority: 1,
  override_action: override,
  statement: [{ managed_rule_group_statement: [{ vendor_name: 'AWS', name, ...extra }] }],
});
const tfAcl = (body: Record<string, unknown>) =>
  tf({ aws_wafv2_web_acl: { a: { name: 'a', scope: 'REGIONAL', default_action: [{ allow: [{}] }], ...body } } });

const policy = (body: Record<string, unknown>) =>
  tf({ azurerm_web_application_firewall_policy: { p: { name: 'p', location: 'westeurope', ...body } } });
const ruleSet = (set: Record<string, unknown>) => ({ managed_rules: [{ managed_rule_set: [set] }] });

export const cases: RuleCases = {
  rule: wafManagedRulesRule,
  cases: [
    {
      name: 'web ACL enforcing both managed groups (a common-set rule counted)',
      doc: cfnAcl([
        cfnRule(COMMON, { RuleActionOverrides: [{ Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } }] }),
        cfnRule(BAD_INPUTS, { ExcludedRules: [{ Name: 'Host_localhost_HEADER' }] }),
      ]),
      address: 'Acl',
      verdict: 'pass',
    },
    {
      name: 'web ACL without rules',
      doc: cfnAcl(undefined),
      address: 'Acl',
      verdict: 'fail',
      failingPaths: ['Rules', 'Rules'],
    },
    {
      name: 'web ACL counting the known-bad-inputs group',
      doc: cfnAcl([cfnRule(COMMON), cfnRule(BAD_INPUTS, {}, { Count: {} })]),
      address: 'Acl',
      verdict: 'fail',
      path: 'Rules.1.OverrideAction',
    },
    {
      name: 'web ACL excluding Log4JRCE',
      doc: cfnAcl([cfnRule(COMMON), cfnRule(BAD_INPUTS, { ExcludedRules: [{ Name: 'Log4JRCE' }] })]),
      address: 'Acl',
      verdict: 'fail',
      path: 'Rules.1.Statement.ManagedRuleGroupStatement.ExcludedRules',
    },
    {
      name: 'web ACL overriding Log4JRCE_BODY to Count',
      doc: cfnAcl([
        cfnRule(COMMON),
        cfnRule(BAD_INPUTS, { RuleActionOverrides: [{ Name: 'Log4JRCE_BODY', ActionToUse: { Count: {} } }] }),
      ]),
      address: 'Acl',
      verdict: 'fail',
      path: 'Rules.1.Statement.ManagedRuleGroupStatement.RuleActionOverrides.0.ActionToUse',
    },
    {
      name: 'web ACL whose common-set rule has no OverrideAction',
      doc: cfnAcl([cfnRule(COMMON, {}, null), cfnRule(BAD_INPUTS)]),
      address: 'Acl',
      verdict: 'fail',
      path: 'Rules.0.OverrideAction',
    },
    {
      name: 'web ACL whose rules depend on a condition',
      doc: cfnAcl(
        { 'Fn::If': ['Strict', [cfnRule(COMMON)], []] },
        { Conditions: { Strict: { 'Fn::Equals': ['a', 'a'] } } },
      ),
      address: 'Acl',
      verdict: 'unknown',
    },
    {
      name: 'web ACL whose second group is named by a parameter',
      doc: cfnAcl([cfnRule(COMMON), cfnRule({ Ref: 'Group' })], { Parameters: { Group: { Type: 'String' } } }),
      address: 'Acl',
      verdict: 'unknown',
      path: 'Rules',
    },
    {
      name: 'tf web ACL enforcing both groups',
      doc: tfAcl({ rule: [tfRule(COMMON), tfRule(BAD_INPUTS)] }),
      address: 'aws_wafv2_web_acl.a',
      verdict: 'pass',
    },
    {
      name: 'tf web ACL running only the common set',
      doc: tfAcl({ rule: [tfRule(COMMON)] }),
      address: 'aws_wafv2_web_acl.a',
      verdict: 'fail',
      path: 'rule',
    },
    {
      name: 'tf web ACL counting the common set',
      doc: tfAcl({ rule: [tfRule(COMMON, {}, [{ count: [{}] }]), tfRule(BAD_INPUTS)] }),
      address: 'aws_wafv2_web_acl.a',
      verdict: 'fail',
      path: 'rule.0.override_action',
    },
    {
      name: 'tf web ACL excluding Log4JRCE',
      doc: tfAcl({ rule: [tfRule(COMMON), tfRule(BAD_INPUTS, { excluded_rule: [{ name: 'Log4JRCE' }] })] }),
      address: 'aws_wafv2_web_acl.a',
      verdict: 'fail',
      path: 'rule.1.statement.managed_rule_group_statement.excluded_rule',
    },
    {
      name: 'tf web ACL whose known-bad-inputs rule may come from a dynamic block',
      doc: tfAcl({ rule: [tfRule(COMMON)], dynamic: { rule: [{ for_each: '${var.extra}', content: [{}] }] } }),
      address: 'aws_wafv2_web_acl.a',
      verdict: 'unknown',
    },
    {
      name: 'WAF policy on OWASP 3.2 (Prevention by default)',
      doc: policy(ruleSet({ type: 'OWASP', version: '3.2' })),
      address: 'azurerm_web_application_firewall_policy.p',
      verdict: 'pass',
    },
    {
      name: 'WAF policy on Microsoft_DefaultRuleSet 2.1 in Prevention mode',
      doc: policy({
        ...ruleSet({ type: 'Microsoft_DefaultRuleSet', version: '2.1' }),
        policy_settings: [{ enabled: true, mode: 'Prevention' }],
      }),
      address: 'azurerm_web_application_firewall_policy.p',
      verdict: 'pass',
    },
    {
      name: 'WAF policy in Detection mode',
      doc: policy({ ...ruleSet({ type: 'OWASP', version: '3.2' }), policy_settings: [{ mode: 'Detection' }] }),
      address: 'azurerm_web_application_firewall_policy.p',
      verdict: 'fail',
      path: 'policy_settings.mode',
    },
    {
      name: 'WAF policy disabled',
      doc: policy({ ...ruleSet({ type: 'OWASP', version: '3.2' }), policy_settings: [{ enabled: false }] }),
      address: 'azurerm_web_application_firewall_policy.p',
      verdict: 'fail',
      path: 'policy_settings.enabled',
    },
    {
      name: 'WAF policy on OWASP 3.0',
      doc: policy(ruleSet({ type: 'OWASP', version: '3.0' })),
      address: 'azurerm_web_application_firewall_policy.p',
      verdict: 'fail',
      path: 'managed_rules.managed_rule_set.0.version',
    },
    {
      name: 'WAF policy with only the bot manager set',
      doc: policy(ruleSet({ type: 'Microsoft_BotManagerRuleSet', version: '1.0' })),
      address: 'azurerm_web_application_firewall_policy.p',
      verdict: 'fail',
      path: 'managed_rules.managed_rule_set',
    },
    {
      name: 'WAF policy disabling the Log4j rule 944240',
      doc: policy(
        ruleSet({
          type: 'OWASP',
          version: '3.2',
          rule_group_override: [
            { rule_group_name: 'REQUEST-944-APPLICATION-ATTACK-JAVA', rule: [{ id: '944240', enabled: false }] },
          ],
        }),
      ),
      address: 'azurerm_web_application_firewall_policy.p',
      verdict: 'fail',
      path: 'managed_rules.managed_rule_set.0.rule_group_override.0.rule.0.enabled',
    },
    {
      name: 'WAF policy whose rule set version is a variable',
      doc: policy(ruleSet({ type: 'OWASP', version: '${var.crs}' })),
      address: 'azurerm_web_application_firewall_policy.p',
      verdict: 'unknown',
      path: 'managed_rules.managed_rule_set.0.version',
    },
    {
      name: 'WAF policy whose mode is a variable',
      doc: policy({ ...ruleSet({ type: 'OWASP', version: '3.2' }), policy_settings: [{ mode: '${var.mode}' }] }),
      address: 'azurerm_web_application_firewall_policy.p',
      verdict: 'unknown',
      path: 'policy_settings.mode',
    },
  ],
};
