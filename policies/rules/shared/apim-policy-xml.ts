import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * API Management policy documents (`xml_content`) read into a small element tree with a
 * maintained XML parser, never with regular expressions. APIM stores Terraform's policies in its
 * "rawxml" format, where C# policy expressions (`@(...)`, `@{...}`) may hold unescaped `<`, `>`
 * and `&` (`As<JObject>()`, `a && b`); those are escaped first, by a bracket-matching scan, so
 * the rest must be well-formed XML. Input is bounded (APIM's own policy size limit); anything that
 * still does not parse is reported as such, never guessed at.
 */
export interface PolicyElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly PolicyElement[];
  /** The element's own text (policy expressions of set-body, set-header values), joined. */
  readonly text: string;
}

export type ParsedPolicy =
  { readonly kind: 'policy'; readonly root: PolicyElement } | { readonly kind: 'invalid'; readonly reason: string };

/** APIM rejects policy documents over 256 KiB. */
export const MAX_POLICY_CHARS = 256 * 1024;
const MAX_DEPTH = 64;
const MAX_ELEMENTS = 20_000;

const PARSER = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  // Entities are left as written: no expansion, so no entity-expansion blow-up.
  processEntities: false,
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: true,
  commentPropName: '#comment',
});

const OPEN: Readonly<Record<string, string>> = { '(': ')', '{': '}' };

/**
 * Escapes `<`, `>` and bare `&` inside `@(...)` / `@{...}` policy expressions, as APIM does for
 * rawxml. Brackets inside C# string literals do not count; an expression left open is left as
 * it is (the XML check then reports the document).
 */
export function escapePolicyExpressions(xml: string): string {
  let out = '';
  // Where we are in the markup: inside a tag, and inside which attribute quote.
  let inTag = false;
  let attrQuote: string | undefined;
  let i = 0;
  while (i < xml.length) {
    const c = xml[i];
    if (c === '@' && (xml[i + 1] === '(' || xml[i + 1] === '{') && (!inTag || attrQuote)) {
      const end = expressionEnd(xml, i + 1, attrQuote);
      if (end < 0) return out + xml.slice(i);
      out += '@' + escapeMarkup(xml.slice(i + 1, end + 1));
      i = end + 1;
      continue;
    }
    const verbatim = !inTag ? verbatimEnd(xml, i) : -1;
    if (verbatim > 0) {
      out += xml.slice(i, verbatim);
      i = verbatim;
      continue;
    }
    if (inTag) {
      if (attrQuote) {
        if (c === attrQuote) attrQuote = undefined;
      } else if (c === '"' || c === "'") attrQuote = c;
      else if (c === '>') inTag = false;
    } else if (c === '<') inTag = true;
    out += c;
    i++;
  }
  return out;
}

/** Comments and CDATA sections are copied as they are: the end index past them, or -1. */
function verbatimEnd(xml: string, i: number): number {
  for (const [open, close] of [
    ['<!--', '-->'],
    ['<![CDATA[', ']]>'],
  ]) {
    if (!xml.startsWith(open, i)) continue;
    const end = xml.indexOf(close, i + open.length);
    return end < 0 ? xml.length : end + close.length;
  }
  return -1;
}

/**
 * Index of the bracket closing the one at `start`, or -1. C# string literals are skipped; inside
 * an attribute the attribute's own quote cannot occur in the expression (it would end the value).
 */
function expressionEnd(xml: string, start: number, attrQuote: string | undefined): number {
  const stack: string[] = [OPEN[xml[start]]];
  let quote: string | undefined;
  for (let i = start + 1; i < xml.length; i++) {
    const c = xml[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === attrQuote) return -1;
    if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '{') stack.push(OPEN[c]);
    else if (c === ')' || c === '}') {
      if (stack.pop() !== c) return -1;
      if (stack.length === 0) return i;
    }
  }
  return -1;
}

const ENTITY = new Set(['amp;', 'lt;', 'gt;', 'quot;', 'apos;']);

function escapeMarkup(expr: string): string {
  let out = '';
  for (let i = 0; i < expr.length; i++) {
    const c = expr[i];
    if (c === '<') out += '&lt;';
    else if (c === '>') out += '&gt;';
    else if (c === '&' && !startsEntity(expr, i + 1)) out += '&amp;';
    else out += c;
  }
  return out;
}

function startsEntity(text: string, at: number): boolean {
  if (text[at] === '#') return true;
  for (const e of ENTITY) if (text.startsWith(e, at)) return true;
  return false;
}

type RawNode = Record<string, unknown>;

/** Parses one policy document; `<policies>` must be its root. */
export function parseApimPolicy(xml: string): ParsedPolicy {
  if (xml.length > MAX_POLICY_CHARS)
    return { kind: 'invalid', reason: `it is ${xml.length} characters, over APIM's ${MAX_POLICY_CHARS} limit` };
  const text = escapePolicyExpressions(xml);
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const e = valid.err;
    return { kind: 'invalid', reason: `it is not well-formed XML (line ${e.line}, column ${e.col}: ${e.msg})` };
  }
  let raw: unknown;
  try {
    raw = PARSER.parse(text);
  } catch (err) {
    return { kind: 'invalid', reason: `it cannot be parsed (${err instanceof Error ? err.message : String(err)})` };
  }
  const budget = { left: MAX_ELEMENTS };
  const roots = Array.isArray(raw) ? convertAll(raw as RawNode[], 0, budget) : [];
  if (roots === undefined)
    return {
      kind: 'invalid',
      reason: `it nests deeper than ${MAX_DEPTH} levels or holds over ${MAX_ELEMENTS} elements`,
    };
  const elements = roots.filter((r) => r.name !== '?xml');
  if (elements.length !== 1 || elements[0].name !== 'policies')
    return { kind: 'invalid', reason: 'its root element is not <policies>' };
  return { kind: 'policy', root: elements[0] };
}

function convertAll(nodes: readonly RawNode[], depth: number, budget: { left: number }): PolicyElement[] | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const out: PolicyElement[] = [];
  for (const node of nodes) {
    const name = Object.keys(node).find((k) => k !== ':@');
    if (name === undefined || name === '#text' || name === '#comment') continue;
    if (--budget.left < 0) return undefined;
    const body = Array.isArray(node[name]) ? (node[name] as RawNode[]) : [];
    const children = convertAll(body, depth + 1, budget);
    if (children === undefined) return undefined;
    const text = body
      .map((b) => b['#text'])
      .filter((t): t is string | number => typeof t === 'string' || typeof t === 'number')
      .join(' ');
    const attrs = (node[':@'] ?? {}) as Record<string, unknown>;
    const attributes: Record<string, string> = {};
    for (const k of Object.keys(attrs)) attributes[k] = String(attrs[k]);
    out.push({ name, attributes, children, text });
  }
  return out;
}

/** The section (`inbound`, `backend`, `outbound`, `on-error`) of a parsed policy, if declared. */
export function section(root: PolicyElement, name: string): PolicyElement | undefined {
  return root.children.find((c) => c.name === name);
}

/** Every text and attribute value of an element and its descendants (for name mentions). */
export function allText(el: PolicyElement): string {
  const parts = [el.text, ...Object.values(el.attributes)];
  for (const c of el.children) parts.push(allText(c));
  return parts.join(' ');
}
