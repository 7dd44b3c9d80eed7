import type { ResourceGraph } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import { describeResolved, isIntrinsic, isPlainObject, rawAt } from './read';

/**
 * IAM-style policy documents (bucket policies, key policies) read into plain values, with every
 * part the engine cannot decide replaced by an `Opaque` carrying the reason. CloudFormation gives
 * the document as an object with intrinsics inside; Terraform as a JSON string whose strings may
 * hold `${...}` interpolations (only those parts are opaque) or as one `jsonencode(...)` / data
 * source expression (then the whole document is unknown).
 */
export class Opaque {
  constructor(readonly reason: string) {}
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
    return r.kind === 'absent' ? null : new Opaque(describeResolved(r));
  }
  if (Array.isArray(raw)) return raw.map((v) => normalize(g, res, v, depth + 1));
  if (isPlainObject(raw)) {
    const out: { [k: string]: PolicyValue } = {};
    for (const [k, v] of Object.entries(raw)) out[k] = normalize(g, res, v, depth + 1);
    return out;
  }
  if (raw === undefined) return null;
  return raw as string | number | boolean | null;
}

/** The statements of the policy document at `path` of `res`. */
export function readPolicyDocument(g: ResourceGraph, res: Resource, path: string): PolicyDocument {
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

export const asList = (v: PolicyValue | undefined): PolicyValue[] =>
  v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];

/** Case-insensitive lookup of an object key (IAM condition keys are case-insensitive). */
export function field(obj: PolicyValue | undefined, name: string): PolicyValue | undefined {
  if (!isPlainObject(obj) || obj instanceof Opaque) return undefined;
  const key = Object.keys(obj).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : (obj as { [k: string]: PolicyValue })[key];
}
