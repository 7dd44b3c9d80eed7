import { getAttTarget, intrinsicName, isPseudoParameter, NO_VALUE, parseSub, subArguments } from './cfn-intrinsics';
import type { Resolved } from './graph';
import type { Document, Resource } from './model';
import { classifyExpression, interpolations } from './tf-expressions';

/** Value resolution for one document (see the Resolved doc comment in graph.ts). */

export interface Scope {
  readonly document: Document;
  /** Address -> resource of the document. */
  readonly resources: ReadonlyMap<string, Resource>;
  /** Terraform strings with interpolations, resolved once per document (they repeat a lot). */
  readonly interpolated: Map<string, Resolved>;
}

const ABSENT: Resolved = { kind: 'absent' };
const literal = (value: unknown): Resolved => ({ kind: 'literal', value });
const unknown = (reason: string): Resolved => ({ kind: 'unknown', reason });

export function resolve(scope: Scope, raw: unknown): Resolved {
  if (raw === undefined || raw === null) return ABSENT;
  return scope.document.format === 'terraform' ? resolveTf(scope, raw) : resolveCfn(scope, raw);
}

/** Walks `segments` from `root`; intrinsics met on the way are resolved first (Fn::If: both branches). */
export function resolvePath(scope: Scope, root: unknown, segments: readonly string[], from = 0): Resolved {
  let node = root;
  let i = from;
  while (i < segments.length) {
    if (node === undefined || node === null) return ABSENT;
    if (typeof node === 'object' && !Array.isArray(node) && scope.document.format === 'cloudformation') {
      const fn = intrinsicName(node);
      const arg = fn === undefined ? undefined : (node as Record<string, unknown>)[fn];
      if (fn === 'Fn::If' && Array.isArray(arg)) {
        const whenTrue = resolvePath(scope, arg[1], segments, i);
        const whenFalse = resolvePath(scope, arg[2], segments, i);
        return sameResolved(whenTrue, whenFalse) ? whenTrue : unknown(`depends on condition ${String(arg[0])}`);
      }
      if (fn !== undefined) {
        const r = resolveCfn(scope, node);
        if (r.kind !== 'literal') return notAContainer(r, segments, i);
        node = r.value;
        continue;
      }
    }
    if (typeof node === 'string' && scope.document.format === 'terraform' && node.includes('${')) {
      return notAContainer(resolveTf(scope, node), segments, i);
    }
    const segment = segments[i];
    if (Array.isArray(node)) {
      if (/^\d+$/.test(segment)) node = node[Number(segment)];
      else if (node.length === 1) {
        node = node[0]; // Terraform nested blocks are arrays of one: step through, same segment
        continue;
      } else return ABSENT;
    } else if (typeof node === 'object') {
      node = Object.prototype.hasOwnProperty.call(node, segment)
        ? (node as Record<string, unknown>)[segment]
        : undefined;
    } else return ABSENT;
    i++;
  }
  return resolve(scope, node);
}

function notAContainer(r: Resolved, segments: readonly string[], i: number): Resolved {
  if (r.kind === 'reference') {
    return unknown(`${segments.slice(0, i).join('.') || 'value'} is a reference to ${r.to.address}, not an object`);
  }
  return r;
}

function resolveCfn(scope: Scope, raw: unknown): Resolved {
  const name = intrinsicName(raw);
  if (name === undefined) return raw === undefined || raw === null ? ABSENT : literal(raw);
  const arg = (raw as Record<string, unknown>)[name];
  switch (name) {
    case 'Ref':
      return typeof arg === 'string' ? resolveName(scope, arg) : unknown('Ref to a computed name');
    case 'Fn::GetAtt':
      return resolveGetAtt(scope, arg);
    case 'Fn::Sub':
      return resolveSub(scope, arg);
    case 'Fn::Join':
      return resolveJoin(scope, arg);
    case 'Fn::If': {
      if (!Array.isArray(arg)) return unknown('malformed Fn::If');
      const a = resolve(scope, arg[1]);
      const b = resolve(scope, arg[2]);
      return sameResolved(a, b) ? a : unknown(`depends on condition ${String(arg[0])}`);
    }
    case 'Fn::Select': {
      if (!Array.isArray(arg) || !Array.isArray(arg[1]) || !/^\d+$/.test(String(arg[0]))) {
        return unknown('Fn::Select over a computed list');
      }
      return resolve(scope, arg[1][Number(arg[0])]);
    }
    case 'Fn::ImportValue':
      return unknown(`imported value (Fn::ImportValue ${describe(arg)})`);
    case 'Fn::FindInMap':
      return unknown(`mapping lookup (Fn::FindInMap ${Array.isArray(arg) ? describe(arg[0]) : ''})`);
    default:
      return unknown(`computed by ${name} at deploy time`);
  }
}

function resolveGetAtt(scope: Scope, arg: unknown): Resolved {
  let target: string | undefined;
  let attribute: string | undefined;
  // The usual ["Res", "Attr"] form is read in place (as getAttTarget reads it), without a temporary.
  if (Array.isArray(arg) && typeof arg[0] === 'string') {
    target = arg[0];
    if (typeof arg[1] === 'string') attribute = arg[1];
  } else {
    const t = getAttTarget(arg);
    target = t?.target;
    attribute = t?.attribute;
  }
  const to = target === undefined ? undefined : scope.resources.get(target);
  if (!to) return unknown(`Fn::GetAtt of ${target ?? 'a computed name'}, not a resource of this template`);
  return attribute === undefined ? { kind: 'reference', to } : { kind: 'reference', to, attribute };
}

