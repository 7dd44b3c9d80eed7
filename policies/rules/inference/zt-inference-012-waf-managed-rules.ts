import type { ResourceGraph } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import { type Check, type CheckResult, Rule, fail, pass, unknown } from '../../engine/rule';
import { bestOf, eachOf } from '../shared/combine';
import { isPresent, joinPath, listLength, rawAt, readBoolean, readString, unknownAt } from '../shared/read';

/**
 * A WAF enforces the vendor's maintained rule sets, not only counts their matches.
 * - AWS WAFv2 web ACLs: a rule running AWSManagedRulesCommonRuleSet (OWASP-style injection, XSS, LFI) and one
 *   running AWSManagedRulesKnownBadInputsRuleSet (Log4j JNDI lookups, exploitable paths), each with OverrideAction
 *   None (Count turns the whole group into monitoring), and the Log4JRCE rules of the latter neither excluded nor
 *   overridden to a non-blocking action. Single rules of the common set may be counted (a body-size rule is commonly
 *   replaced by the ACL's own limit): the group still blocks.
 * - Azure WAF policies: an OWASP (>= 3.2) or Microsoft_DefaultRuleSet (>= 2.1) managed rule set, the policy enabled
 *   and in Prevention mode, and the Log4j rule 944240 not disabled.
 * Whether the WAF is attached to the API is ZT-INFERENCE-005. Checkov's CKV_AZURE_135 (Log4j) and CKV_AZURE_122
 * (mode; it also accepts Detection) judge the Azure policy but have no fixtures in the conformance corpus.
 */
interface AclShape {
  readonly rules: string;
  readonly statement: string;
  readonly name: string;
  readonly vendor: string;
  readonly override: string;
  readonly none: string;
  readonly count: string;
  readonly excluded: string;
  readonly ruleOverrides: string;
  readonly actionToUse: string;
  readonly block: string;
}

const CFN: AclShape = {
  rules: 'Rules',
  statement: 'Statement.ManagedRuleGroupStatement',
  name: 'Name',
  vendor: 'VendorName',
  override: 'OverrideAction',
  none: 'None',
  count: 'Count',
  excluded: 'ExcludedRules',
  ruleOverrides: 'RuleActionOverrides',
  actionToUse: 'ActionToUse',
  block: 'Block',
};

const TF: AclShape = {
  rules: 'rule',
  statement: 'statement.managed_rule_group_statement',
  name: 'name',
  vendor: 'vendor_name',
  override: 'override_action',
  none: 'none',
  count: 'count',
  excluded: 'excluded_rule',
  ruleOverrides: 'rule_action_override',
  actionToUse: 'action_to_use',
  block: 'block',
};

const GROUPS = [
  { name: 'AWSManagedRulesCommonRuleSet', risk: 'injection, cross-site scripting and path traversal reach the API' },
  {
    name: 'AWSManagedRulesKnownBadInputsRuleSet',
    risk: 'Log4j JNDI lookups and other known exploit payloads reach the API',
    // The Log4j rules (Log4JRCE and its per-field variants) are why the group is required.
    critical: /^Log4JRCE/,
  },
] as const;

/** Names of the rules listed under `list` (excluded rules, rule action overrides) matching `critical`, with their index. */
function criticalEntries(g: ResourceGraph, acl: Resource, s: AclShape, list: string, critical: RegExp): number[] {
  const n = listLength(g, acl, list);
  const out: number[] = [];
  for (let i = 0; n.kind === 'value' && i < n.value; i++) {
    const name = readString(g, acl, joinPath(list, i, s.name));
    if (name.kind === 'value' && critical.test(name.value)) out.push(i);
  }
  return out;
}

/** One rule that runs the group: it must enforce (OverrideAction None) and keep the critical rules blocking. */
function judgeGroupRule(g: ResourceGraph, acl: Resource, s: AclShape, base: string, group: (typeof GROUPS)[number]) {
  const override = joinPath(base, s.override);
  const stmt = joinPath(base, s.statement);
  const results: CheckResult[] = [];
  if (rawAt(acl, joinPath(base, 'dynamic', s.override)) !== undefined)
    results.push(unknown(`${override} comes from a dynamic block decided at plan time`, override));
  else if (isPresent(g, acl, joinPath(override, s.none)))
    results.push(pass(`${group.name} is enforced (${override} is none)`, override));
  else if (isPresent(g, acl, joinPath(override, s.count)))
    results.push(fail(`${override} is count: ${group.name} only counts matches, so ${group.risk}`, override));
  else if (isPresent(g, acl, override)) {
    const r = g.value(acl, override);
    results.push(
      r.kind === 'literal'
        ? fail(`${override} is neither none nor count; set it to none so ${group.name} blocks`, override)
        : unknownAt(override, 'the override action is computed'),
    );
  } else
    results.push(fail(`no ${override}: a rule group reference needs one; set none so ${group.name} blocks`, override));
  if ('critical' in group) {
    const excluded = joinPath(stmt, s.excluded);
    if (criticalEntries(g, acl, s, excluded, group.critical).length > 0)
      results.push(fail(`${excluded} excludes the Log4JRCE rule, so ${group.risk}`, excluded));
    const overrides = joinPath(stmt, s.ruleOverrides);
    for (const i of criticalEntries(g, acl, s, overrides, group.critical)) {
      const to = joinPath(overrides, i, s.actionToUse);
      if (!isPresent(g, acl, joinPath(to, s.block)))
        results.push(fail(`${to} takes the Log4JRCE rule out of blocking, so ${group.risk}`, to));
    }
  }
  return eachOf(results);
}

