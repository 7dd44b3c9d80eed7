import { BlueprintConfigError } from './errors';
import { validateIsoDate } from './validate';

/**
 * A reasoned, visible exception to one policy rule on one resource. Waivers are written into the
 * synthesized template (CloudFormation resource Metadata / Terraform "//" block) so every
 * integration and the CLI see exactly the same set.
 */
export interface Waiver {
  /** Rule id, e.g. ZT-DATA-001. */
  readonly ruleId: string;
  /** Why the exception is acceptable; at least one sentence. */
  readonly reason: string;
  /** ISO date (YYYY-MM-DD) after which the waiver no longer applies and becomes a finding. */
  readonly expires?: string;
}

/** Metadata key under which waivers are stored, on both clouds. */
export const WAIVER_METADATA_KEY = 'zt:waivers';
export const RULE_ID_PATTERN = /^ZT-[A-Z]+-\d{3}$/;
/** Shortest acceptable reason: long enough to force a sentence, not a placeholder like "n/a". */
export const MIN_REASON_LENGTH = 20;

export function validateWaiver(w: Waiver, prop = 'waiver'): Waiver {
  if (!w || typeof w.ruleId !== 'string' || !RULE_ID_PATTERN.test(w.ruleId)) {
    throw new BlueprintConfigError(`${prop}.ruleId`, 'a rule id like ZT-DATA-001', w?.ruleId);
  }
  if (typeof w.reason !== 'string' || w.reason.trim().length < MIN_REASON_LENGTH) {
    throw new BlueprintConfigError(`${prop}.reason`, `a reason of at least ${MIN_REASON_LENGTH} characters`, w.reason);
  }
  if (w.expires !== undefined) validateIsoDate(`${prop}.expires`, w.expires);
  return { ruleId: w.ruleId, reason: w.reason.trim(), ...(w.expires ? { expires: w.expires } : {}) };
}
