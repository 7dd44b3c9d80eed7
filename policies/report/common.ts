import * as path from 'path';
import type { AppliedWaiver, EvaluationResult, Finding } from '../engine/finding';
import { gate, gatesFinding, type GateOptions, type GateVerdict } from '../engine/gate';
import { SEVERITIES, type Rule } from '../engine/rule';

/** Pieces every reporter shares: options, ordering, paths, the gate verdict, waiver states, coverage. */

export interface RenderOptions extends GateOptions {
  /** Files are shown relative to it. @default process.cwd() */
  readonly cwd?: string;
  /** SARIF artifact URIs are relative to it (`%SRCROOT%`). @default cwd */
  readonly srcroot?: string;
  /** When the run happened (JUnit timestamps). @default now */
  readonly now?: Date;
  /**
   * Repository web URL for rule help links (helpUri `<url>/blob/HEAD/docs/rules/<ID>.md`). Not given: this
   * package's own (package.json `repository`, else a GitHub `homepage`); given as undefined: none, and the
   * relative docs path is shown instead.
   */
  readonly repositoryUrl?: string;
  /**
   * Ids of the whole catalogue, when `rules` is a selection: a waiver of a catalogued rule that was
   * not selected is `not-selected` (used only when evaluation did not set the waiver's state).
   */
  readonly catalogue?: readonly string[];
  /** SARIF results per run (GitHub code scanning accepts 25,000). @default 25000 */
  readonly maxSarifResults?: number;
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

/** Code-point order: the same on every machine and locale, and fast on a million findings. */
/**
 * displayPath for one report: a report names a few files once per finding, and each is made
 * relative (path.relative resolves the cwd) only the first time.
 */
export function displayPaths(cwd?: string): (file: string) => string {
  const shown = new Map<string, string>();
  return (file) => {
    let text = shown.get(file);
    if (text === undefined) shown.set(file, (text = displayPath(file, cwd)));
    return text;
  };
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Deterministic order: rule, file, address, kind, property path. Reports must not depend on load order. */
export function byRuleThenResource(a: Finding, b: Finding): number {
  return (
    compare(a.ruleId, b.ruleId) ||
    compare(a.source.file, b.source.file) ||
    compare(a.resource.address, b.resource.address) ||
    compare(a.kind, b.kind) ||
    compare(a.path ?? '', b.path ?? '')
  );
}

/** A report that lists passing findings cannot be written from a result that only counted them. */
export function requireEveryFinding(result: EvaluationResult, report: string): void {
  if (result.findingsListed === 'actionable')
    throw new Error(`the ${report} report lists every finding: evaluate with findings: 'all'`);
}

export function sortedFindings(result: EvaluationResult): Finding[] {
  return [...result.findings].sort(byRuleThenResource);
}

/** `sortedFindings(result).filter(keep)`, sorting only what is kept (a few failures of 400k passes). */
export function sortedFindingsWhere(result: EvaluationResult, keep: (f: Finding) => boolean): Finding[] {
  return result.findings.filter(keep).sort(byRuleThenResource);
}

export function groupBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** Whether the finding fails the gate (the engine's decision, the same in every gate and format). */
export function isGating(f: Finding, options: GateOptions = {}): boolean {
  return gatesFinding(f, options);
}

export function verdictOf(result: EvaluationResult, options: GateOptions = {}): GateVerdict {
  return gate(result, options);
}

export type WaiverState = NonNullable<AppliedWaiver['state']>;

export const WAIVER_STATES: readonly WaiverState[] = ['applied', 'unused', 'expired', 'unmatched', 'not-selected'];

/**
 * The waiver's state as evaluation set it. For results without `state` it is derived: `applied`
 * only when a finding was actually waived by it, never for a waiver that waived nothing.
 */
export function waiverStates(
  result: EvaluationResult,
  options: Pick<RenderOptions, 'catalogue'> = {},
  selected: readonly { readonly id: string }[] = [],
): (w: AppliedWaiver) => WaiverState {
  let waived: Set<string> | undefined;
  const catalogue = new Set(options.catalogue ?? []);
  const chosen = new Set(selected.map((r) => r.id));
  return (w) => {
    if (w.state) return w.state;
    if (w.expired) return 'expired';
    if (!w.matched) return catalogue.has(w.ruleId) && !chosen.has(w.ruleId) ? 'not-selected' : 'unmatched';
    waived ??= new Set(
      result.findings.filter((f) => f.status === 'waived').map((f) => `${f.ruleId}\u0000${f.resource.key}`),
    );
    return waived.has(`${w.ruleId}\u0000${w.resource.key}`) ? 'applied' : 'unused';
  };
}

export function sortedWaivers(result: EvaluationResult): AppliedWaiver[] {
  return [...result.waivers].sort(
    (a, b) =>
      compare(a.ruleId, b.ruleId) ||
      compare(a.source.file, b.source.file) ||
      compare(a.resource.address, b.resource.address),
  );
}

export function uncoveredTypes(result: EvaluationResult): { readonly type: string; readonly count: number }[] {
  return [...(result.coverage?.uncovered ?? [])].sort((a, b) => b.count - a.count || compare(a.type, b.type));
}

export function skippedInputs(result: EvaluationResult): { readonly path: string; readonly reason: string }[] {
  return [...(result.skipped ?? [])].sort((a, b) => compare(a.path, b.path));
}

export function ruleMap(rules: readonly Rule[]): Map<string, Rule> {
  return new Map(rules.map((r) => [r.id, r]));
}

/** Count of findings per severity, highest first, e.g. "1 critical, 2 high". */
export function severityBreakdown(findings: readonly Finding[]): string {
  const counts = new Map<string, number>();
  for (let i = 0; i < findings.length; i++) {
    const s = findings[i].severity;
    counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  return [...SEVERITIES]
    .reverse()
    .filter((s) => (counts.get(s) ?? 0) > 0)
    .map((s) => `${counts.get(s)} ${s}`)
    .join(', ');
}

/** Where a resource lives, for humans: stack and construct path when known. */
export function qualifiedName(f: Pick<Finding, 'source' | 'resource'>): string {
  if (f.source.constructPath) return f.source.constructPath;
  return f.source.stack ? `${f.source.stack}/${f.resource.address}` : f.resource.address;
}
