import type { AppliedWaiver } from '../engine/finding';
import { displayPath } from './common';
import { mdTable, mdText } from './markdown';
import { cleanText } from './sanitize';
import { compareText } from '../engine/text-order';

/**
 * `zt-check waivers`: the register auditors ask for. Every waiver found in the inputs with rule,
 * resource, reason, expiry, origin and what it did in this run; those in force that expire within
 * the window listed again so they are renewed or fixed in time.
 */
export interface WaiverRow {
  readonly ruleId: string;
  readonly resource: string;
  readonly type: string;
  readonly file: string;
  readonly construct?: string;
  readonly reason: string;
  readonly expires?: string;
  readonly daysLeft?: number;
  readonly origin: string;
  readonly state: string;
  readonly inForce: boolean;
}

const DAY = 86_400_000;

export function waiverRows(waivers: readonly AppliedWaiver[], now: Date, cwd?: string): WaiverRow[] {
  return waivers
    .map((w) => {
      const expiresAt = w.expires ? Date.parse(w.expires) : NaN;
      const daysLeft = Number.isNaN(expiresAt) ? undefined : Math.floor((expiresAt - now.getTime()) / DAY);
      return {
        ruleId: w.ruleId,
        resource: w.resource.address,
        type: w.resource.type,
        file: displayPath(w.source.file, cwd),
        ...(w.source.constructPath ? { construct: w.source.constructPath } : {}),
        reason: w.reason,
        ...(w.expires ? { expires: w.expires } : {}),
        ...(daysLeft !== undefined ? { daysLeft } : {}),
        origin: w.origin,
        state: w.state ?? (w.expired ? 'expired' : 'applied'),
        inForce: !w.expired && w.matched,
      };
    })
    .sort((a, b) => compareText(`${a.ruleId} ${a.file} ${a.resource}`, `${b.ruleId} ${b.file} ${b.resource}`));
}

export function expiringSoon(rows: readonly WaiverRow[], days: number): WaiverRow[] {
  return rows.filter((r) => r.inForce && r.daysLeft !== undefined && r.daysLeft <= days);
}

export function renderWaiverRegister(
  rows: readonly WaiverRow[],
  format: 'text' | 'md' | 'json',
  expiringWithin?: number,
): string {
  const soon = expiringWithin === undefined ? undefined : expiringSoon(rows, expiringWithin);
  if (format === 'json')
    return `${JSON.stringify({ waivers: rows, ...(soon ? { expiringWithin, expiring: soon } : {}) }, null, 2)}\n`;
  const expiry = (r: WaiverRow) => (r.expires ? `${r.expires} (${r.daysLeft} day(s) left)` : 'none');
  if (format === 'md') {
    const table = (list: readonly WaiverRow[]) =>
      mdTable(
        ['rule', 'resource', 'file', 'reason', 'expires', 'origin', 'state'],
        list.map((r) => [
          r.ruleId,
          mdText(cleanText(r.resource)),
          mdText(cleanText(r.file)),
          mdText(cleanText(r.reason)),
          expiry(r),
          r.origin,
          r.state,
        ]),
      );
    const out = [
      '# Waivers',
      '',
      `${rows.length} waiver(s), ${rows.filter((r) => r.inForce).length} in force.`,
      '',
      ...table(rows),
      '',
    ];
    if (soon)
      out.push(`## Expiring within ${expiringWithin} day(s)`, '', ...(soon.length ? table(soon) : ['None.']), '');
    return out.join('\n');
  }
  const line = (r: WaiverRow) =>
    `${r.ruleId} ${cleanText(r.resource)} (${r.type}) in ${cleanText(r.file)}${r.construct ? ` [${cleanText(r.construct)}]` : ''}\n` +
    `    reason: ${cleanText(r.reason)}\n    expires: ${expiry(r)}; origin: ${r.origin}; state: ${r.state}${r.inForce ? '' : ' (not in force)'}`;
  const out = [`${rows.length} waiver(s), ${rows.filter((r) => r.inForce).length} in force`, ...rows.map(line)];
  if (soon) out.push('', `expiring within ${expiringWithin} day(s): ${soon.length}`, ...soon.map(line));
  return `${out.join('\n')}\n`;
}
