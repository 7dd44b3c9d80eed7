import { BlueprintConfigError } from '../../lib/core/errors';
import { validateWaiver, type Waiver } from '../../lib/core/waiver';
import { InputError } from './errors';
import type { ResourceWaiver } from './model';

/**
 * Waivers as stored in a synthesized file: an array of `{ ruleId, reason, expires? }`. A malformed
 * waiver is bad input (named by file and resource), never silently dropped.
 */
export function readWaivers(raw: unknown, origin: string, file: string, address: string): ResourceWaiver[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    throw new InputError(file, `resource ${address}: zt:waivers must be an array of { ruleId, reason, expires? }`);
  }
  return raw.map((w, i) => toResourceWaiver(w as Waiver, origin, file, `resource ${address}: zt:waivers[${i}]`));
}

export function toResourceWaiver(w: Waiver, origin: string, file: string, where: string): ResourceWaiver {
  try {
    if (typeof w !== 'object' || w === null) throw new BlueprintConfigError('waiver', 'an object', w);
    const valid = validateWaiver(w, 'waiver');
    return { ...valid, origin };
  } catch (e) {
    if (e instanceof BlueprintConfigError) throw new InputError(file, `${where}: ${e.message}`);
    throw e;
  }
}
