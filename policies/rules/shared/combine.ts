import type { Check, CheckResult } from '../../engine/rule';
import { pass } from '../../engine/rule';

/** Combining the results of several candidates or several required conditions. */

/** Any of several candidates may satisfy the requirement: any pass, else any unknown, else the first fail. */
export function bestOf(results: readonly CheckResult[]): CheckResult | undefined {
  return (
    results.find((r) => r.verdict === 'pass') ??
    results.find((r) => r.verdict === 'unknown') ??
    results.find((r) => r.verdict === 'fail') ??
    results[0]
  );
}

/** Every candidate must satisfy it (two policies on one bucket: the worst applies). */
export function worstOf(results: readonly CheckResult[]): CheckResult | undefined {
  return results.find((r) => r.verdict === 'fail') ?? results.find((r) => r.verdict === 'unknown') ?? results[0];
}

/**
 * Every condition must hold, each judged at its own property: one finding per failing or unknown
 * condition (each names its path), or one pass summarizing them. Not-applicable conditions drop out.
 */
export function eachOf(results: readonly CheckResult[], passMessage?: string, passPath?: string): CheckResult[] {
  // Loops rather than filter/map chains: this runs for nearly every resource.
  let bad: CheckResult[] | undefined;
  let firstPass: CheckResult | undefined;
  for (const r of results) {
    if (r.verdict === 'fail' || r.verdict === 'unknown') (bad ??= []).push(r);
    else if (r.verdict === 'pass') firstPass ??= r;
  }
  if (bad !== undefined) return bad;
  if (firstPass === undefined && results.length > 0) return [results[0]];
  return [pass(passMessage ?? passMessages(results), passPath ?? firstPass?.path)];
}

/** The passes' messages joined with "; ". */
function passMessages(results: readonly CheckResult[]): string {
  let out: string | undefined;
  for (const r of results) if (r.verdict === 'pass') out = out === undefined ? r.message : `${out}; ${r.message}`;
  return out ?? '';
}

/** Flattens a check's result(s) into a list. */
export function asResults(out: CheckResult | readonly CheckResult[]): readonly CheckResult[] {
  return Array.isArray(out) ? (out as readonly CheckResult[]) : [out as CheckResult];
}

/** A check whose conditions are other checks on the same resource, each its own finding. */
export function allChecks(...checks: readonly Check[]): Check {
  return (res, ctx) => {
    // Every check's result(s) into one list, without a list per check (flatMap and asResults).
    const results: CheckResult[] = [];
    for (const c of checks) {
      const out = c(res, ctx);
      if (Array.isArray(out)) for (const r of out as readonly CheckResult[]) results.push(r);
      else results.push(out as CheckResult);
    }
    return eachOf(results);
  };
}
