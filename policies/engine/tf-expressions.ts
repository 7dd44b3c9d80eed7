/**
 * Terraform `${...}` interpolations inside strings, and the traversals they contain. Hand-written
 * scanners rather than regular expressions: every loop moves forward, so hostile input (thousands
 * of `[` with no `]`, unclosed `${`) costs linear time.
 */

export interface Interpolation {
  /** Offsets of `${` and one past the closing `}`. */
  readonly start: number;
  readonly end: number;
  readonly expression: string;
}

export interface TerraformReference {
  /** `type.name` of the referenced resource. */
  readonly address: string;
  /** Attribute path after the name (`id`, `identity.0.principal_id`), when there is one. */
  readonly attribute?: string;
  /** The instance key right after the name (`0`, `"a"`, `count.index`, `*`), for counted resources. */
  readonly instance?: string;
}

/** A traversal `root.second...` with its position in the expression. */
interface Traversal {
  readonly root: string;
  readonly second: string;
  /** Index keys and attribute names after `root.second`, in order; index keys keep their brackets. */
  readonly steps: readonly string[];
  readonly start: number;
  readonly end: number;
}

/** Roots of traversals that never name a managed resource. */
const NON_RESOURCE_ROOTS = new Set(['data', 'var', 'local', 'module', 'each', 'count', 'path', 'self', 'terraform']);

/** Every `${...}` in `text` (brace-balanced, quotes respected); `$${` is Terraform's escape. */
export function interpolations(text: string): Interpolation[] {
  const out: Interpolation[] = [];
  let i = text.indexOf('${');
  while (i >= 0) {
    if (i > 0 && text[i - 1] === '$') {
      i = text.indexOf('${', i + 2);
      continue;
    }
    const end = closingBrace(text, i + 2);
    if (end < 0) break; // unclosed: nothing after it can close either
    out.push({ start: i, end: end + 1, expression: text.slice(i + 2, end).trim() });
    i = text.indexOf('${', end + 1);
  }
  return out;
}

function closingBrace(text: string, from: number): number {
  let depth = 0;
  let quoted = false;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quoted) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) quoted = false;
    } else if (c === 34) quoted = true;
    else if (c === 123 /* { */) depth++;
    else if (c === 125 /* } */) {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

const isIdentStart = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isIdentChar = (c: number): boolean =>
  isIdentStart(c) || (c >= 48 && c <= 57) || c === 95 /* _ */ || c === 45; /* - */
/** Characters after which an identifier continues a traversal or a string instead of starting one. */
const isJoiner = (c: number): boolean => isIdentChar(c) || c === 46 /* . */ || c === 93 /* ] */ || c === 34; /* " */

function identEnd(text: string, from: number, star = false): number {
  let i = from;
  while (i < text.length && (isIdentChar(text.charCodeAt(i)) || (star && text.charCodeAt(i) === 42))) i++;
  return i;
}

/**
 * The traversal starting at `start` (which must begin an identifier), or undefined. `closeAfter`
 * caches the position of the next `]` so a run of unmatched `[` is scanned once, not once each.
 */
function traversalAt(text: string, start: number, closeAfter: { at: number }): Traversal | undefined {
  const rootEnd = identEnd(text, start);
  const next = text.charCodeAt(rootEnd + 1);
  if (text.charCodeAt(rootEnd) !== 46 || !(isIdentStart(next) || next === 95)) return undefined;
  const secondEnd = identEnd(text, rootEnd + 1);
  const steps: string[] = [];
  let i = secondEnd;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 91 /* [ */) {
      if (closeAfter.at < i) closeAfter.at = text.indexOf(']', i);
      if (closeAfter.at < 0) {
        closeAfter.at = Number.POSITIVE_INFINITY; // no `]` anywhere after: stop looking
        break;
      }
      if (closeAfter.at === Number.POSITIVE_INFINITY) break;
      steps.push(text.slice(i, closeAfter.at + 1));
      i = closeAfter.at + 1;
    } else if (c === 46 /* . */) {
      const end = identEnd(text, i + 1, true);
      if (end === i + 1) break;
      steps.push(text.slice(i + 1, end));
      i = end;
    } else break;
  }
  return { root: text.slice(start, rootEnd), second: text.slice(rootEnd + 1, secondEnd), steps, start, end: i };
}

