/**
 * An iterative walk over a synthesized value (no recursion: hostile input may nest thousands of
 * levels deep), reporting the dialect's expressions with the property path where they sit.
 *
 * It runs over every property of every resource when a graph first answers a reference question,
 * so it allocates nothing per node: the pending nodes sit in parallel stacks of primitives, and
 * the path is one array of keys (`path[d]` is the key at depth d, valid for the node being visited
 * because a depth-first walk finishes a subtree before it overwrites the keys above it), joined
 * into text only where a reference is found.
 */

/**
 * The property paths of a graph's documents, each made into text once: a path is a child of its parent
 * path by one key, so asking for a path the document has met before allocates nothing (a
 * template repeats `PolicyDocument.Statement.0.Resource.0` thousands of times, and every
 * reference edge keeps its path as long as the graph lives).
 */
export class PathTable {
  /** The child paths of each path, made when it gets its first child (most paths are leaves). */
  private readonly children: (Map<string | number, number> | undefined)[] = [undefined];
  private readonly texts: string[] = [''];

  /** The id of `parent`'s path extended by `key` (the root path is 0). */
  child(parent: number, key: string | number): number {
    let known = this.children[parent];
    if (known === undefined) this.children[parent] = known = new Map();
    let id = known.get(key);
    if (id === undefined) {
      id = this.texts.length;
      this.texts.push(parent === 0 ? String(key) : `${this.texts[parent]}.${key}`);
      this.children.push(undefined);
      known.set(key, id);
    }
    return id;
  }

  text(id: number): string {
    return this.texts[id];
  }
}

/** Where the walk is, handed to the spec's callbacks (one object per walk). */
export interface WalkCursor {
  /** The dotted property path of the node being visited. */
  path(): string;
  /**
   * Queues a value inside the current expression to walk after it, at the expression's path;
   * with `grow`, the keys of its objects extend the path (CFN Fn::If branches are property values).
   */
  visit(child: unknown, grow: boolean): void;
}

export interface WalkSpec<E> {
  /** The expression `node` is, or undefined for plain data. */
  readonly expression?: (node: object) => E | undefined;
  /** Reports an expression's references and queues (cursor.visit) the values inside it still to walk. */
  readonly references?: (e: E, node: object, cursor: WalkCursor) => void;
  /** Called for every string (Terraform interpolations live in strings). */
  readonly text?: (s: string, cursor: WalkCursor) => void;
  /** The document's path table: cursor.path() then returns its shared copy of each path. */
  readonly paths?: PathTable;
}

/**
 * One walk's state, which is also the cursor: parallel stacks (the node, its depth, the key it
 * sits under, undefined for the path of the node that queued it, and whether keys below it
 * extend the path) and the path keys. Kept between walks (a graph walks every resource once),
 * taken and given back so a nested walk gets its own.
 */
class Walker implements WalkCursor {
  readonly nodes: unknown[] = [];
  readonly depths: number[] = [];
  readonly keys: (string | number | undefined)[] = [];
  readonly grows: boolean[] = [];
  readonly keyPath: (string | number)[] = [];
  /** Entries in use: the stacks are indexed, never popped, so their storage is kept between walks. */
  top = 0;
  /** One past the highest entry this walk used: what reset() clears. */
  high = 0;
  depth = 0;
  /** The joined path of the node being visited, once per node however many references it holds. */
  joined: string | undefined;
  table: PathTable | undefined;
  /** `ids[d]` is the table's id of the first d keys, valid for d <= `valid`. */
  readonly ids: number[] = [0];
  valid = 0;

  path(): string {
    if (this.joined !== undefined) return this.joined;
    const { table, ids, keyPath, depth } = this;
    if (!table) return (this.joined = join(keyPath, depth));
    if (this.valid > depth) this.valid = depth;
    let id = ids[this.valid];
    for (let d = this.valid; d < depth; d++) ids[d + 1] = id = table.child(id, keyPath[d]);
    this.valid = depth;
    return (this.joined = table.text(id));
  }

  visit(child: unknown, grow: boolean): void {
    this.push(child, this.depth, undefined, grow);
  }

  push(child: unknown, d: number, key: string | number | undefined, grow: boolean): void {
    const i = this.top++;
    if (this.top > this.high) this.high = this.top;
    this.nodes[i] = child;
    this.depths[i] = d;
    this.keys[i] = key;
    this.grows[i] = grow;
  }

  reset(): void {
    // Drop what the last walk held (no references kept into an old document), keep the storage.
    this.nodes.fill(undefined, 0, this.high);
    this.keys.fill(undefined, 0, this.high);
    this.top = 0;
    this.high = 0;
    this.depth = 0;
    this.joined = undefined;
    this.table = undefined;
    this.valid = 0;
  }
}

const spare: Walker[] = [];

export function walk<E>(root: unknown, spec: WalkSpec<E>): void {
  const walker = spare.pop() ?? new Walker();
  try {
    run(root, spec, walker);
  } finally {
    walker.reset();
    spare.push(walker);
  }
}

function run<E>(root: unknown, spec: WalkSpec<E>, w: Walker): void {
  const { nodes, depths, keys, grows, keyPath } = w;
  w.push(root, 0, undefined, true);
  const wantsText = spec.text !== undefined;
  w.table = spec.paths;
  while (w.top > 0) {
    const at = --w.top;
    const node = nodes[at];
    const d = depths[at];
    const key = keys[at];
    const grow = grows[at];
    if (key !== undefined) {
      keyPath[d - 1] = key;
      if (w.valid > d - 1) w.valid = d - 1;
    }
    if (key !== undefined || d !== w.depth) w.joined = undefined;
    w.depth = d;
    if (typeof node === 'string') {
      if (spec.text) spec.text(node, w);
      continue;
    }
    if (typeof node !== 'object' || node === null) continue;
    // Children are queued in order, then that run of the stacks reversed: they are visited in order.
    const mark = w.top;
    const e = spec.expression?.(node);
    if (e !== undefined) {
      spec.references!(e, node, w);
    } else if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const child: unknown = node[i];
        if (child === null || (typeof child !== 'object' && (typeof child !== 'string' || !wantsText))) continue;
        if (grow) w.push(child, d + 1, i, true);
        else w.push(child, d, undefined, false);
      }
    } else {
      for (const k in node) {
        const child = (node as Record<string, unknown>)[k];
        if (child === null || (typeof child !== 'object' && (typeof child !== 'string' || !wantsText))) continue;
        if (grow) w.push(child, d + 1, k, true);
        else w.push(child, d, undefined, false);
      }
    }
    const end = w.top;
    if (end - mark > 1) {
      reverse(nodes, mark, end);
      reverse(depths, mark, end);
      reverse(keys, mark, end);
      reverse(grows, mark, end);
    }
  }
}

function join(path: readonly (string | number)[], depth: number): string {
  if (depth === 0) return '';
  let out = String(path[0]);
  for (let i = 1; i < depth; i++) out += `.${path[i]}`;
  return out;
}

function reverse(items: unknown[], from: number, end: number): void {
  for (let i = from, j = end - 1; i < j; i++, j--) {
    const t = items[i];
    items[i] = items[j];
    items[j] = t;
  }
}
