import { Provider, ResourceSource, ResourceWaiver } from './model';
import { Layer, Severity, Verdict } from './rule';

/** What evaluation yields and every reporter / integration consumes. */

/** Final status after waivers: a failing check covered by a valid waiver is `waived`. */
export type Status = Verdict | 'waived';

export interface FindingResource {
  readonly address: string;
  readonly type: string;
  readonly provider: Provider;
  readonly key: string;
}

export interface Finding {
  readonly ruleId: string;
  readonly title: string;
  readonly severity: Severity;
  readonly layer: Layer;
  /** The check's own verdict, before waivers. */
  readonly verdict: Verdict;
  /** The outcome that counts (gates synth / sets the exit code when `fail`). */
  readonly status: Status;
  readonly message: string;
  readonly path?: string;
  readonly resource: FindingResource;
  readonly source: ResourceSource;
  /** `check` for an ordinary rule result; `expired-waiver` when a waiver's expiry has passed. */
  readonly kind: 'check' | 'expired-waiver';
  readonly waiver?: AppliedWaiver;
  /** Recorded in the adoption baseline (`--baseline`): still reported, never fails a gate. */
  readonly baselined?: boolean;
}

export interface AppliedWaiver extends ResourceWaiver {
  readonly resource: FindingResource;
  readonly source: ResourceSource;
  readonly expired: boolean;
  /** False when the waiver names a rule that is not in the catalogue or not applicable. */
  readonly matched: boolean;
  /**
   * What the waiver did in this run: `applied` (it turned a failing finding into `waived`), `unused`
   * (the rule passed, was unknown or not applicable there: nothing to waive), `expired` (a failing
   * finding of its own), `unmatched` (the rule is not in the catalogue or has no check for the
   * resource type), `not-selected` (the rule exists but was not selected for this run).
   */
  readonly state?: 'applied' | 'unused' | 'expired' | 'unmatched' | 'not-selected';
}

export interface DocumentSummary {
  readonly file: string;
  readonly format: 'cloudformation' | 'terraform';
  readonly stack?: string;
  readonly resources: number;
}

export interface EvaluationSummary {
  readonly resources: number;
  readonly rulesEvaluated: number;
  readonly pass: number;
  readonly fail: number;
  readonly unknown: number;
  readonly notApplicable: number;
  readonly waived: number;
}

/** `actionable`: only failing, unknown and waived findings are listed (EvaluateOptions.findings). */
export type FindingsListed = 'all' | 'actionable';

export interface EvaluationResult {
  readonly findings: readonly Finding[];
  /**
   * Set to `actionable` when passing and not-applicable findings were counted in `summary` but
   * not listed; absent when every finding is listed.
   */
  readonly findingsListed?: FindingsListed;
  readonly waivers: readonly AppliedWaiver[];
  readonly documents: readonly DocumentSummary[];
  readonly summary: EvaluationSummary;
  /** Resource types present in the input that no selected rule has a check for, with their counts. */
  readonly coverage?: { readonly uncovered: readonly { readonly type: string; readonly count: number }[] };
  /** Inputs that were not evaluated, with why (from the loader). */
  readonly skipped?: readonly { readonly path: string; readonly reason: string }[];
  /** Evaluation time only (no loading), milliseconds. */
  readonly durationMs: number;
}
