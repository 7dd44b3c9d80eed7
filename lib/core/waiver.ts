/**
 * The waiver contract: what a waiver is, where it is recorded and when it is well-formed. The
 * constructs that write waivers (lib/aws/waive.ts, lib/azure/waive.ts) and the policy engine that
 * reads them (policies/engine/waiver-read.ts) share this one module. It imports nothing, so the
 * engine depends on the contract without depending on the constructs or their error type: each
 * side wraps the problems in its own error (BlueprintConfigError, InputError).
 */

/**
 * A reasoned, visible exception to one policy rule on one resource. Waivers are written into the
 * synthesized template (CloudFormation resource Metadata / Terraform "//" block) so every
 * integration and the CLI see exactly the same set.
 */
export interface Waiver {
  /** Rule id, e.g. ZT-DATA-001. */
  readonly ruleId: string;
  /** Why the exception is acceptable; at least one sentence. */
  readonly reason: string;
  /** ISO date (YYYY-MM-DD); the waiver holds through that day (UTC) and is a finding of its own after it. */
  readonly expires?: string;
}

/** Metadata key under which waivers are stored, on both clouds. */
export const WAIVER_METADATA_KEY = 'zt:waivers';

/**
 * Name of the zero-trust CDK validation plugin, and so the CDK acknowledgement namespace: CDK
 * qualifies a plugin's rule `ZT-DATA-001` as `ZeroTrust::ZT-DATA-001`.
 */
export const ZERO_TRUST_PLUGIN_NAME = 'ZeroTrust';
export const ZERO_TRUST_ACKNOWLEDGEMENT_PREFIX = `${ZERO_TRUST_PLUGIN_NAME}::`;

export const RULE_ID_PATTERN = /^ZT-[A-Z]+-\d{3}$/;
/** Fewest visible characters in a reason: enough to force a sentence, not a placeholder like "n/a". */
export const MIN_REASON_LENGTH = 20;

/** One thing wrong with a waiver: the field (e.g. `waiver.reason`), what was expected, what was given. */
export interface WaiverProblem {
  readonly field: string;
  readonly expected: string;
  readonly got: unknown;
}

/** A well-formed waiver (normalized), or every problem found. */
export type WaiverCheck =
  | { readonly waiver: Waiver; readonly problems?: undefined }
  | { readonly waiver?: undefined; readonly problems: readonly WaiverProblem[] };

const FIELDS = new Set(['ruleId', 'reason', 'expires']);

/** Checks a waiver as given by a caller or read from a file; never throws. */
export function checkWaiver(value: unknown, field = 'waiver'): WaiverCheck {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { problems: [{ field, expected: 'an object { ruleId, reason, expires? }', got: value }] };
  }
  const w = value as Record<string, unknown>;
  const problems: WaiverProblem[] = [];
  if (typeof w.ruleId !== 'string' || !RULE_ID_PATTERN.test(w.ruleId)) {
    problems.push({ field: `${field}.ruleId`, expected: 'a rule id like ZT-DATA-001', got: w.ruleId });
  }
  problems.push(...reasonProblems(w.reason, `${field}.reason`));
  if (w.expires !== undefined && !isIsoDate(w.expires)) {
    problems.push({ field: `${field}.expires`, expected: 'an ISO date YYYY-MM-DD', got: w.expires });
  }
  // A misspelt field (`expiry`) would otherwise leave a waiver that never expires.
  for (const key of Object.keys(w).filter((k) => !FIELDS.has(k))) {
    problems.push({ field: `${field}.${key}`, expected: 'only the fields ruleId, reason, expires', got: w[key] });
  }
  if (problems.length > 0) return { problems };
  const waiver = { ruleId: w.ruleId as string, reason: (w.reason as string).trim() };
  return { waiver: w.expires === undefined ? waiver : { ...waiver, expires: w.expires as string } };
}

/** Problems of a reason (also used for cdk-nag acknowledgements): empty when it is acceptable. */
export function reasonProblems(reason: unknown, field: string): WaiverProblem[] {
  if (typeof reason === 'string' && visibleLength(reason, MIN_REASON_LENGTH) >= MIN_REASON_LENGTH) return [];
  return [{ field, expected: `a reason of at least ${MIN_REASON_LENGTH} visible characters`, got: reason }];
}

/**
 * Characters that show nothing on their own: whitespace, controls, format characters (zero-width
 * spaces and joiners, bidi marks), other default-ignorable and unassigned code points, combining
 * marks, the blank Braille pattern. A reason made of them is no reason.
 */
const INVISIBLE = /^[\s\p{C}\p{Z}\p{M}\p{Default_Ignorable_Code_Point}\u2800]$/u;

/**
 * Visible characters (code points) in `text`, counted up to `atMost` (every waiver of every
 * template is checked on each load, so this copies nothing and stops once it has enough).
 */
export function visibleLength(text: string, atMost = Infinity): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    // Printable ASCII is visible; anything else asks the Unicode classes.
    if ((c > 0x20 && c < 0x7f) || (c > 0x7f && !INVISIBLE.test(ch))) {
      if (++n >= atMost) return n;
    }
  }
  return n;
}

/** A real calendar date written YYYY-MM-DD: 2024-02-30 is rejected, not rolled over to March. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** "field: expected X (got Y)", with Y quoted, escaped and shortened: safe on one line of a terminal. */
export function formatProblem(p: WaiverProblem): string {
  return `${p.field}: expected ${p.expected}${p.got === undefined ? '' : ` (got ${describe(p.got)})`}`;
}

const MAX_SHOWN = 80;

function describe(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  // JSON escapes C0 controls; escape the other invisible characters too (bidi overrides, ZWSP, C1).
  text = text.replace(
    /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu,
    (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
  );
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}... (${text.length} characters)` : text;
}