/** The ACL's rules running `group` (vendor AWS), judged; the best of them decides. */
function requireGroup(g: ResourceGraph, acl: Resource, s: AclShape, group: (typeof GROUPS)[number]): CheckResult[] {
  const n = listLength(g, acl, s.rules);
  if (n.kind === 'unknown') return [unknownAt(s.rules, n.reason)];
  const found: CheckResult[][] = [];
  let undecided: string | undefined;
  for (let i = 0; n.kind === 'value' && i < n.value; i++) {
    const base = joinPath(s.rules, i);
    const name = readString(g, acl, joinPath(base, s.statement, s.name));
    const vendor = readString(g, acl, joinPath(base, s.statement, s.vendor));
    if (name.kind === 'unknown' || vendor.kind === 'unknown')
      undecided ??= `${base} runs a rule group named at deploy time`;
    else if (name.kind === 'value' && name.value === group.name && vendor.kind === 'value' && vendor.value === 'AWS')
      found.push(judgeGroupRule(g, acl, s, base, group));
  }
  // An enforcing rule wins; a counting one fails only when no better rule runs the group.
  const best =
    found.find((r) => r.every((x) => x.verdict === 'pass')) ??
    found.find((r) => r.every((x) => x.verdict !== 'fail')) ??
    found[0];
  if (best !== undefined) return best;
  if (rawAt(acl, joinPath('dynamic', s.rules)) !== undefined)
    undecided ??= `dynamic ${s.rules} blocks are decided at plan time`;
  if (isPresent(g, acl, 'rule_json'))
    undecided ??= 'rule_json holds the rules as a JSON string this rule does not read';
  if (undecided) return [unknown(`whether ${group.name} runs cannot be decided at synth time: ${undecided}`, s.rules)];
  return [fail(`no rule runs the AWS managed rule group ${group.name}, so ${group.risk}`, s.rules)];
}

const webAcl =
  (s: AclShape): Check =>
  (acl, { graph }) =>
    eachOf(GROUPS.flatMap((group) => requireGroup(graph, acl, s, group)));

/** "3.2" >= "3.1", "2.2.9" < "3.2": numeric segments compared in order. */
function versionAtLeast(v: string, min: string): boolean | undefined {
  const a = v.split('.').map(Number);
  const b = min.split('.').map(Number);
  if (a.some((x) => Number.isNaN(x))) return undefined;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return true;
}

const CORE_SETS: Readonly<Record<string, string>> = { OWASP: '3.2', Microsoft_DefaultRuleSet: '2.1' };

/** One managed_rule_set: a core rule set recent enough, with the Log4j rule (944240) left on. */
function judgeRuleSet(g: ResourceGraph, p: Resource, base: string): CheckResult | undefined {
  const type = readString(g, p, joinPath(base, 'type'));
  const version = readString(g, p, joinPath(base, 'version'));
  if (type.kind === 'unknown') return unknownAt(joinPath(base, 'type'), type.reason);
  const t = type.kind === 'value' ? type.value : 'OWASP'; // the provider default
  const min = CORE_SETS[t];
  if (min === undefined) return undefined; // bot manager and other add-on sets: not a core rule set
  if (version.kind === 'unknown') return unknownAt(joinPath(base, 'version'), version.reason);
  const vPath = joinPath(base, 'version');
  const ok = version.kind === 'value' ? versionAtLeast(version.value, min) : false;
  if (!ok)
    return fail(
      `${t} ${version.kind === 'value' ? version.value : '(no version)'} is older than ${min}, which misses current injection and Log4j signatures`,
      vPath,
    );
  const overrides = joinPath(base, 'rule_group_override');
  const n = listLength(g, p, overrides);
  for (let i = 0; n.kind === 'value' && i < n.value; i++) {
    const o = joinPath(overrides, i);
    const disabled = g.value(p, joinPath(o, 'disabled_rules'));
    if (disabled.kind === 'literal' && Array.isArray(disabled.value) && disabled.value.includes('944240'))
      return fail(`${o}.disabled_rules turns off 944240, the Log4j JNDI rule`, joinPath(o, 'disabled_rules'));
    const rules = listLength(g, p, joinPath(o, 'rule'));
    for (let j = 0; rules.kind === 'value' && j < rules.value; j++) {
      const r = joinPath(o, 'rule', j);
      const id = readString(g, p, joinPath(r, 'id'));
      const on = readBoolean(g, p, joinPath(r, 'enabled'));
      if (id.kind === 'value' && id.value === '944240' && on.kind === 'value' && !on.value)
        return fail(`${r} disables 944240, the Log4j JNDI rule`, joinPath(r, 'enabled'));
    }
  }
  return pass(`runs ${t} ${version.kind === 'value' ? version.value : ''}`.trim(), vPath);
}

