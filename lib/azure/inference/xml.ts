/**
 * A minimal XML writer for API Management policies: elements, attributes and text, always
 * escaped, so policy expressions (which contain quotes and generics such as `As<JObject>`) stay
 * well-formed XML. Built from typed values, never by string concatenation at the call site.
 */
export interface XmlElement {
  readonly name: string;
  readonly attrs?: Readonly<Record<string, string | number | boolean | undefined>>;
  readonly children?: readonly (XmlElement | string)[];
}

/** An element; `children` may mix elements and text. */
export function el(
  name: string,
  attrs: XmlElement['attrs'] = {},
  children: readonly (XmlElement | string | undefined | false)[] = [],
): XmlElement {
  return { name, attrs, children: children.filter((c): c is XmlElement | string => c !== undefined && c !== false) };
}

const TEXT: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const ATTR: Record<string, string> = { ...TEXT, '"': '&quot;' };

export function escapeText(s: string): string {
  return s.replace(/[&<>]/g, (c) => TEXT[c]);
}

export function escapeAttr(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ATTR[c]);
}

/** Serializes with two-space indentation; text-only elements stay on one line. */
export function render(e: XmlElement, depth = 0): string {
  const pad = '  '.repeat(depth);
  const attrs = Object.entries(e.attrs ?? {})
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeAttr(String(v))}"`)
    .join('');
  const children = e.children ?? [];
  if (children.length === 0) return `${pad}<${e.name}${attrs} />`;
  if (children.every((c) => typeof c === 'string')) {
    return `${pad}<${e.name}${attrs}>${children.map((c) => escapeText(c as string)).join('')}</${e.name}>`;
  }
  const inner = children
    .map((c) => (typeof c === 'string' ? `${'  '.repeat(depth + 1)}${escapeText(c)}` : render(c, depth + 1)))
    .join('\n');
  return `${pad}<${e.name}${attrs}>\n${inner}\n${pad}</${e.name}>`;
}
