import { visit } from 'jsonc-parser';

/**
 * JSON with what JSON.parse hides: the 1-based line of each shallow key (SARIF regions) and whether
 * any object repeats a key (JSON.parse silently keeps the last one).
 *
 * Fast path: JSON.parse builds (and validates) the value; `scanKeys` then walks the validated text
 * once, iteratively, counting key tokens and noting the lines of the keys the loaders name
 * (resource declarations). Comparing that count with the distinct keys of the parsed value tells, exactly, whether a
 * key repeats anywhere. Measured on 20k CloudFormation resources (14.7 MB): JSON.parse ~95 ms,
 * this scan ~35 ms, jsonc-parser's scanner alone ~240 ms — so jsonc-parser (Microsoft's maintained
 * parser) is used only on the rare path, when a duplicate exists, to rebuild the value keeping
 * every repeated key (`parseKeepingDuplicates`).
 */

/**
 * Keys that get a line: those nested at most two objects deep (CFN `Resources.<id>`), and under a
 * top-level `resource`, three (Terraform `resource.<type>.<name>`). These are the only lines the
 * loaders look up, so the scan slices no other key out of the text.
 */
const LINE_DEPTH = 2;
const TERRAFORM_RESOURCES = 'resource';
/** Joins the key path in `lines` (a character no key of interest contains). */
export const KEY_PATH_SEPARATOR = '\u0000';

export interface ParsedJson {
  readonly value: unknown;
  /** Key path (object keys only, arrays are transparent) joined by KEY_PATH_SEPARATOR -> first line. */
  readonly lines: ReadonlyMap<string, number>;
  /** True when some object of the text repeats a key. */
  readonly hasDuplicates: boolean;
}

/** `text` must already be valid JSON (JSON.parse succeeded on it). */
export function withKeyPositions(text: string, value: unknown): ParsedJson {
  const { keys, lines } = scanKeys(text);
  return { value, lines, hasDuplicates: keys !== countKeys(value) };
}

export function lineOf(parsed: ParsedJson, ...keyPath: string[]): number | undefined {
  return parsed.lines.get(keyPath.join(KEY_PATH_SEPARATOR));
}

const QUOTE = 34;
const BACKSLASH = 92;
const COLON = 58;
const NEWLINE = 10;
const OPEN_OBJECT = 123;
const CLOSE_OBJECT = 125;
const OPEN_ARRAY = 91;
const CLOSE_ARRAY = 93;

function scanKeys(text: string): { keys: number; lines: Map<string, number> } {
  const lines = new Map<string, number>();
  // One entry per open container: true for an object.
  const isObject: boolean[] = [];
  // under[d]: the key (at depth d) the open object of depth d + 1 sits under; prefix[d]: the
  // joined key path, separator included, of the open object of depth d (kept while d <= 3).
  const under: string[] = [];
  const prefix: string[] = ['', ''];
  let pendingKey = '';
  let depth = 0;
  let keys = 0;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const start = i;
      i = stringEnd(text, i);
      let j = i + 1;
      while (isSpace(text.charCodeAt(j))) j++;
      // Not a key: the main loop goes on after the string (and counts the newlines it skipped here).
      if (text.charCodeAt(j) !== COLON) continue;
      keys++;
      if (depth <= LINE_DEPTH || (depth === LINE_DEPTH + 1 && under[1] === TERRAFORM_RESOURCES)) {
        const key = keyText(text, start, i);
        pendingKey = key;
        const id = prefix[depth] + key;
        if (!lines.has(id)) lines.set(id, line);
      }
      for (; i < j; i++) if (text.charCodeAt(i) === NEWLINE) line++;
    } else if (c === NEWLINE) line++;
    else if (c === OPEN_OBJECT) {
      // An object opened directly as a key's value (or inside arrays under it) nests below that key.
      if (depth > 0 && depth <= LINE_DEPTH) {
        under[depth] = pendingKey;
        prefix[depth + 1] = prefix[depth] + pendingKey + KEY_PATH_SEPARATOR;
      }
      depth++;
      isObject.push(true);
    } else if (c === OPEN_ARRAY) isObject.push(false);
    else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      // Back in the enclosing object, the pending key is again the one the closed object sat under.
      if (isObject.pop() && --depth > 0 && depth <= LINE_DEPTH) pendingKey = under[depth];
    }
  }
  return { keys, lines };
}

