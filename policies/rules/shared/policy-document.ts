import type { Resolved, ResourceGraph } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import { describeResolved, isIntrinsic, isPlainObject, rawAt } from './read';

/**
 * IAM-style policy documents (bucket policies, key policies) read into plain values, with every
 * part the engine cannot decide replaced by an `Opaque` carrying the reason. CloudFormation gives
 * the document as an object with intrinsics inside; Terraform as a JSON string whose strings may
 * hold `${...}` interpolations (only those parts are opaque; a literal `jsonencode({...})` is that
 * JSON string by the time it is loaded, tf-hcl.ts) or as one expression such as
 * `jsonencode(local.policy)` or a data source (then the whole document is unknown).
 */
export class Opaque {
  private text?: string;

  /** `why` is the reason, or the unresolved value it is described from (on demand: most are never shown). */
  constructor(private readonly why: string | Resolved) {}

  /** The value behind it when it is a reference or composed text (a Resource ARN built from a bucket). */
  get resolved(): Resolved | undefined {
    return typeof this.why === 'string' ? undefined : this.why;
  }

  get reason(): string {
    if (this.text === undefined) this.text = typeof this.why === 'string' ? this.why : describeResolved(this.why);
    return this.text;
  }
}

export type PolicyValue = string | number | boolean | null | Opaque | PolicyValue[] | { [k: string]: PolicyValue };

export type PolicyDocument =
  | { readonly kind: 'document'; readonly statements: readonly PolicyValue[] }
  | { readonly kind: 'absent' }
  | { readonly kind: 'unknown'; readonly reason: string };

function normalize(g: ResourceGraph, res: Resource, raw: unknown, depth = 0): PolicyValue {
  if (depth > 32) return new Opaque('the document is nested too deeply');
  if (isIntrinsic(raw) || (typeof raw === 'string' && raw.includes('${'))) {
    const r = g.resolve(res, raw);
    if (r.kind === 'literal' && !isIntrinsic(r.value) && !(typeof r.value === 'string' && r.value.includes('${'))) {
      return normalize(g, res, r.value, depth + 1);
    }
    return r.kind === 'absent' ? null : new Opaque(r);
  }
  // Copy on write: a list or object whose members all normalize to themselves (no intrinsic, no
  // interpolation inside) is its own normalized form and is shared, not copied.
  // The copy is made whole at the first change and then overwritten in place (sized once, never grown).
  if (Array.isArray(raw)) {
    let out: PolicyValue[] | undefined;
    for (let i = 0; i < raw.length; i++) {
      const v = normalize(g, res, raw[i], depth + 1);
      if (out === undefined && v !== raw[i]) out = raw.slice() as PolicyValue[];
      if (out !== undefined) out[i] = v;
    }
    return out ?? (raw as PolicyValue[]);
  }
  if (isPlainObject(raw)) {
    let out: { [k: string]: PolicyValue } | undefined;
    for (const k in raw) {
      const v = normalize(g, res, raw[k], depth + 1);
      if (out === undefined && v !== raw[k]) out = { ...(raw as { [k: string]: PolicyValue }) };
      if (out !== undefined) out[k] = v;
    }
    return out ?? (raw as { [k: string]: PolicyValue });
  }
  if (raw === undefined) return null;
  return raw as string | number | boolean | null;
}

/** The memo namespace of the document at `path`; a caller judging many resources may build it once. */
export const policyDocumentNamespace = (path: string): string => `policy-document ${path}`;

/**
 * The statements of the policy document at `path` of `res`: read once for the checks of the
 * resource being judged (several rules judge one document in a row), not kept for the whole run.
 */
export function readPolicyDocument(
  g: ResourceGraph,
  res: Resource,
  path: string,
  namespace = policyDocumentNamespace(path),
): PolicyDocument {
  return g.recent(namespace, res, () => read(g, res, path));
}

