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
  depth = 0;
  /** The joined path of the node being visited, once per node however many references it holds. */
  joined: string | undefined;

  path(): string {
    return (this.joined ??= join(this.keyPath, this.depth));
  }

  visit(child: unknown, grow: boolean): void {
    this.push(child, this.depth, undefined, grow);
  }

  push(child: unknown, d: number, key: string | number | undefined, grow: boolean): void {
    this.nodes.push(child);
    this.depths.push(d);
    this.keys.push(key);
    this.grows.push(grow);
  }

  reset(): void {
    this.nodes.length = 0;
    this.depths.length = 0;
    this.keys.length = 0;
    this.grows.length = 0;
    this.keyPath.length = 0;
    this.depth = 0;
    this.joined = undefined;
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
  while (nodes.length > 0) {
    const node = nodes.pop();
    const d = depths.pop()!;
    const key = keys.pop();
    const grow = grows.pop()!;
    if (key !== undefined) keyPath[d - 1] = key;
    if (key !== undefined || d !== w.depth) w.joined = undefined;
    w.depth = d;
    if (typeof node === 'string') {
      if (spec.text) spec.text(node, w);
      continue;
    }
    if (typeof node !== 'object' || node === null) continue;
    // Children are queued in order, then that run of the stacks reversed: they are visited in order.
    const mark = nodes.length;
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
    if (nodes.length - mark > 1) {
      reverse(nodes, mark);
      reverse(depths, mark);
      reverse(keys, mark);
      reverse(grows, mark);
    }
  }
}

function join(path: readonly (string | number)[], depth: number): string {
  if (depth === 0) return '';
  let out = String(path[0]);
  for (let i = 1; i < depth; i++) out += `.${path[i]}`;
  return out;
}

function reverse(items: unknown[], from: number): void {
  for (let i = from, j = items.length - 1; i < j; i++, j--) {
    const t = items[i];
    items[i] = items[j];
    items[j] = t;
  }
}
