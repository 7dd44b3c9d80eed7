import { PathTable, walk } from '../../policies/engine/walk';

/** Every string's path as the walk reports it, with and without a document path table. */
function pathsOf(value: unknown, paths?: PathTable): string[] {
  const out: string[] = [];
  walk<never>(value, { ...(paths ? { paths } : {}), text: (s, at) => out.push(`${at.path()}=${s}`) });
  return out;
}

describe('PathTable', () => {
  it('names each path by its parent and key, once', () => {
    const t = new PathTable();
    const a = t.child(0, 'A');
    const a0 = t.child(a, 0);
    expect(t.text(a0)).toBe('A.0');
    expect(t.child(a, 0)).toBe(a0);
    expect(t.child(0, 'A')).toBe(a);
    expect(t.text(t.child(a0, 'B'))).toBe('A.0.B');
    expect(t.text(0)).toBe('');
  });

  it('gives the walk the same paths as joining the keys, across siblings, depths and walks', () => {
    const value = {
      Top: 'x',
      List: ['a', { Deep: ['b', 'c'], Next: 'd' }, ['e']],
      After: { Inner: { Leaf: 'f' } },
      Back: 'g',
    };
    const table = new PathTable();
    const plain = pathsOf(value);
    expect(plain).toEqual([
      'Top=x',
      'List.0=a',
      'List.1.Deep.0=b',
      'List.1.Deep.1=c',
      'List.1.Next=d',
      'List.2.0=e',
      'After.Inner.Leaf=f',
      'Back=g',
    ]);
    expect(pathsOf(value, table)).toEqual(plain);
    // A second walk over the table (the next resource of the document) starts from the root again.
    expect(pathsOf({ List: ['z'], Back: 'y' }, table)).toEqual(['List.0=z', 'Back=y']);
  });

  it('hands out one copy of a path the document has met before', () => {
    const table = new PathTable();
    const seen: string[] = [];
    for (const v of [{ P: { Q: 'a' } }, { P: { Q: 'b' } }]) {
      walk<never>(v, { paths: table, text: (_s, at) => seen.push(at.path()) });
    }
    expect(seen).toEqual(['P.Q', 'P.Q']);
    expect(table.child(table.child(0, 'P'), 'Q')).toBe(table.child(table.child(0, 'P'), 'Q'));
  });
});
