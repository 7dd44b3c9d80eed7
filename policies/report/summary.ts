import type { EvaluationResult } from '../engine/finding';
import { isGating, severityBreakdown, skippedInputs, uncoveredTypes, verdictOf, type RenderOptions } from './common';

export interface SummaryOptions extends RenderOptions {
  /** Some named input could not be read (the CLI exits 2): the verdict is never PASSED then. */
  readonly incomplete?: boolean;
}

/** FAILED when the gate fails, else INCOMPLETE when an input could not be read, else PASSED. */
export function verdictWord(
  result: EvaluationResult,
  options: SummaryOptions = {},
): 'FAILED' | 'INCOMPLETE' | 'PASSED' {
  if (verdictOf(result, options).failed) return 'FAILED';
  return options.incomplete ? 'INCOMPLETE' : 'PASSED';
}

/**
 * One line, e.g. "FAILED: 2 failing (1 critical, 1 high), 1 unknown, 3 waived, 40 passed, 2 n/a
 * across 45 resource(s) in 2 document(s); 2 waiver(s), 1 expired; 1 uncovered type(s) (3 resource(s))".
 * Its verdict is the gate's (--fail-on-unknown / --fail-on-uncovered included), as the exit code.
 */
export function summaryLine(result: EvaluationResult, options: SummaryOptions = {}): string {
  const failing = result.findings.filter((f) => f.status === 'fail');
  const gating = failing.filter((f) => isGating(f, options));
  const baselined = failing.filter((f) => f.baselined).length;
  const breakdown =
    (failing.length > 0 ? ` (${severityBreakdown(failing)})` : '') + (baselined > 0 ? `, ${baselined} baselined` : '');
  const threshold =
    options.threshold && options.threshold !== 'low' ? `, ${gating.length} at or above ${options.threshold}` : '';
  const s = result.summary;
  const gatingUnknown = options.failOnUnknown
    ? result.findings.filter((f) => f.status === 'unknown' && isGating(f, options)).length
    : 0;
  const unknownNote = gatingUnknown > 0 ? ` (${gatingUnknown} failing: --fail-on-unknown)` : '';
  const expired = result.waivers.filter((w) => w.expired || w.state === 'expired').length;
  const uncovered = uncoveredTypes(result);
  const uncoveredNote =
    uncovered.length > 0
      ? `; ${uncovered.length} uncovered type(s) (${uncovered.reduce((n, u) => n + u.count, 0)} resource(s))` +
        (options.failOnUncovered ? ' failing: --fail-on-uncovered' : '')
      : '';
  const skipped = skippedInputs(result).length;
  const skippedNote = skipped > 0 ? `; ${skipped} input(s) skipped` : '';
  return (
    `${verdictWord(result, options)}: ${failing.length} failing${breakdown}${threshold}, ${s.unknown} unknown${unknownNote}, ` +
    `${s.waived} waived, ${s.pass} passed, ${s.notApplicable} n/a across ${s.resources} resource(s) in ` +
    `${result.documents.length} document(s); ${result.waivers.length} waiver(s), ${expired} expired${uncoveredNote}${skippedNote}`
  );
}