function* traversals(expression: string): Generator<Traversal> {
  const closeAfter = { at: -1 };
  let quoted = false;
  for (let i = 0; i < expression.length; i++) {
    const c = expression.charCodeAt(i);
    if (quoted) {
      if (c === 92) i++;
      else if (c === 34) quoted = false;
      continue;
    }
    if (c === 34) {
      quoted = true;
      continue;
    }
    if (!isIdentStart(c) || (i > 0 && isJoiner(expression.charCodeAt(i - 1)))) continue;
    const t = traversalAt(expression, i, closeAfter);
    if (t) {
      yield t;
      i = t.end - 1;
    } else i = identEnd(expression, i) - 1;
  }
}

/** Resource references anywhere in an expression (`data.`, `var.`, `local.`, ... are not resources). */
export function resourceReferences(expression: string): TerraformReference[] {
  const out: TerraformReference[] = [];
  for (const t of traversals(expression)) if (isResourceType(t.root)) out.push(reference(t));
  return out;
}

export type ExpressionMeaning =
  | { readonly kind: 'resource'; readonly ref: TerraformReference }
  | { readonly kind: 'local'; readonly name: string; readonly steps: readonly string[] }
  | { readonly kind: 'remote-output'; readonly state: string; readonly output: string }
  /** `module.a.aws_s3_bucket.b.arn`: a resource of a local module flattened by the loader. */
  | { readonly kind: 'module-resource'; readonly ref: TerraformReference; readonly otherwise: string }
  | { readonly kind: 'unknown'; readonly reason: string };

/** What a whole `${expression}` stands for: one traversal (resource, local, remote output), or an unknown. */
export function classifyExpression(expression: string): ExpressionMeaning {
  const first = isIdentStart(expression.charCodeAt(0)) ? traversalAt(expression, 0, { at: -1 }) : undefined;
  if (first && first.end === expression.length) {
    const { root, second, steps } = first;
    if (isResourceType(root)) return { kind: 'resource', ref: reference(first) };
    if (root === 'local') return { kind: 'local', name: second, steps };
    if (root === 'var') return unknown(`Terraform variable ${expression}`);
    if (root === 'data') {
      if (second === 'terraform_remote_state' && steps.length >= 3 && steps[1] === 'outputs') {
        return { kind: 'remote-output', state: steps[0], output: unquote(steps[2]) };
      }
      return unknown(`data source ${expression}`);
    }
    if (root === 'module') return moduleResource(second, steps, expression);
  }
  return unknown(`Terraform expression ${short(expression)}`);
}

/** `module.a[.module.b].type.name[.attr]`, as addresses of flattened module resources read. */
function moduleResource(first: string, steps: readonly string[], expression: string): ExpressionMeaning {
  let prefix = `module.${first}`;
  let i = 0;
  while (steps[i] === 'module' && steps[i + 1] !== undefined) {
    prefix += `.module.${steps[i + 1]}`;
    i += 2;
  }
  const type = steps[i];
  const name = steps[i + 1];
  if (type === undefined || name === undefined || !isResourceType(type) || name.startsWith('[')) {
    return unknown(`module output ${expression}`);
  }
  const attribute = steps
    .slice(i + 2)
    .map((s) => (s.startsWith('[') ? unquote(s) : s))
    .join('.');
  const address = `${prefix}.${type}.${name}`;
  return {
    kind: 'module-resource',
    ref: attribute ? { address, attribute } : { address },
    otherwise: `module output ${expression}`,
  };
}

function isResourceType(root: string): boolean {
  return root.includes('_') && !NON_RESOURCE_ROOTS.has(root);
}

function unquote(step: string): string {
  const inner = step.startsWith('[') ? step.slice(1, -1).trim() : step;
  return inner.startsWith('"') && inner.endsWith('"') ? inner.slice(1, -1) : inner;
}

function reference(t: Traversal): TerraformReference {
  const address = `${t.root}.${t.second}`;
  let steps = t.steps;
  let instance: string | undefined;
  // `[0]` right after the name is a count/for_each instance, not an attribute.
  if (steps.length > 0 && steps[0].startsWith('[')) {
    instance = unquote(steps[0]);
    steps = steps.slice(1);
  }
  const attribute = steps.map((s) => (s.startsWith('[') ? unquote(s) : s)).join('.');
  return {
    address,
    ...(attribute ? { attribute } : {}),
    ...(instance !== undefined ? { instance } : {}),
  };
}

function unknown(reason: string): ExpressionMeaning {
  return { kind: 'unknown', reason };
}

function short(expression: string): string {
  return expression.length > 80 ? `${expression.slice(0, 77)}...` : expression;
}
