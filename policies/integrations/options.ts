import type { EvaluationResult } from '../engine/finding';
import { selectRules, type GateOptions } from '../engine/gate';
import type { Rule, Severity } from '../engine/rule';
import { render, type TextSection } from '../report';
import { ALL_RULES } from '../rules';

/** What the synth-time integrations share: options and the printed note. Selection and gating are gate.ts. */

export interface ZeroTrustOptions {
  /** Failing findings at or above it fail synth; below it they are reported as warnings. @default 'low' */
  readonly severityThreshold?: Severity;
  /** Only these rule ids (each must exist in the catalogue). @default every rule */
  readonly rules?: readonly string[];
  /** Unknown findings (at or above the threshold) fail synth too, as `zt-check --fail-on-unknown`. @default false */
  readonly failOnUnknown?: boolean;
  /** "Today" for waiver expiry. @default the current date */
  readonly now?: Date;
  /**
   * Where the waiver list (and unknowns, and a summary line) is printed at synth, so every
   * exception stays visible. `false` prints nothing. @default writes to stderr
   */
  readonly print?: ((text: string) => void) | false;
}

/** The selected rules; an unknown id is an error naming the option, e.g. `ZeroTrustValidationPlugin options.rules`. */
export function rulesOf(options: ZeroTrustOptions, where: string): readonly Rule[] {
  return selectRules(ALL_RULES, { include: options.rules }, `${where} options.rules`);
}

export function gateOptionsOf(options: ZeroTrustOptions): GateOptions {
  return { threshold: options.severityThreshold ?? 'low', failOnUnknown: options.failOnUnknown === true };
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
  extra = '',
): void {
  if (options.print === false) return;
  const note = render(result, rules, 'text', { sections, threshold: options.severityThreshold ?? 'low' });
  (options.print ?? ((t: string) => process.stderr.write(t)))(`[${heading}]\n${extra}${note}`);
}
