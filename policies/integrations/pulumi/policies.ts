import type { Policies, ReportViolation, ResourceValidationPolicy, StackValidationPolicy } from '@pulumi/policy';
import { evaluate } from '../../engine/evaluate';
import type { Finding } from '../../engine/finding';
import { gatesFinding } from '../../engine/gate';
import { buildGraph } from '../../engine/resource-graph';
import type { Rule } from '../../engine/rule';
import { ALL_RULES } from '../../rules';
import { defaultEnforcement, POLICY_CONFIG_SCHEMA, type RulePolicyConfig, waiversFor } from './config';
import { translate, type PulumiResource } from './translate';

/**
 * The zero-trust rules as CrossGuard policies, one per rule id. A rule that decides from each
 * resource alone (`scope: 'resource'`) is a ResourceValidationPolicy; every other rule judges
 * companions or referenced resources (a bucket's public access block, a key behind an ARN) and is
 * a StackValidationPolicy over the whole stack. Only what fails the gate is a violation (failing
 * findings, expired waivers); an unknown is never one.
 */
const KNOWN_TYPES = new Set(ALL_RULES.flatMap((r) => [...Object.keys(r.checks), ...(r.reads ?? [])]));

interface ConfigArgs {
  getConfig<T extends object>(): T;
}

function violations(
  rule: Rule,
  resources: readonly PulumiResource[],
  config: RulePolicyConfig | undefined,
  now?: Date,
) {
  const t = translate(resources, KNOWN_TYPES, waiversFor(rule.id, config));
  const result = evaluate(buildGraph([t.document]), [rule], { now, ruleIds: [rule.id] });
  const urnOf = new Map([...t.addresses].map(([urn, address]) => [address, urn]));
  return result.findings
    .filter((f) => gatesFinding(f))
    .map((f) => ({ urn: urnOf.get(f.resource.address), text: describe(f) }));
}

function describe(f: Finding): string {
  const at = f.path ? ` (property ${f.path})` : '';
  return `${f.ruleId} ${f.title}: ${f.message}${at}`;
}

function config(args: ConfigArgs): RulePolicyConfig | undefined {
  try {
    return args.getConfig<RulePolicyConfig>();
  } catch {
    return undefined; // no config given for this policy
  }
}

export interface PolicyOptions {
  /** "Today" for waiver expiry (tests). @default new Date() */
  readonly now?: Date;
  readonly rules?: readonly Rule[];
}

export function resourcePolicy(rule: Rule, options: PolicyOptions = {}): ResourceValidationPolicy {
  return {
    name: rule.id,
    description: `${rule.title}. ${rule.remediationBy?.pulumi ?? rule.remediation}`,
    enforcementLevel: defaultEnforcement(rule.severity),
    configSchema: POLICY_CONFIG_SCHEMA as never,
    validateResource: (args, report: ReportViolation) => {
      const r: PulumiResource = { type: args.type, name: args.name, urn: args.urn, props: args.props, opts: args.opts };
      for (const v of violations(rule, [r], config(args), options.now)) report(v.text);
    },
  };
}

export function stackPolicy(rule: Rule, options: PolicyOptions = {}): StackValidationPolicy {
  return {
    name: rule.id,
    description: `${rule.title}. ${rule.remediationBy?.pulumi ?? rule.remediation}`,
    enforcementLevel: defaultEnforcement(rule.severity),
    configSchema: POLICY_CONFIG_SCHEMA as never,
    validateStack: (args, report: ReportViolation) => {
      for (const v of violations(rule, args.resources, config(args), options.now)) report(v.text, v.urn);
    },
  };
}

/** Every rule as a policy, by the same id, in catalogue order. */
export function zeroTrustPolicies(options: PolicyOptions = {}): Policies {
  return (options.rules ?? ALL_RULES).map((rule) =>
    rule.scope === 'resource' ? resourcePolicy(rule, options) : stackPolicy(rule, options),
  );
}
