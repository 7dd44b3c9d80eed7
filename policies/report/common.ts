import * as path from 'path';
import type { AppliedWaiver, EvaluationResult, Finding } from '../engine/finding';
import { SEVERITIES, severityAtLeast, type Rule, type Severity } from '../engine/rule';

/** Pieces every reporter shares: ordering, paths, thresholds, waiver states. */

export interface RenderOptions {
  /** Failures below it are still listed but marked as not gating. @default 'low' */
  readonly threshold?: Severity;
  /** Files are shown relative to it. @default process.cwd() */
  readonly cwd?: string;
}

/** A file as shown in reports: relative to cwd when inside it, forward slashes always. */
export function displayPath(file: string, cwd: string = process.cwd()): string {
  let shown = file;
  if (path.isAbsolute(file)) {
    const rel = path.relative(cwd, file);
    // Outside cwd an absolute path is clearer than a chain of "../".
    if (rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel)) shown = rel;
  } else {
    shown = path.normalize(file);
  }
  return shown.split(path.sep).join('/');
}

/** Deterministic order: rule, file, address. Reports must not depend on load order. */
export function byRuleThenResource(a: Finding, b: Finding): number {
  return (
    a.ruleId.localeCompare(b.ruleId) ||
    a.source.file.localeCompare(b.source.file) ||
    a.resource.address.localeCompare(b.resource.address) ||
    a.kind.localeCompare(b.kind)
  );
}

export function sortedFindings(result: EvaluationResult): Finding[] {
  return [...result.findings].sort(byRuleThenResource);
}

export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

export function isGating(f: Finding, threshold: Severity = 'low'): boolean {
  return f.status === 'fail' && severityAtLeast(f.severity, threshold);
}

export type WaiverState = 'applied' | 'expired' | 'unmatched';

export function waiverState(w: AppliedWaiver): WaiverState {
  if (w.expired) return 'expired';
  return w.matched ? 'applied' : 'unmatched';
}

export function sortedWaivers(result: EvaluationResult): AppliedWaiver[] {
  return [...result.waivers].sort(
    (a, b) =>
      a.ruleId.localeCompare(b.ruleId) ||
      a.source.file.localeCompare(b.source.file) ||
      a.resource.address.localeCompare(b.resource.address),
  );
}

export function ruleMap(rules: readonly Rule[]): Map<string, Rule> {
  return new Map(rules.map((r) => [r.id, r]));
}

/** Count of failing findings per severity, highest first, e.g. "1 critical, 2 high". */
export function severityBreakdown(findings: readonly Finding[]): string {
  return [...SEVERITIES]
    .reverse()
    .map((s) => [s, findings.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`)
    .join(', ');
}

/** Where a resource lives, for humans: stack and construct path when known. */
export function qualifiedName(f: Pick<Finding, 'source' | 'resource'>): string {
  if (f.source.constructPath) return f.source.constructPath;
  return f.source.stack ? `${f.source.stack}/${f.resource.address}` : f.resource.address;
}
