import { CheckResult, pass } from '../../engine/rule';

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

/** Every condition must hold: the first fail, else the first unknown, else a pass summarizing them. */
export function worstOf(results: readonly CheckResult[], passMessage?: string, passPath?: string): CheckResult {
  const bad = results.find((r) => r.verdict === 'fail') ?? results.find((r) => r.verdict === 'unknown');
  if (bad) return bad;
  const passes = results.filter((r) => r.verdict === 'pass');
  return pass(passMessage ?? passes.map((r) => r.message).join('; '), passPath ?? passes[0]?.path);
}