function keyText(text: string, start: number, end: number): string {
  const raw = text.slice(start + 1, end);
  return raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
}

/** Index of the closing quote of the string opening at `start`. */
function stringEnd(text: string, start: number): number {
  let j = start + 1;
  for (;;) {
    j = text.indexOf('"', j);
    let backslashes = 0;
    while (text.charCodeAt(j - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return j;
    j++;
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === NEWLINE || c === 13 || c === 9;
}

/** Own keys of every object in the value, iteratively (values may nest thousands of levels). */
function countKeys(value: unknown): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null) continue;
    if (Array.isArray(v)) {
      for (const item of v) if (typeof item === 'object' && item !== null) stack.push(item);
      continue;
    }
    for (const key in v) {
      count++;
      const item = (v as Record<string, unknown>)[key];
      if (typeof item === 'object' && item !== null) stack.push(item);
    }
  }
  return count;
}

/** A key an object repeats: where, and every value given for it (in order). */
export interface DuplicateKey {
  readonly path: readonly (string | number)[];
  readonly key: string;
  /** 1-based line of the repeated occurrence. */
  readonly line: number;
  /** Every value given is an object (or an array of objects): HCL JSON reads them as repeated blocks. */
  readonly blocks: boolean;
}

/**
 * Rebuilds the value of valid JSON so that a repeated key keeps every value, as an array of them
 * (array values are spliced in: `"a": [x], "a": y` gives `[x, y]`), which is what HCL JSON means
 * by a repeated block key. Returns the value and the duplicates found, in order.
 */
export function parseKeepingDuplicates(text: string): { value: unknown; duplicates: DuplicateKey[] } {
  type Frame = { container: Record<string, unknown> | unknown[]; key?: string | number; repeated: Set<string> };
  const duplicates: DuplicateKey[] = [];
  const stack: Frame[] = [];
  let root: unknown;
  let pendingKey = '';
  let pendingLine = 0;
  const add = (value: unknown) => {
    const top = stack[stack.length - 1];
    if (!top) root = value;
    else if (Array.isArray(top.container)) top.container.push(value);
    else {
      const obj = top.container;
      const key = pendingKey;
      if (!Object.prototype.hasOwnProperty.call(obj, key)) {
        // defineProperty: a "__proto__" key is an own property, as JSON.parse makes it.
        Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
        return;
      }
      const path = stack.slice(1).map((f) => f.key as string | number);
      duplicates.push({ path, key, line: pendingLine + 1, blocks: blockLike(obj[key]) && blockLike(value) });
      const before = top.repeated.has(key) ? (obj[key] as unknown[]) : spread(obj[key]);
      top.repeated.add(key);
      obj[key] = [...before, ...spread(value)];
    }
  };
  const begin = (container: Frame['container']) => {
    const top = stack[stack.length - 1];
    const key = top === undefined ? undefined : Array.isArray(top.container) ? top.container.length : pendingKey;
    stack.push({ container, key, repeated: new Set() });
  };
  const end = () => {
    const frame = stack.pop() as Frame;
    if (typeof frame.key === 'string') pendingKey = frame.key;
    add(frame.container);
  };
  visit(
    text,
    {
      onObjectBegin: () => begin({}),
      onObjectProperty: (property, _offset, _length, line) => {
        pendingKey = property;
        pendingLine = line;
      },
      onObjectEnd: end,
      onArrayBegin: () => begin([]),
      onArrayEnd: end,
      onLiteralValue: (value) => add(value),
    },
    { disallowComments: true },
  );
  return { value: root, duplicates };
}

function blockLike(value: unknown): boolean {
  const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
  return isObject(value) || (Array.isArray(value) && value.every(isObject));
}

function spread(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}
