import type { Resolved, ResourceGraph } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import { Concatenation, type ReferenceValue, type Unknown } from '../../engine/resolved';
import { Opaque, type PolicyValue } from './policy-document';
import { describeResolved, isPlainObject } from './read';

/**
 * A SageMaker Pipelines definition (a JSON string property) read into plain values. CDK writes
 * the string as an Fn::Join of JSON text and intrinsics, cdktf as text with `${...}`
 * interpolations: each non-text part becomes an `Opaque` carrying the value it resolves to (a
 * role ARN, a KMS key reference), so the literal parts are judged and the rest stays honest.
 * Pipeline expressions (`{"Get": "Parameters.X"}`, `Std:Join`, `Std:JsonGet`) are decided per
 * execution: they are `Opaque` too.
 */
export type PipelineDefinition =
  { readonly kind: 'definition'; readonly root: PolicyValue } | { readonly kind: 'unknown'; readonly reason: string };

/** Private-use characters: valid inside JSON strings, never in SageMaker's own text. */
const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARK = new RegExp(`${OPEN}(\\d+)${CLOSE}`, 'g');

type Part = ReferenceValue | Unknown;

/** The definition text with a marker for each part that is not text, or why there is none. */
function markedText(r: Resolved): { text: string; parts: Part[] } | string {
  if (r.kind === 'literal') return typeof r.value === 'string' ? { text: r.value, parts: [] } : 'it is not a string';
  if (r.kind !== 'composed') return describeResolved(r);
  let text = '';
  const parts: Part[] = [];
  let inString = false;
  let escaped = false;
  for (const p of r.parts) {
    if (typeof p === 'string') {
      for (const ch of p) {
        if (escaped) escaped = false;
        else if (inString && ch === '\\') escaped = true;
        else if (ch === '"') inString = !inString;
      }
      text += p;
      continue;
    }
    const marker = `${OPEN}${parts.length}${CLOSE}`;
    parts.push(p);
    // Outside a string the part is a whole JSON value (a number or a list token): quote its marker.
    text += inString ? marker : `"${marker}"`;
  }
  return { text, parts };
}

const PIPELINE_EXPRESSIONS = ['Get', 'Std:Join', 'Std:JsonGet'];

function restore(v: unknown, parts: readonly Part[], depth = 0): PolicyValue {
  if (depth > 64) return new Opaque('the definition is nested too deeply');
  if (typeof v === 'string') return v.includes(OPEN) ? textWithParts(v, parts) : v;
  if (Array.isArray(v)) return v.map((x) => restore(x, parts, depth + 1));
  if (isPlainObject(v)) {
    const keys = Object.keys(v);
    if (keys.length === 1 && PIPELINE_EXPRESSIONS.includes(keys[0])) {
      const what = keys[0] === 'Get' && typeof v.Get === 'string' ? `Get ${v.Get}` : keys[0];
      return new Opaque(`it is a pipeline expression (${what}), decided when the pipeline runs`);
    }
    const out: { [k: string]: PolicyValue } = {};
    for (const k of keys) out[k] = restore(v[k], parts, depth + 1);
    return out;
  }
  return v as PolicyValue;
}

/** A JSON string holding markers: the part alone, or text and parts joined (an S3 URI, an ARN). */
function textWithParts(s: string, parts: readonly Part[]): Opaque {
  const whole = new RegExp(`^${OPEN}(\\d+)${CLOSE}$`).exec(s);
  if (whole) return new Opaque(parts[Number(whole[1])]);
  const c = new Concatenation();
  let last = 0;
  for (const m of s.matchAll(MARK)) {
    c.addText(s.slice(last, m.index));
    c.add(parts[Number(m[1])]);
    last = m.index! + m[0].length;
  }
  c.addText(s.slice(last));
  return new Opaque(c.result());
}

/** The definition held at `path` of `res` (a JSON string), read once per graph. */
export function readPipelineDefinition(g: ResourceGraph, res: Resource, path: string): PipelineDefinition {
  return g.memo(`pipeline-definition ${path}`, res, () => {
    const marked = markedText(g.value(res, path));
    if (typeof marked === 'string') return { kind: 'unknown', reason: marked };
    let parsed: unknown;
    try {
      parsed = JSON.parse(marked.text);
    } catch {
      return { kind: 'unknown', reason: 'its literal text is not valid JSON' };
    }
    return { kind: 'definition', root: restore(parsed, marked.parts) };
  });
}

/** The member at `key` of a definition value; an Opaque stands for everything inside it. */
export function member(v: PolicyValue | undefined, key: string): PolicyValue | undefined {
  if (v instanceof Opaque) return v;
  if (!isPlainObject(v)) return undefined;
  return (v as { [k: string]: PolicyValue })[key];
}

/** `member` along a dotted path. */
export function memberAt(v: PolicyValue | undefined, path: string): PolicyValue | undefined {
  let cur = v;
  for (const key of path.split('.')) cur = member(cur, key);
  return cur;
}

export interface PipelineStep {
  readonly type: string;
  readonly arguments: PolicyValue | undefined;
  /** `Steps[Train]`, or `Steps[2]` when the name is not literal. */
  readonly at: string;
}

/**
 * Every step of the definition, condition steps' branches (IfSteps, ElseSteps) included, or an
 * Opaque when the step list (or a step's type) cannot be read.
 */
export function pipelineSteps(root: PolicyValue): PipelineStep[] | Opaque {
  const out: PipelineStep[] = [];
  const walk = (list: PolicyValue | undefined, base: string): Opaque | undefined => {
    if (list instanceof Opaque) return list;
    if (list === undefined || list === null) return undefined;
    if (!Array.isArray(list)) return new Opaque(`${base} is not a list of steps`);
    for (let i = 0; i < list.length; i++) {
      const step = list[i];
      const name = member(step, 'Name');
      const at = `${base}[${typeof name === 'string' ? name : i}]`;
      const type = member(step, 'Type');
      if (type instanceof Opaque) return type;
      if (typeof type !== 'string') return new Opaque(`${at} has no Type`);
      const args = member(step, 'Arguments');
      if (type === 'Condition') {
        for (const branch of ['IfSteps', 'ElseSteps']) {
          const bad = walk(member(args, branch), `${at}.Arguments.${branch}`);
          if (bad) return bad;
        }
      }
      out.push({ type, arguments: args, at });
    }
    return undefined;
  };
  const bad = walk(member(root, 'Steps'), 'Steps');
  return bad ?? out;
}
