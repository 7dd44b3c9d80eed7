import * as path from 'path';
import type { EvaluationResult, Finding } from './finding';
import { compareText } from './text-order';

/**
 * Adoption baselines: an estate records today's failing findings once (`--write-baseline`) and from
 * then on fails only on new ones (`--baseline`). A finding matches by rule, file and resource address
 * (and property path), never by line, so edits elsewhere in a file keep the match. Baselined
 * findings stay in every report, marked, and never fail a gate.
 */
export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  readonly ruleId: string;
  /** POSIX path relative to the baseline's root (the directory the CLI ran in). */
  readonly file: string;
  readonly address: string;
  readonly path?: string;
}

export interface Baseline {
  readonly version: typeof BASELINE_VERSION;
  readonly findings: readonly BaselineEntry[];
}

export class BaselineError extends Error {}

const rel = (root: string, file: string) => path.relative(root, path.resolve(root, file)).split(path.sep).join('/');

export function baselineEntry(f: Finding, root: string): BaselineEntry {
  return {
    ruleId: f.ruleId,
    file: rel(root, f.source.file),
    address: f.resource.address,
    ...(f.path ? { path: f.path } : {}),
  };
}

const keyOf = (e: BaselineEntry) => [e.ruleId, e.file, e.address, e.path ?? ''].join('\u0000');

/** Every failing or unknown finding, deduplicated and sorted (a stable file under version control). */
export function writeBaseline(result: EvaluationResult, root: string): Baseline {
  const entries = new Map<string, BaselineEntry>();
  for (const f of result.findings) {
    if (f.status !== 'fail' && f.status !== 'unknown') continue;
    const e = baselineEntry(f, root);
    entries.set(keyOf(e), e);
  }
  return {
    version: BASELINE_VERSION,
    findings: [...entries.values()].sort((a, b) => compareText(keyOf(a), keyOf(b))),
  };
}

export function parseBaseline(text: string, file: string): Baseline {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new BaselineError(`${file}: not JSON (write one with --write-baseline)`);
  }
  const b = raw as { version?: unknown; findings?: unknown };
  if (typeof raw !== 'object' || raw === null || b.version !== BASELINE_VERSION || !Array.isArray(b.findings))
    throw new BaselineError(`${file}: expected { "version": ${BASELINE_VERSION}, "findings": [...] }`);
  b.findings.forEach((e, i) => {
    const x = e as Partial<BaselineEntry>;
    if (typeof x.ruleId !== 'string' || typeof x.file !== 'string' || typeof x.address !== 'string')
      throw new BaselineError(`${file}: findings[${i}] needs string ruleId, file and address`);
    if (x.path !== undefined && typeof x.path !== 'string')
      throw new BaselineError(`${file}: findings[${i}].path must be a string`);
  });
  return raw as Baseline;
}

/** Marks the findings the baseline holds; returns the result and how many entries matched nothing. */
export function applyBaseline(
  result: EvaluationResult,
  baseline: Baseline,
  root: string,
): { result: EvaluationResult; matched: number; stale: number } {
  const keys = new Set(baseline.findings.map(keyOf));
  const used = new Set<string>();
  const findings = result.findings.map((f) => {
    if (f.status !== 'fail' && f.status !== 'unknown') return f;
    const k = keyOf(baselineEntry(f, root));
    // Unmatched failures are marked too (false): SARIF reports them as "new" against the baseline.
    if (!keys.has(k)) return { ...f, baselined: false };
    used.add(k);
    return { ...f, baselined: true };
  });
  return { result: { ...result, findings }, matched: used.size, stale: keys.size - used.size };
}
