import { BlueprintConfigError } from './errors';
import { checkWaiver, isIsoDate, type Waiver } from './waiver';

/**
 * Prop validators shared by both clouds. Each throws BlueprintConfigError naming the prop, so the
 * same bad input gets the same message on AWS and Azure.
 */

/** Lower-case letters, digits and hyphens; starts with a letter; no trailing hyphen. */
const NAME_PATTERN = /^[a-z][a-z0-9-]*[a-z0-9]$/;

export function validateName(prop: string, value: unknown, maxLength = 24, minLength = 2): string {
  const ok =
    typeof value === 'string' &&
    NAME_PATTERN.test(value) &&
    value.length >= minLength &&
    value.length <= maxLength &&
    !value.includes('--');
  if (!ok) {
    throw new BlueprintConfigError(
      prop,
      `${minLength}-${maxLength} lower-case letters, digits or single hyphens, starting with a letter`,
      value,
    );
  }
  return value;
}

export function validateOneOf<T extends string>(prop: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new BlueprintConfigError(prop, `one of ${allowed.join(', ')}`, value);
  }
  return value as T;
}

export function validateIntRange(prop: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new BlueprintConfigError(prop, `an integer from ${min} to ${max}`, value);
  }
  return value;
}

export function validateNonEmpty<T>(prop: string, value: readonly T[] | undefined): readonly T[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new BlueprintConfigError(prop, 'a non-empty list', value);
  }
  return value;
}

export function validateUnique(prop: string, values: readonly string[]): void {
  const seen = new Set<string>();
  for (const v of values) {
    if (seen.has(v)) throw new BlueprintConfigError(prop, 'unique entries, no duplicates', v);
    seen.add(v);
  }
}

/** IPv4 CIDR with a prefix between minPrefix and maxPrefix, host bits zero. */
export function validateCidr(prop: string, value: unknown, minPrefix = 8, maxPrefix = 28): string {
  const expected = `an IPv4 CIDR block like 10.20.0.0/16 with a prefix from /${minPrefix} to /${maxPrefix}`;
  if (typeof value !== 'string') throw new BlueprintConfigError(prop, expected, value);
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(value);
  if (!m) throw new BlueprintConfigError(prop, expected, value);
  const octets = m.slice(1, 5).map(Number);
  const prefix = Number(m[5]);
  if (octets.some((o) => o > 255) || prefix < minPrefix || prefix > maxPrefix) {
    throw new BlueprintConfigError(prop, expected, value);
  }
  const addr = octets.reduce((acc, o) => acc * 256 + o, 0);
  const hostBits = 2 ** (32 - prefix);
  if (addr % hostBits !== 0) throw new BlueprintConfigError(prop, `${expected} (host bits must be zero)`, value);
  return value;
}

/** Splits a CIDR into `count` equal subnets of `newPrefix` (used for private-endpoint subnets). */
export function subdivideCidr(cidr: string, newPrefix: number, count: number): string[] {
  const [ip, prefixText] = cidr.split('/');
  const prefix = Number(prefixText);
  if (newPrefix < prefix || 2 ** (newPrefix - prefix) < count) {
    throw new BlueprintConfigError('cidr', `room for ${count} /${newPrefix} subnets`, cidr);
  }
  const base = ip
    .split('.')
    .map(Number)
    .reduce((acc, o) => acc * 256 + o, 0);
  const size = 2 ** (32 - newPrefix);
  return Array.from({ length: count }, (_, i) => `${toIp(base + i * size)}/${newPrefix}`);
}

function toIp(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
}

/** ISO calendar date (YYYY-MM-DD), used by waiver expiries; impossible dates (2024-02-30) are rejected. */
export function validateIsoDate(prop: string, value: unknown): string {
  if (!isIsoDate(value)) throw new BlueprintConfigError(prop, 'an ISO date YYYY-MM-DD', value);
  return value;
}

/** A well-formed waiver (lib/core/waiver.ts), normalized; the first problem is thrown, naming its field. */
export function validateWaiver(waiver: Waiver, prop = 'waiver'): Waiver {
  const checked = checkWaiver(waiver, prop);
  if (checked.problems) {
    const [first] = checked.problems;
    throw new BlueprintConfigError(first.field, first.expected, first.got);
  }
  return checked.waiver;
}
