import { checkWaiver, formatProblem, WAIVER_METADATA_KEY } from '../../lib/core/waiver';
import { InputError } from './errors';
import type { ResourceWaiver } from './model';

/**
 * Waivers as stored in a synthesized file: an array of `{ ruleId, reason, expires? }`, checked
 * against the waiver contract (lib/core/waiver.ts). A malformed waiver is bad input, named by file
 * and resource with every problem found, never silently dropped.
 */
export function readWaivers(raw: unknown, origin: string, file: string, address: string): ResourceWaiver[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    throw new InputError(
      file,
      `resource ${address}: ${WAIVER_METADATA_KEY} must be an array of { ruleId, reason, expires? }`,
    );
  }
  return raw.map((w, i) => toResourceWaiver(w, origin, file, `resource ${address}`, `${WAIVER_METADATA_KEY}[${i}]`));
}

/** One waiver as the engine keeps it; `where` names the resource, `field` the waiver within it. */
export function toResourceWaiver(
  value: unknown,
  origin: string,
  file: string,
  where: string,
  field: string,
): ResourceWaiver {
  const checked = checkWaiver(value, field);
  if (checked.problems) throw new InputError(file, `${where}: ${checked.problems.map(formatProblem).join('; ')}`);
  return { ...checked.waiver, origin };
}
