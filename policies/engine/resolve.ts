import type { Scope } from './dialect';
import { ABSENT, type Resolved, unknownValue } from './resolved';

/** The generic path walk over any dialect (see Resolved in resolved.ts). */

export function resolve(scope: Scope, raw: unknown): Resolved {
  if (raw === undefined || raw === null) return ABSENT;
  return scope.dialect.resolve(scope, raw);
}

const isIndex = (segment: string): boolean => {
  if (segment.length === 0 || segment.length > 9) return false;
  for (let i = 0; i < segment.length; i++) {
    const c = segment.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
};

/**
 * Walks `segments` from `root`; expressions met on the way are resolved first, conditionals
 * (CFN Fn::If) in each branch. Terraform nested blocks are lists of one (stepped through when the
 * next segment is a name) or, equally valid Terraform JSON, one object (stepped into for index 0).
 */
export function resolvePath(scope: Scope, root: unknown, segments: readonly string[], from = 0): Resolved {
  const { dialect } = scope;
  let node = root;
  let i = from;
  // Each turn either consumes a segment or resolves an expression; bounded against self-similar input.
  for (let turns = 0; i < segments.length; turns++) {
    if (node === undefined || node === null) return ABSENT;
    if (turns > segments.length * 4 + 64) return unknownValue('value too deeply composed to resolve');
    if (dialect.isExpression(node)) {
      const conditional = dialect.branches(node);
      if (conditional) {
        const results = conditional.branches.map((b) => resolvePath(scope, b, segments, i));
        return results.every((r) => sameResolved(r, results[0]))
          ? results[0]
          : unknownValue(`depends on condition ${conditional.condition}`);
      }
      const r = dialect.resolve(scope, node);
      if (r.kind !== 'literal') return notAContainer(r, segments, i);
      node = r.value;
      continue;
    }
    const segment = segments[i];
    if (Array.isArray(node)) {
      if (isIndex(segment)) node = node[Number(segment)];
      else if (node.length === 1) {
        node = node[0];
        continue;
      } else return ABSENT;
    } else if (typeof node === 'object') {
      if (Object.prototype.hasOwnProperty.call(node, segment)) node = (node as Record<string, unknown>)[segment];
      else if (segment === '0') {
        i++; // a block written as one object is its own first element
        continue;
      } else return ABSENT;
    } else return ABSENT;
    i++;
  }
  return resolve(scope, node);
}

function notAContainer(r: Resolved, segments: readonly string[], i: number): Resolved {
  if (r.kind === 'reference') {
    return unknownValue(
      `${segments.slice(0, i).join('.') || 'value'} is a reference to ${r.to.address}, not an object`,
    );
  }
  if (r.kind === 'composed') return unknownValue(`${segments.slice(0, i).join('.') || 'value'} is composed text`);
  return r;
}

export function sameResolved(a: Resolved, b: Resolved): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'literal':
      return deepEqual(a.value, (b as typeof a).value);
    case 'reference': {
      const o = b as typeof a;
      return a.to === o.to && a.attribute === o.attribute && a.instance === o.instance;
    }
    case 'composed': {
      const o = b as typeof a;
      return (
        a.parts.length === o.parts.length &&
        a.parts.every((p, i) => {
          const q = o.parts[i];
          return typeof p === 'string' || typeof q === 'string' ? p === q : sameResolved(p, q);
        })
      );
    }
    case 'unknown':
      return a.reason === (b as typeof a).reason;
    default:
      return true;
  }
}

/** Structural equality, iterative (hostile input may nest deeply); past `limit` nodes it answers false. */
export function deepEqual(a: unknown, b: unknown, limit = 100_000): boolean {
  const stack: [unknown, unknown][] = [[a, b]];
  let visited = 0;
  while (stack.length > 0) {
    const [x, y] = stack.pop()!;
    if (x === y) continue;
    if (++visited > limit) return false;
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
    if (Array.isArray(x) !== Array.isArray(y)) return false;
    const kx = Object.keys(x);
    if (kx.length !== Object.keys(y).length) return false;
    for (const k of kx) {
      if (!Object.prototype.hasOwnProperty.call(y, k)) return false;
      stack.push([(x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k]]);
    }
  }
  return true;
}

export function describeRaw(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' ? value : JSON.stringify(value);
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
