import { buildGraph, evaluate, loadCloudFormationObject, loadTerraformObject } from '../../policies/engine';
import { resourceReferences, interpolations } from '../../policies/engine/tf-expressions';
import { ALL_RULES } from '../../policies/rules';

/**
 * Hostile values never turn a fault into a pass: a deeply nested value in an unrelated resource
 * must not overflow the reference walk (which used to turn real failures into unknown), and
 * pathological expressions are scanned in linear time (an input that took minutes now finishes
 * within the default test timeout by orders of magnitude).
 */

function nested(depth: number): unknown {
  let v: unknown = { Ref: 'Bucket' };
  for (let i = 0; i < depth; i++) v = { a: [v] };
  return v;
}

describe('deep nesting', () => {
  const doc = loadCloudFormationObject(
    {
      Resources: {
        Bucket: { Type: 'AWS::S3::Bucket', Properties: {} },
        Deep: { Type: 'AWS::SSM::Parameter', Properties: { Value: nested(12_000) } },
      },
    },
    { file: 'deep.json' },
  );

  test('the reference walk is iterative: the deep edge is found, no stack overflow', () => {
    const graph = buildGraph([doc]);
    const bucket = doc.resources.find((r) => r.address === 'Bucket')!;
    const edges = graph.referencedBy(bucket);
    expect(edges).toHaveLength(1);
    expect(edges[0].from.address).toBe('Deep');
  });

  test('real failures elsewhere stay failures (not unknown)', () => {
    const result = evaluate(buildGraph([doc]), ALL_RULES, { ruleIds: ['ZT-DATA-005'] });
    const bucket = result.findings.filter((f) => f.resource.address === 'Bucket');
    expect(bucket.map((f) => f.status)).toEqual(['fail']);
  });
});

describe('pathological Terraform expressions', () => {
  test('many "[" with no "]" scan in linear time', () => {
    const expression = `aws_s3_bucket.b${'['.repeat(3_000_000)}`;
    expect(resourceReferences(expression)).toEqual([{ address: 'aws_s3_bucket.b' }]);
  });

  test('many unclosed "${" scan in linear time', () => {
    expect(interpolations('${'.repeat(1_000_000))).toEqual([]);
  });

  test('a huge interpolated string in a resource resolves without blowing up', () => {
    const doc = loadTerraformObject(
      { resource: { aws_s3_bucket: { b: { bucket: `\${aws_x.y${'['.repeat(200_000)}}` } } } },
      { file: 'big.tf.json' },
    );
    const graph = buildGraph([doc]);
    expect(graph.value(doc.resources[0], 'bucket').kind).toBe('unknown');
  });
});
