import type { ResourceWaiver } from './model';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A waiver is valid through the end of its `expires` day (UTC) and expired from the next day on.
 * Without an expiry it never expires.
 */
export function isExpired(waiver: Pick<ResourceWaiver, 'expires'>, now: Date): boolean {
  if (waiver.expires === undefined) return false;
  const [y, m, d] = waiver.expires.split('-').map(Number);
  return now.getTime() >= Date.UTC(y, m - 1, d) + DAY_MS;
}
