import * as path from 'path';
import { loadPaths, UNKNOWN_EXPRESSION } from '../../policies/engine';
import type { Resource } from '../../policies/engine';

/** `terraform show -json plan.out` (fixture shaped like Terraform 1.9's output, trimmed). */
const file = path.join(__dirname, '..', 'fixtures', 'terraform-plan', 'plan.json');
const [doc] = loadPaths([file]);

const find = (address: string): Resource => {
  const r = doc.resources.find((x) => x.address === address);
  if (!r) throw new Error(`no ${address} in ${doc.resources.map((x) => x.address).join(', ')}`);
  return r;
};

describe('Terraform plan JSON', () => {
  test('managed resource instances the plan keeps, modules flattened to module.x.type.name addresses', () => {
    expect(doc).toMatchObject({ id: file, file, format: 'terraform' });
    // Data sources are not resources; a resource the plan deletes is not deployed.
    expect(doc.resources.map((r) => [r.address, r.type, r.provider])).toEqual([
      ['aws_s3_bucket.data', 'aws_s3_bucket', 'aws'],
      ['aws_s3_bucket_policy.data', 'aws_s3_bucket_policy', 'aws'],
      [
        'aws_s3_bucket_server_side_encryption_configuration.data',
        'aws_s3_bucket_server_side_encryption_configuration',
        'aws',
      ],
      ['module.logs.aws_kms_key.this[0]', 'aws_kms_key', 'aws'],
    ]);
    expect(find('module.logs.aws_kms_key.this[0]').properties).toMatchObject({ enable_key_rotation: false });
  });

  test('values known only after apply are the unknown expression', () => {
    expect(find('aws_s3_bucket.data').properties).toMatchObject({ bucket: 'ml-data', arn: UNKNOWN_EXPRESSION });
    const sse = find('aws_s3_bucket_server_side_encryption_configuration.data');
    // The module output feeding the key is not a managed resource: it stays unknown.
    expect(sse.properties.rule).toEqual([
      {
        apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms', kms_master_key_id: UNKNOWN_EXPRESSION }],
        bucket_key_enabled: true,
      },
    ]);
  });

  test('an attribute configured as a reference to a managed resource keeps the reference', () => {
    const policy = find('aws_s3_bucket_policy.data');
    expect(policy.properties.bucket).toBe('${aws_s3_bucket.data.id}');
    // A data-source reference is not a resource edge.
    expect(policy.properties.policy).toBe(UNKNOWN_EXPRESSION);
    expect(find('aws_s3_bucket_server_side_encryption_configuration.data').properties.bucket).toBe(
      '${aws_s3_bucket.data.id}',
    );
  });
});
