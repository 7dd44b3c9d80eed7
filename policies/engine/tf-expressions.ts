/** Terraform `${...}` interpolations inside strings, and the resource references they contain. */

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
    if (end < 0) break;
    out.push({ start: i, end: end + 1, expression: text.slice(i + 2, end).trim() });
    i = text.indexOf('${', end + 1);
  }
  return out;
}

function closingBrace(text: string, from: number): number {
  let depth = 0;
  let quoted = false;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === '{') depth++;
    else if (c === '}') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

const TRAVERSAL = /(^|[^\w.\]"-])([A-Za-z][\w-]*)\.([A-Za-z_][\w-]*)((?:\[[^\]]*\]|\.[\w*-]+)*)/g;
const WHOLE_TRAVERSAL = /^([A-Za-z][\w-]*)\.([A-Za-z_][\w-]*)((?:\[[^\]]*\]|\.[\w*-]+)*)$/;

/** Resource references anywhere in an expression (`data.`, `var.`, `local.`, ... are not resources). */
export function resourceReferences(expression: string): TerraformReference[] {
  const out: TerraformReference[] = [];
  TRAVERSAL.lastIndex = 0;
  for (let m = TRAVERSAL.exec(expression); m; m = TRAVERSAL.exec(expression)) {
    if (isResourceType(m[2])) out.push(reference(m[2], m[3], m[4]));
  }
  return out;
}

export type ExpressionMeaning =
  | { readonly kind: 'resource'; readonly ref: TerraformReference }
  | { readonly kind: 'unknown'; readonly reason: string };

/** What a whole `${expression}` stands for: one resource reference, or an unknown with its reason. */
export function classifyExpression(expression: string): ExpressionMeaning {
  const m = WHOLE_TRAVERSAL.exec(expression);
  if (m) {
    const [, root, second] = m;
    if (isResourceType(root)) return { kind: 'resource', ref: reference(root, second, m[3]) };
    if (root === 'var') return unknown(`Terraform variable ${expression}`);
    if (root === 'data') return unknown(`data source ${expression}`);
    if (root === 'local') return unknown(`local value ${expression}`);
    if (root === 'module') return unknown(`module output ${expression}`);
  }
  return unknown(`Terraform expression ${short(expression)}`);
}

function isResourceType(root: string): boolean {
  return root.includes('_') && !NON_RESOURCE_ROOTS.has(root);
}

function reference(type: string, name: string, rest: string): TerraformReference {
  const address = `${type}.${name}`;
  if (rest === '') return { address };
  if (rest.charCodeAt(0) === 46 && !rest.includes('[')) return { address, attribute: rest.slice(1) }; // ".attr.sub"
  // `[0]` right after the name is a count/for_each instance, not an attribute.
  const attribute = rest
    .replace(/^(\[[^\]]*\])+/, '')
    .replace(/\[\s*"?([^\]"]*)"?\s*\]/g, '.$1')
    .replace(/^\./, '');
  return attribute ? { address, attribute } : { address };
}

function unknown(reason: string): ExpressionMeaning {
  return { kind: 'unknown', reason };
}

function short(expression: string): string {
  return expression.length > 80 ? `${expression.slice(0, 77)}...` : expression;
}
