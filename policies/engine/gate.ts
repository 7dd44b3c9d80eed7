import type { EvaluationResult, Finding } from './finding';
import { severityAtLeast, type Rule, type Severity } from './rule';

/**
 * Rule selection and the pass/fail decision, written once for every gate (CDK plugin, CDKTF
 * validation, CLI, Pulumi pack): the same findings give the same verdict everywhere.
 */

export class RuleSelectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RuleSelectionError';
  }
}

export interface RuleSelection {
  /** Only these rule ids (each must exist in the catalogue). @default every rule */
  readonly include?: readonly string[];
  /** Never these rule ids (each must exist in the catalogue). */
  readonly exclude?: readonly string[];
}

/** The selected rules, in catalogue order; an unknown id is an error naming `where` (the option). */
export function selectRules(all: readonly Rule[], selection: RuleSelection, where: string): readonly Rule[] {
  const known = new Set(all.map((r) => r.id));
  for (const [ids, what] of [
    [selection.include, 'include'],
    [selection.exclude, 'exclude'],
  ] as const) {
    const missing = (ids ?? []).filter((id) => !known.has(id));
    if (missing.length > 0) {
      throw new RuleSelectionError(
        `unknown rule id(s) ${missing.join(', ')} in ${where} (${what}; see zt-check rules)`,
      );
    }
  }
  const include = selection.include ? new Set(selection.include) : undefined;
  const exclude = new Set(selection.exclude ?? []);
  return all.filter((r) => (!include || include.has(r.id)) && !exclude.has(r.id));
}

export interface GateOptions {
  /** Findings below this severity are reported but never fail the gate. @default 'low' */
  readonly threshold?: Severity;
  /** Unknown findings fail the gate too. @default false */
  readonly failOnUnknown?: boolean;
  /** Resource types no rule covers fail the gate. @default false */
  readonly failOnUncovered?: boolean;
}

export interface GateVerdict {
  readonly failed: boolean;
  /** Findings that fail the gate (status fail, or unknown under failOnUnknown), at or above the threshold. */
  readonly gating: readonly Finding[];
  /** Uncovered resource types that fail the gate under failOnUncovered. */
  readonly uncovered: readonly string[];
}

export function gatesFinding(f: Finding, options: GateOptions = {}): boolean {
  if (f.baselined) return false;
  const threshold = options.threshold ?? 'low';
  const bad = f.status === 'fail' || (options.failOnUnknown === true && f.status === 'unknown');
  return bad && severityAtLeast(f.severity, threshold);
}

export function gate(result: EvaluationResult, options: GateOptions = {}): GateVerdict {
  const gating = result.findings.filter((f) => gatesFinding(f, options));
  const uncovered = options.failOnUncovered ? (result.coverage?.uncovered ?? []).map((u) => u.type) : [];
  return { failed: gating.length > 0 || uncovered.length > 0, gating, uncovered };
}
