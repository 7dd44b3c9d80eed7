import type { ResourceGraph } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import { type Check, type CheckResult, fail, pass } from '../../engine/rule';
import { type Read, joinPath, readAttribute, readBoolean, readNumber, readString, unknownAt } from './read';

/**
 * The one judgement most checks are: "this argument must hold an accepted value; when it is absent
 * the provider's default applies; when it cannot be decided at synth time the verdict is unknown".
 * A rule states the expectation per shape (path and default differ by tool), never the logic.
 */

type Scalar = boolean | string | number;
type TypeName = 'boolean' | 'string' | 'number';

export interface Setting<T extends Scalar = Scalar> {
  readonly path: string;
  readonly type: TypeName;
  readonly accept: (value: T) => boolean;
  /** What compliant looks like, for messages: "true", "TLS1_2 or TLS1_3", "at least 7". */
  readonly want: string;
  /** The provider's value when the argument is absent; without one, absence fails ("set it explicitly"). */
  readonly providerDefault?: T;
  /** What a non-compliant value lets happen, appended to failures: "plain HTTP is accepted". */
  readonly risk?: string;
  /** Older spellings of the argument (azurerm 3.x names): each one present is judged as well. */
  readonly aliases?: readonly string[];
  /** Where the argument lives: resource properties, or resource attributes (DeletionPolicy, lifecycle). */
  readonly in?: 'properties' | 'attributes';
}

export interface SettingOptions<T extends Scalar> {
  readonly providerDefault?: T;
  readonly risk?: string;
  readonly aliases?: readonly string[];
  readonly in?: 'properties' | 'attributes';
}

const READERS: Record<TypeName, (g: ResourceGraph, res: Resource, path: string) => Read<Scalar>> = {
  boolean: readBoolean,
  string: readString,
  number: readNumber,
};

const show = (v: Scalar): string => (typeof v === 'string' ? JSON.stringify(v) : String(v));

function judgeOne<T extends Scalar>(g: ResourceGraph, res: Resource, s: Setting<T>, path: string): CheckResult {
  const v = (s.in === 'attributes' ? readAttribute(g, res, path, s.type) : READERS[s.type](g, res, path)) as Read<T>;
  return judgeRead(s, path, v);
}

/** The verdict of a setting on a value already read (one found inside a JSON string property). */
export function judgeRead<T extends Scalar>(s: Setting<T>, path: string, v: Read<T>): CheckResult {
  if (v.kind === 'unknown') return unknownAt(path, v.reason);
  if (v.kind === 'absent') {
    if (s.providerDefault === undefined) return fail(`${path} is not set; set it to ${s.want} explicitly`, path);
    const d = show(s.providerDefault);
    return s.accept(s.providerDefault)
      ? pass(`${path} is not set; the provider default (${d}) is compliant`, path)
      : fail(`${path} is not set (defaults to ${d})${riskOf(s)}; set it to ${s.want}`, path);
  }
  return s.accept(v.value)
    ? pass(`${path} is ${show(v.value)}`, path)
    : fail(`${path} is ${show(v.value)}${riskOf(s)}; set it to ${s.want}`, path);
}

/** The risk clause of a failure message (built only for failures). */
const riskOf = (s: { readonly risk?: string }): string => (s.risk ? `: ${s.risk}` : '');

/**
 * Judges the setting under `base` (a block path, '' for top level). With aliases, every spelling
 * that is present is judged and the worst counts; when none is present, the main one is judged
 * as absent (so the provider default decides).
 */
export function judgeSetting<T extends Scalar>(g: ResourceGraph, res: Resource, s: Setting<T>, base = ''): CheckResult {
  const main = base === '' ? s.path : joinPath(base, s.path);
  if (!s.aliases || s.aliases.length === 0) return judgeOne(g, res, s, main);
  // Each present spelling in order; the first failure, else the first unknown, else the first (a loop, no lists).
  let first: CheckResult | undefined;
  let firstUnknown: CheckResult | undefined;
  for (let i = -1; i < s.aliases.length; i++) {
    const p = i < 0 ? main : joinPath(base, s.aliases[i]);
    if (g.value(res, p).kind === 'absent') continue;
    const r = judgeOne(g, res, s, p);
    if (r.verdict === 'fail') return r;
    if (r.verdict === 'unknown') firstUnknown ??= r;
    first ??= r;
  }
  return firstUnknown ?? first ?? judgeOne(g, res, s, main);
}

/** A check that is exactly one setting. */
export function setting<T extends Scalar>(s: Setting<T>): Check {
  return (res, { graph }) => judgeSetting(graph, res, s);
}

export function isTrue(path: string, o: SettingOptions<boolean> = {}): Setting<boolean> {
  return { path, type: 'boolean', accept: (v) => v, want: 'true', ...o };
}

export function isFalse(path: string, o: SettingOptions<boolean> = {}): Setting<boolean> {
  return { path, type: 'boolean', accept: (v) => !v, want: 'false', ...o };
}

export function oneOf(path: string, values: readonly string[], o: SettingOptions<string> = {}): Setting<string> {
  const want = values.length === 1 ? JSON.stringify(values[0]) : values.map((v) => JSON.stringify(v)).join(' or ');
  return { path, type: 'string', accept: (v) => values.includes(v), want, ...o };
}

export function atLeast(path: string, min: number, o: SettingOptions<number> = {}): Setting<number> {
  return { path, type: 'number', accept: (v) => v >= min, want: `at least ${min}`, ...o };
}
