import type { EvaluationResult, Finding } from '../engine/finding';
import { severityAtLeast, type Rule, type Severity } from '../engine/rule';
import { render, type TextSection } from '../report';
import { ALL_RULES } from '../rules';

/** What the synth-time integrations share: options, rule selection, gating and the printed note. */

export interface ZeroTrustOptions {
  /** Failing findings at or above it fail synth; below it they are reported as warnings. @default 'low' */
  readonly severityThreshold?: Severity;
  /** Only these rule ids (each must exist in the catalogue). @default every rule */
  readonly rules?: readonly string[];
  /** "Today" for waiver expiry. @default the current date */
  readonly now?: Date;
  /**
   * Where the waiver list (and unknowns, and a summary line) is printed at synth, so every
   * exception stays visible. `false` prints nothing. @default writes to stderr
   */
  readonly print?: ((text: string) => void) | false;
}

export function selectRules(ids: readonly string[] | undefined, where: string): readonly Rule[] {
  if (!ids) return ALL_RULES;
  const known = new Set(ALL_RULES.map((r) => r.id));
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length > 0) {
    throw new Error(
      `${where}: unknown rule id(s) ${missing.join(', ')} in options.rules (known: ${[...known].join(', ')})`,
    );
  }
  return ALL_RULES.filter((r) => ids.includes(r.id));
}

export function gates(f: Finding, threshold: Severity): boolean {
  return f.status === 'fail' && severityAtLeast(f.severity, threshold);
}

/**
 * Prints waivers, unknowns and the summary: what the synth tool's own failure output does not show.
 * With `print: false` nothing is rendered at all (the note is only ever printed).
 */
export function printNote(
  result: EvaluationResult,
  rules: readonly Rule[],
  options: ZeroTrustOptions,
  heading: string,
  sections: readonly TextSection[] = ['unknowns', 'waivers', 'summary'],
): void {
  if (options.print === false) return;
  const note = render(result, rules, 'text', { sections, threshold: options.severityThreshold ?? 'low' });
  (options.print ?? ((t: string) => process.stderr.write(t)))(`[${heading}]\n${note}`);
}