function read(g: ResourceGraph, res: Resource, path: string): PolicyDocument {
  let raw = rawAt(res, path);
  if (raw === undefined || raw === null || raw === '') {
    const r = g.value(res, path);
    if (r.kind === 'absent') return { kind: 'absent' };
    if (r.kind !== 'literal') return { kind: 'unknown', reason: describeResolved(r) };
    raw = r.value;
  }
  if (typeof raw === 'string') {
    try {
      raw = JSON.parse(raw);
    } catch {
      const r = g.value(res, path);
      return { kind: 'unknown', reason: r.kind === 'literal' ? 'it is not valid JSON' : describeResolved(r) };
    }
  }
  const doc = normalize(g, res, raw);
  if (doc instanceof Opaque) return { kind: 'unknown', reason: doc.reason };
  if (!isPlainObject(doc)) return { kind: 'unknown', reason: 'it is not a policy document object' };
  const statement = (doc as { [k: string]: PolicyValue }).Statement;
  if (statement instanceof Opaque) return { kind: 'unknown', reason: statement.reason };
  if (statement === undefined || statement === null) return { kind: 'document', statements: [] };
  return { kind: 'document', statements: Array.isArray(statement) ? statement : [statement] };
}

/** Three-valued logic over policy facts: true, false, or opaque (undecidable, with the reason). */
export type Tri = boolean | Opaque;

/** Conjunction: false wins over opaque, opaque over true. */
export function allOf(...values: Tri[]): Tri {
  if (values.some((v) => v === false)) return false;
  return values.find((v) => v instanceof Opaque) ?? true;
}

/** Disjunction: true wins over opaque, opaque over false. */
export function anyOf(values: readonly Tri[]): Tri {
  if (values.some((v) => v === true)) return true;
  return values.find((v) => v instanceof Opaque) ?? false;
}

/** `anyOf(items.map(test))`, without the intermediate list and stopping at the first true. */
export function some<T>(items: readonly T[], test: (item: T) => Tri): Tri {
  let opaque: Opaque | undefined;
  for (const item of items) {
    const t = test(item);
    if (t === true) return true;
    if (t !== false) opaque ??= t;
  }
  return opaque ?? false;
}

export const asList = (v: PolicyValue | undefined): PolicyValue[] =>
  v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];

/** `some(asList(v), test)`: a single value or a list of them, absent being none. */
export function someValue(v: PolicyValue | undefined, test: (item: PolicyValue) => Tri): Tri {
  if (v === undefined || v === null) return false;
  return Array.isArray(v) ? some(v, test) : test(v);
}

/** Case-insensitive lookup of an object key (IAM condition keys are case-insensitive). */
export function field(obj: PolicyValue | undefined, name: string): PolicyValue | undefined {
  if (!isPlainObject(obj) || obj instanceof Opaque) return undefined;
  const o = obj as { [k: string]: PolicyValue };
  // Names are ASCII, so a key of another length never matches: most keys are skipped unconverted.
  for (const k in o) if (k === name || (k.length === name.length && equalsIgnoreCase(k, name))) return o[k];
  return undefined;
}

const hasNonAscii = (text: string): boolean => {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return true;
  return false;
};

/**
 * `a.toLowerCase() === b.toLowerCase()` without the two lower-cased copies (this runs for every
 * key and value a statement predicate compares). ASCII is folded in place; any other character
 * takes the exact slow path.
 */
export function equalsIgnoreCase(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return (hasNonAscii(a) || hasNonAscii(b)) && a.toLowerCase() === b.toLowerCase();
  for (let i = 0; i < a.length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if (x > 127 || y > 127) return a.toLowerCase() === b.toLowerCase();
    const folded = x | 0x20;
    if (folded !== (y | 0x20) || folded < 0x61 || folded > 0x7a) return false;
  }
  return true;
}

/** IAM names and values compare case-insensitively. */
export function lowerCase(text: string): string {
  return text.toLowerCase();
}
