/**
 * Reports are written as a sequence of chunks to a sink (a file, stdout, a test buffer) instead of
 * being built as one string: a report over 100k resources is larger than V8's maximum string.
 */
export type Sink = (chunk: string) => void;

/** Collects a report into one string (small reports: integrations' notes, tests). */
export function collect(write: (sink: Sink) => void): string {
  const parts: string[] = [];
  write((chunk) => parts.push(chunk));
  return parts.join('');
}

/**
 * Characters JSON.stringify leaves raw although they are invisible or reorder text on screen
 * (C1 controls, DEL, bidi and zero-width format characters, line/paragraph separators): emitted
 * as \uXXXX escapes, so the parsed value is unchanged and the file shows what is in it.
 */
const JSON_INVISIBLE = /[\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

export function jsonStringify(value: unknown, indent: number): string {
  const text = JSON.stringify(value, null, 2) ?? 'null';
  const escaped = text.replace(JSON_INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return indent === 0 ? escaped : escaped.replace(/\n/g, `\n${' '.repeat(indent)}`);
}

/**
 * Writes one JSON object field by field, with the layout of JSON.stringify(value, null, 2): small
 * fields are stringified whole, large arrays element by element from any iterable.
 */
export class JsonObjectWriter {
  private first = true;

  constructor(
    private readonly sink: Sink,
    private readonly indent: number = 0,
  ) {
    sink('{');
  }

  field(key: string, value: unknown): this {
    if (value === undefined) return this;
    this.key(key);
    this.sink(jsonStringify(value, this.indent + 2));
    return this;
  }

  array<T>(key: string, items: Iterable<T>, map: (item: T) => unknown = (x) => x): this {
    this.key(key);
    const pad = ' '.repeat(this.indent + 4);
    let n = 0;
    for (const item of items) {
      this.sink(`${n === 0 ? '[' : ','}\n${pad}${jsonStringify(map(item), this.indent + 4)}`);
      n++;
    }
    this.sink(n === 0 ? '[]' : `\n${' '.repeat(this.indent + 2)}]`);
    return this;
  }

  /** A nested object written field by field; `write` fills it. */
  object(key: string, write: (w: JsonObjectWriter) => void): this {
    this.key(key);
    const inner = new JsonObjectWriter(this.sink, this.indent + 2);
    write(inner);
    inner.end();
    return this;
  }

  /** An array of objects, each written field by field by its `fill`. */
  objects(key: string, fills: Iterable<(w: JsonObjectWriter) => void>): this {
    this.key(key);
    const pad = ' '.repeat(this.indent + 4);
    let n = 0;
    for (const fill of fills) {
      this.sink(`${n === 0 ? '[' : ','}\n${pad}`);
      const inner = new JsonObjectWriter(this.sink, this.indent + 4);
      fill(inner);
      inner.end();
      n++;
    }
    this.sink(n === 0 ? '[]' : `\n${' '.repeat(this.indent + 2)}]`);
    return this;
  }

  end(): void {
    this.sink(this.first ? '}' : `\n${' '.repeat(this.indent)}}`);
  }

  private key(key: string): void {
    this.sink(`${this.first ? '' : ','}\n${' '.repeat(this.indent + 2)}${JSON.stringify(key)}: `);
    this.first = false;
  }
}
