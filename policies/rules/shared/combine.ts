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
  const bad = results.filter((r) => r.verdict === 'fail' || r.verdict === 'unknown');
  if (bad.length > 0) return bad;
  const passes = results.filter((r) => r.verdict === 'pass');
  if (passes.length === 0 && results.length > 0) return [results[0]];
  return [pass(passMessage ?? passes.map((r) => r.message).join('; '), passPath ?? passes[0]?.path)];
}

/** Flattens a check's result(s) into a list. */
export function asResults(out: CheckResult | readonly CheckResult[]): readonly CheckResult[] {
  return Array.isArray(out) ? (out as readonly CheckResult[]) : [out as CheckResult];
}

/** A check whose conditions are other checks on the same resource, each its own finding. */
export function allChecks(...checks: readonly Check[]): Check {
  return (res, ctx) => eachOf(checks.flatMap((c) => asResults(c(res, ctx))));
}
