import { buildGraph, loadCloudFormationObject } from '../../policies/engine';

/** ResourceGraph.memo: a derived fact is computed once per graph, namespace and resource. */
const doc = loadCloudFormationObject(
  { Resources: { A: { Type: 'AWS::S3::Bucket' }, B: { Type: 'AWS::S3::Bucket' } } },
  { file: 'memo.json' },
);
const [a, b] = doc.resources;

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
