import { buildGraph, loadCloudFormationObject } from '../../policies/engine';

/** ResourceGraph.memo: a derived fact is computed once per graph, namespace and resource. */
const doc = loadCloudFormationObject(
  { Resources: Object.fromEntries(['A', 'B', 'C', 'D', 'E', 'F'].map((id) => [id, { Type: 'AWS::S3::Bucket' }])) },
  { file: 'memo.json' },
);
const [a, b, ...others] = doc.resources;

describe('ResourceGraph.memo', () => {
  test('computes once per (namespace, resource) and returns the kept result', () => {
    const graph = buildGraph([doc]);
    let calls = 0;
    const fact = () => ({ n: ++calls });
    const first = graph.memo('fact', a, fact);
    expect(graph.memo('fact', a, fact)).toBe(first);
    expect(graph.memo('fact', b, fact)).toEqual({ n: 2 });
    expect(graph.memo('other fact', a, fact)).toEqual({ n: 3 });
    expect(calls).toBe(3);
  });

  test('undefined is a kept result too; a throwing computation keeps nothing', () => {
    const graph = buildGraph([doc]);
    let calls = 0;
    graph.memo('nothing', a, () => void calls++);
    graph.memo('nothing', a, () => void calls++);
    expect(calls).toBe(1);
    expect(() =>
      graph.memo('fails', a, () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(graph.memo('fails', a, () => 'recovered')).toBe('recovered');
  });

  test('a new graph starts empty', () => {
    const kept = buildGraph([doc]).memo('fact', a, () => ({}));
    expect(buildGraph([doc]).memo('fact', a, () => ({}))).not.toBe(kept);
  });
});

describe('ResourceGraph.recent', () => {
  test('keeps the facts of the last few resources only, per namespace, and computes the others again', () => {
    const graph = buildGraph([doc]);
    let calls = 0;
    const fact = () => ({ n: ++calls });
    const first = graph.recent('doc', a, fact);
    expect(graph.recent('doc', a, fact)).toBe(first);
    expect(graph.recent('other doc', a, fact)).not.toBe(first);
    expect(calls).toBe(2);
    // Four other resources later, A's fact is gone: asked again, it is computed again (equal, not the same).
    for (const r of [b, ...others.slice(0, 3)]) graph.recent('doc', r, fact);
    expect(calls).toBe(6);
    const again = graph.recent('doc', a, fact);
    expect(again).not.toBe(first);
    expect(calls).toBe(7);
    expect(graph.recent('doc', a, fact)).toBe(again);
  });
});
