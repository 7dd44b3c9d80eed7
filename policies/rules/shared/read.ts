import type { Resolved, ResourceGraph } from '../../engine/graph';
import { asBoolean, asNumber, asString, describeResolved } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import { CheckResult, unknown } from '../../engine/rule';

/**
 * Typed reads of one property. Rules branch on three states only: a usable value, absent, or
 * unknown (with the reason the engine gave, or why the literal is not of the expected type).
 */
export { describeResolved };

export type Read<T> =
  | { readonly kind: 'value'; readonly value: T }
  | { readonly kind: 'absent' }
  | { readonly kind: 'unknown'; readonly reason: string };

// The reads that carry nothing particular are shared (most properties a rule reads are absent or a boolean).
const ABSENT_READ: Read<never> = Object.freeze({ kind: 'absent' });
const TRUE_READ: Read<boolean> = Object.freeze({ kind: 'value', value: true });
const FALSE_READ: Read<boolean> = Object.freeze({ kind: 'value', value: false });

function typed<T>(r: Resolved, convert: (r: Resolved) => T | undefined, what: string): Read<T> {
  if (r.kind === 'absent') return ABSENT_READ;
  if (r.kind === 'literal' && (r.value === null || r.value === undefined)) return ABSENT_READ;
  const v = convert(r);
  if (v === true) return TRUE_READ as Read<T>;
  if (v === false) return FALSE_READ as Read<T>;
  if (v !== undefined) return { kind: 'value', value: v };
  if (r.kind === 'literal') return { kind: 'unknown', reason: `expected ${what}, found ${JSON.stringify(r.value)}` };
  return { kind: 'unknown', reason: describeResolved(r) };
}

/** A resolved value read as a boolean, string or number (the same three states as the readers below). */
export function readResolved(r: Resolved, type: 'boolean' | 'string' | 'number'): Read<boolean | string | number> {
  const convert = type === 'boolean' ? asBoolean : type === 'number' ? asNumber : asString;
  return typed<boolean | string | number>(r, convert, `a ${type}`);
}

export const readBoolean = (g: ResourceGraph, res: Resource, path: string): Read<boolean> =>
  typed(g.value(res, path), asBoolean, 'a boolean');

export const readNumber = (g: ResourceGraph, res: Resource, path: string): Read<number> =>
  typed(g.value(res, path), asNumber, 'a number');

export const readString = (g: ResourceGraph, res: Resource, path: string): Read<string> =>
  typed(g.value(res, path), asString, 'a string');

/** True when the property exists at all (any literal, reference or unresolved value). */
export function isPresent(g: ResourceGraph, res: Resource, path: string): boolean {
  const r = g.value(res, path);
  return !(r.kind === 'absent' || (r.kind === 'literal' && (r.value === null || r.value === undefined)));
}

/** The standard `unknown` result for a property whose value could not be decided. */
export function unknownAt(path: string, reason: string): CheckResult {
  return unknown(`${path} cannot be decided at synth time: ${reason}`, path);
}

/**
 * The raw synthesized value at a dotted path, stepping through plain objects and arrays only (a
 * single-element array is stepped through when the next segment is a name, as graph.value does).
 * Returns undefined when the path is missing or crosses an intrinsic / interpolation.
 */
export function rawAt(res: Resource, path: string): unknown {
  let cur: unknown = res.properties;
  // Segments are cut out one by one: this runs for nearly every property a rule reads.
  for (let start = 0; start <= path.length;) {
    let end = path.indexOf('.', start);
    if (end < 0) end = path.length;
    const seg = path.slice(start, end);
    start = end + 1;
    if (seg === '') continue;
    if (Array.isArray(cur)) {
      if (/^\d+$/.test(seg)) cur = cur[Number(seg)];
      else if (cur.length === 1 && isPlainObject(cur[0])) cur = (cur[0] as Record<string, unknown>)[seg];
      else return undefined;
    } else if (isPlainObject(cur) && !isIntrinsic(cur)) {
      cur = cur[seg];
    } else {
      return undefined;
    }
  }
  return cur;
}

/** A CloudFormation intrinsic function object ({"Ref": ...}, {"Fn::If": ...}, ...). */
export function isIntrinsic(v: unknown): boolean {
  if (!isPlainObject(v)) return false;
  let only: string | undefined;
  for (const key in v) {
    if (only !== undefined) return false;
    only = key;
  }
  return only !== undefined && (only === 'Ref' || only.startsWith('Fn::') || only === 'Condition');
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Number of elements of a list property (0 when absent; 1 for a single object where a list is
 * allowed), or unknown when the list itself is computed (Fn::If, a parameter, an interpolation).
 */
export function listLength(g: ResourceGraph, res: Resource, path: string): Read<number> {
  const raw = rawAt(res, path);
  if (Array.isArray(raw)) return { kind: 'value', value: raw.length };
  if (isPlainObject(raw) && !isIntrinsic(raw)) return { kind: 'value', value: 1 };
  const r = g.value(res, path);
  if (r.kind === 'absent') return { kind: 'value', value: 0 };
  if (r.kind === 'literal') {
    if (Array.isArray(r.value)) return { kind: 'value', value: r.value.length };
    return { kind: 'value', value: r.value === null || r.value === undefined ? 0 : 1 };
  }
  return { kind: 'unknown', reason: describeResolved(r) };
}

/** Joins path segments, skipping empty ones. */
export function joinPath(...parts: (string | number)[]): string {
  let out = '';
  for (const p of parts) {
    if (p === '' || p === undefined) continue;
    out = out === '' ? String(p) : `${out}.${p}`;
  }
  return out;
}

/**
 * A resource attribute outside Properties (CFN DeletionPolicy, Terraform lifecycle.prevent_destroy):
 * stepped through plain objects and lists of one, the leaf resolved through the graph.
 */
export function attributeValue(g: ResourceGraph, res: Resource, path: string): Resolved {
  let cur: unknown = res.attributes;
  for (const seg of path.split('.')) {
    if (Array.isArray(cur) && cur.length === 1) cur = cur[0];
    if (!isPlainObject(cur)) return { kind: 'absent' };
    cur = cur[seg];
  }
  return g.resolve(res, cur);
}

const CONVERT = { boolean: asBoolean, string: asString, number: asNumber } as const;

/** `readBoolean` / `readString` / `readNumber` of a resource attribute. */
export function readAttribute<T extends keyof typeof CONVERT>(
  g: ResourceGraph,
  res: Resource,
  path: string,
  type: T,
): Read<NonNullable<ReturnType<(typeof CONVERT)[T]>>> {
  return typed(attributeValue(g, res, path), CONVERT[type] as never, `a ${type}`);
}

/** `judge` on each element of a list property (its path), or one unknown when the list itself is computed. */
export function eachListed(
  g: ResourceGraph,
  res: Resource,
  list: string,
  judge: (path: string) => CheckResult[],
): CheckResult[] {
  const n = listLength(g, res, list);
  if (n.kind === 'unknown') return [unknownAt(list, n.reason)];
  const out: CheckResult[] = [];
  for (let i = 0; n.kind === 'value' && i < n.value; i++) out.push(...judge(joinPath(list, i)));
  return out;
}
