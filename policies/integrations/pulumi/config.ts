import { checkWaiver, formatProblem, MIN_REASON_LENGTH } from '../../../lib/core/waiver';
import type { Severity } from '../../engine/rule';
import type { PulumiResource, PulumiWaiver } from './translate';

/**
 * The pack's configuration (`pulumi preview --policy-pack-config zt.json`), per policy (= rule id):
 * the enforcement level Pulumi reads itself, and waivers for Pulumi resources, each naming the
 * resource by URN or by a name pattern (`*` matches any run of characters) with a reason and an
 * optional expiry. The engine applies them exactly as it applies synthesized waivers (an expired
 * waiver is a violation of its own).
 */
export interface PulumiWaiverConfig {
  /** A resource URN, or a pattern over the resource's name (and URN), e.g. "legacy-*". */
  readonly resource: string;
  readonly reason: string;
  readonly expires?: string;
}

export interface RulePolicyConfig {
  readonly waivers?: readonly PulumiWaiverConfig[];
}

/** JSON schema of one policy's config (Pulumi validates the config file against it). */
export const POLICY_CONFIG_SCHEMA = {
  properties: {
    waivers: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          resource: { type: 'string', minLength: 1 },
          reason: { type: 'string', minLength: MIN_REASON_LENGTH },
          expires: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
        },
        required: ['resource', 'reason'],
        additionalProperties: false,
      },
    },
  },
} as const;

/** Default enforcement: a low-severity rule advises, everything else blocks the update. */
export function defaultEnforcement(severity: Severity): 'advisory' | 'mandatory' {
  return severity === 'low' ? 'advisory' : 'mandatory';
}

export class PulumiConfigError extends Error {}

function matches(pattern: string, r: PulumiResource): boolean {
  if (pattern.startsWith('urn:')) return pattern === r.urn;
  const re = new RegExp(
    `^${pattern
      .split('*')
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return re.test(r.name) || re.test(r.urn);
}

/** The waivers of one rule that name a resource; a malformed entry is an error naming it. */
export function waiversFor(
  ruleId: string,
  config: RulePolicyConfig | undefined,
): (r: PulumiResource) => PulumiWaiver[] {
  const entries = (config?.waivers ?? []).map((w, i) => {
    const checked = checkWaiver(
      { ruleId, reason: w.reason, ...(w.expires ? { expires: w.expires } : {}) },
      `${ruleId}.waivers[${i}]`,
    );
    if (checked.problems) throw new PulumiConfigError(checked.problems.map(formatProblem).join('; '));
    if (typeof w.resource !== 'string' || w.resource === '')
      throw new PulumiConfigError(`${ruleId}.waivers[${i}].resource must name a URN or a name pattern`);
    return { pattern: w.resource, waiver: checked.waiver };
  });
  return (r) => entries.filter((e) => matches(e.pattern, r)).map((e) => e.waiver);
}
