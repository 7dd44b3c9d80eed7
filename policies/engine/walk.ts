/**
 * An iterative walk over a synthesized value (no recursion: hostile input may nest thousands of
 * levels deep), reporting the dialect's expressions with the property path where they sit. The
 * path is kept as a chain of links and joined only where a reference is found: most nodes hold none.
 */

interface PathLink {
  readonly key: string | number;
  readonly parent: PathLink | undefined;
}

export interface WalkSpec<E> {
  /** The expression `node` is, or undefined for plain data. */
  readonly expression?: (node: unknown) => E | undefined;
  /**
   * Reports an expression's references (at `path()`) and returns the values inside it still to
   * walk; `grow` says whether they are property values (Fn::If branches) whose keys extend the path.
   */
  readonly references?: (e: E, path: () => string) => { readonly children: unknown[]; readonly grow: boolean };
  /** Called for every string (Terraform interpolations live in strings). */
  readonly text?: (s: string, path: () => string) => void;
}

function join(link: PathLink | undefined): string {
  const keys: (string | number)[] = [];
  for (let l = link; l; l = l.parent) keys.push(l.key);
  return keys.reverse().join('.');
}

export function walk<E>(root: unknown, spec: WalkSpec<E>): void {
  // Parallel stacks: the node, the path link where it sits, and whether its keys extend the path.
  const nodes: unknown[] = [root];
  const links: (PathLink | undefined)[] = [undefined];
  const grows: boolean[] = [true];
  while (nodes.length > 0) {
    const node = nodes.pop();
    const link = links.pop();
    const grow = grows.pop()!;
    if (typeof node === 'string') {
      if (spec.text) spec.text(node, () => join(link));
      continue;
    }
    if (typeof node !== 'object' || node === null) continue;
    const e = spec.expression?.(node);
    if (e !== undefined) {
      const { children, grow: childGrow } = spec.references!(e, () => join(link));
      for (let i = children.length - 1; i >= 0; i--) {
        nodes.push(children[i]);
        links.push(link);
        grows.push(childGrow);
      }
      continue;
    }
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) {
        const child: unknown = node[i];
        if (child === null || (typeof child !== 'object' && (typeof child !== 'string' || !spec.text))) continue;
        nodes.push(child);
        links.push(grow ? { key: i, parent: link } : link);
        grows.push(grow);
      }
      continue;
    }
    const keys = Object.keys(node);
    for (let i = keys.length - 1; i >= 0; i--) {
      const child = (node as Record<string, unknown>)[keys[i]];
      if (child === null || (typeof child !== 'object' && (typeof child !== 'string' || !spec.text))) continue;
      nodes.push(child);
      links.push(grow ? { key: keys[i], parent: link } : link);
      grows.push(grow);
    }
  }
}