const wafPolicy: Check = (p, { graph }) => {
  const sets = 'managed_rules.managed_rule_set';
  const n = listLength(graph, p, sets);
  let core: CheckResult;
  if (n.kind === 'unknown') core = unknownAt(sets, n.reason);
  else {
    const judged: CheckResult[] = [];
    for (let i = 0; n.kind === 'value' && i < n.value; i++) {
      const r = judgeRuleSet(graph, p, joinPath(sets, i));
      if (r) judged.push(r);
    }
    core =
      bestOf(judged) ??
      fail('no OWASP or Microsoft_DefaultRuleSet managed rule set: only custom rules filter requests', sets);
  }
  const mode = readString(graph, p, 'policy_settings.mode');
  const enabled = readBoolean(graph, p, 'policy_settings.enabled');
  const modeResult =
    mode.kind === 'unknown'
      ? unknownAt('policy_settings.mode', mode.reason)
      : mode.kind === 'absent' || mode.value === 'Prevention'
        ? pass('the policy is in Prevention mode (the provider default when unset)', 'policy_settings.mode')
        : fail(
            `policy_settings.mode is ${mode.value}: matches are logged, never blocked; set Prevention`,
            'policy_settings.mode',
          );
  const enabledResult =
    enabled.kind === 'unknown'
      ? unknownAt('policy_settings.enabled', enabled.reason)
      : enabled.kind === 'value' && !enabled.value
        ? fail('policy_settings.enabled is false: the policy filters nothing', 'policy_settings.enabled')
        : pass('the policy is enabled', 'policy_settings.enabled');
  return eachOf([core, modeResult, enabledResult]);
};

export const wafManagedRulesRule: Rule = {
  id: 'ZT-INFERENCE-012',
  title: 'WAFs enforce managed rule sets',
  severity: 'high',
  layer: 'inference',
  rationale:
    'A WAF in front of a model API stops commodity attacks only through its rules. The vendors\u2019 managed rule ' +
    'sets track injection, cross-site scripting and exploit payloads such as Log4Shell (CVE-2021-44228) as they ' +
    'appear; a WAF without them, or with them only counting (Detection mode), passes those requests to the gateway.',
  remediation:
    'AWS: rules running the AWS managed groups AWSManagedRulesCommonRuleSet and AWSManagedRulesKnownBadInputsRuleSet ' +
    'with OverrideAction None, without excluding or counting Log4JRCE (createWaf in lib/aws/inference/waf.ts does). ' +
    'Terraform: aws_wafv2_web_acl rule blocks with statement { managed_rule_group_statement { vendor_name = "AWS", ' +
    'name = ... } } and override_action { none {} }. Azure: an azurerm_web_application_firewall_policy with managed_rule_set type OWASP version 3.2 (or ' +
    'Microsoft_DefaultRuleSet 2.1), policy_settings { enabled = true, mode = "Prevention" }, rule 944240 left on.',
  controls: [
    { framework: 'NIST-800-53', id: 'SC-7' },
    { framework: 'NIST-800-53', id: 'SI-3' },
    { framework: 'NIST-800-53', id: 'SI-10' },
    { framework: 'SOC2', id: 'CC6.8' },
    { framework: 'ISO-27001', id: 'A.8.8' },
    { framework: 'ISO-27001', id: 'A.8.20' },
  ],
  equivalents: [
    {
      tool: 'checkov',
      id: 'CKV_AWS_192',
      resourceTypes: ['AWS::WAFv2::WebACL', 'aws_wafv2_web_acl'],
      note: 'Checkov requires only the known-bad-inputs group (Log4j); this rule also requires the common rule set.',
      differences: [
        {
          resource: 'AWS::WAFv2::WebACL.Pass',
          reason:
            'runs only AWSManagedRulesKnownBadInputsRuleSet: this rule also requires AWSManagedRulesCommonRuleSet',
        },
        {
          resource: 'aws_wafv2_web_acl.pass',
          reason:
            'runs only AWSManagedRulesKnownBadInputsRuleSet: this rule also requires AWSManagedRulesCommonRuleSet',
        },
      ],
    },
  ],
  checks: {
    'AWS::WAFv2::WebACL': webAcl(CFN),
    aws_wafv2_web_acl: webAcl(TF),
    azurerm_web_application_firewall_policy: wafPolicy,
  },
};