function resolveName(scope: Scope, name: string): Resolved {
  if (name === NO_VALUE) return ABSENT;
  const to = scope.resources.get(name);
  if (to) return { kind: 'reference', to };
  if (name in scope.document.parameters) return unknown(`parameter ${name}`);
  if (isPseudoParameter(name)) return unknown(`pseudo parameter ${name}`);
  return unknown(`Ref to ${name}, which is neither a resource nor a parameter of this template`);
}

function resolveSub(scope: Scope, arg: unknown): Resolved {
  const sub = subArguments(arg);
  if (!sub) return unknown('malformed Fn::Sub');
  const parts = parseSub(sub.template).map((part): Resolved => {
    if (typeof part === 'string') return literal(part);
    if (part.name in sub.variables) return resolve(scope, sub.variables[part.name]);
    const dot = part.name.indexOf('.');
    if (dot < 0) return resolveName(scope, part.name);
    return resolveCfn(scope, { 'Fn::GetAtt': [part.name.slice(0, dot), part.name.slice(dot + 1)] });
  });
  return concatenate(parts);
}

function resolveJoin(scope: Scope, arg: unknown): Resolved {
  if (!Array.isArray(arg) || typeof arg[0] !== 'string') return unknown('malformed Fn::Join');
  if (!Array.isArray(arg[1])) return unknown('Fn::Join over a computed list');
  const delimiter = arg[0];
  const items = arg[1];
  const joined = new Concatenation();
  for (let i = 0; i < items.length; i++) {
    if (i > 0 && delimiter) joined.addText(delimiter);
    joined.add(resolve(scope, items[i]));
  }
  return joined.result();
}

/** Literal pieces join to a literal; one reference and nothing else is that reference. */
function concatenate(parts: readonly Resolved[]): Resolved {
  const joined = new Concatenation();
  for (const p of parts) joined.add(p);
  return joined.result();
}

/** `concatenate`, piece by piece (Fn::Join of a reference and a suffix is everywhere in policies). */
class Concatenation {
  private count = 0;
  private first?: Resolved;
  private text = '';
  /** The first piece that is not text, which makes the whole unknown. */
  private opaque?: Resolved;

  addText(text: string): void {
    if (text === '') return;
    if (++this.count === 1) this.first = literal(text);
    if (!this.opaque) this.text += text;
  }

  add(p: Resolved): void {
    if ((p.kind === 'literal' && p.value === '') || p.kind === 'absent') return;
    if (++this.count === 1) this.first = p;
    if (this.opaque) return;
    if (p.kind === 'literal' && (typeof p.value === 'string' || typeof p.value === 'number'))
      this.text += String(p.value);
    else this.opaque = p;
  }

  result(): Resolved {
    if (this.count === 1 && this.first!.kind !== 'literal') return this.first!;
    const p = this.opaque;
    if (!p) return literal(this.text);
    return unknown(`composed value (${p.kind === 'reference' ? `references ${p.to.address}` : describeNonLiteral(p)})`);
  }
}

function describeNonLiteral(p: Resolved): string {
  return p.kind === 'unknown' ? p.reason : 'a non-text value';
}

function resolveTf(scope: Scope, raw: unknown): Resolved {
  if (typeof raw !== 'string') return literal(raw);
  if (!raw.includes('${') && !raw.includes('%{')) return literal(raw);
  let resolved = scope.interpolated.get(raw);
  if (!resolved) {
    resolved = resolveInterpolated(scope, raw);
    scope.interpolated.set(raw, resolved);
  }
  return resolved;
}

function resolveInterpolated(scope: Scope, raw: string): Resolved {
  const found = interpolations(raw);
  if (found.length === 0) return raw.includes('%{') ? unknown('Terraform template directive') : literal(unescape(raw));
  if (found.length > 1 || found[0].start !== 0 || found[0].end !== raw.length) {
    return unknown(`composed value (${describe(raw)})`);
  }
  const meaning = classifyExpression(found[0].expression);
  if (meaning.kind === 'unknown') return meaning;
  const { address, attribute } = meaning.ref;
  const to = scope.resources.get(address);
  if (!to) {
    const type = address.slice(0, address.indexOf('.'));
    const target = attribute === undefined ? { address, type } : { address, type, attribute };
    return {
      kind: 'unknown',
      reason: `reference to ${address}, which is not a resource of this configuration`,
      target,
    };
  }
  return attribute === undefined ? { kind: 'reference', to } : { kind: 'reference', to, attribute };
}

/** cdktf writes a literal `${` as `$${`. */
function unescape(text: string): string {
  return text.replace(/\$\$\{/g, '${');
}

export function sameResolved(a: Resolved, b: Resolved): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'literal') return deepEqual(a.value, (b as typeof a).value);
  if (a.kind === 'reference') return a.to === (b as typeof a).to && a.attribute === (b as typeof a).attribute;
  if (a.kind === 'unknown') return a.reason === (b as typeof a).reason;
  return true;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual((a as never)[k], (b as never)[k]));
}

function describe(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
