import * as path from 'path';
import { checkPaths } from '../../policies/engine';
import type { EvaluationResult } from '../../policies/engine';
import { ALL_RULES } from '../../policies/rules';
import { tempDir, writeFile } from '../support/temp-dir';

/**
 * Relational rules over a Terraform module split across files: the bucket, its companions and its
 * key each live in their own file, as hand-written modules often do. Loaded as the directory, the
 * companions and the key are found through the graph.
 */
const tmp = tempDir('tf-module-rules');
afterAll(() => tmp.remove());

const dir = path.join(tmp.dir, 'lake');
writeFile(dir, 'bucket.tf.json', { resource: { aws_s3_bucket: { data: [{ bucket: 'lake-data' }] } } });
writeFile(dir, 'keys.tf.json', { resource: { aws_kms_key: { lake: [{ enable_key_rotation: true }] } } });
writeFile(dir, 'encryption.tf.json', {
  resource: {
    aws_s3_bucket_server_side_encryption_configuration: {
      data: [
        {
          bucket: '${aws_s3_bucket.data.id}',
          rule: [
            {
              apply_server_side_encryption_by_default: [
                { sse_algorithm: 'aws:kms', kms_master_key_id: '${aws_kms_key.lake.arn}' },
              ],
            },
          ],
        },
      ],
    },
  },
});
writeFile(dir, 'versioning.tf.json', {
  resource: {
    aws_s3_bucket_versioning: {
      data: [{ bucket: '${aws_s3_bucket.data.id}', versioning_configuration: [{ status: 'Enabled' }] }],
    },
  },
});

const verdict = (result: EvaluationResult, ruleId: string, address: string) =>
  result.findings.find((f) => f.ruleId === ruleId && f.resource.address === address);

describe('rules over a Terraform module split across files', () => {
  test('loaded as the directory: companions and the key in other files count', () => {
    const result = checkPaths([dir], ALL_RULES);
    expect(result.documents).toHaveLength(1);
    expect(verdict(result, 'ZT-DATA-001', 'aws_s3_bucket.data')).toMatchObject({
      verdict: 'pass',
      message: expect.stringContaining('aws_kms_key aws_kms_key.lake'),
      source: { file: path.join(dir, 'bucket.tf.json') },
    });
    expect(verdict(result, 'ZT-DATA-007', 'aws_s3_bucket.data')?.verdict).toBe('pass');
    expect(verdict(result, 'ZT-DATA-002', 'aws_kms_key.lake')?.source.file).toBe(path.join(dir, 'keys.tf.json'));
  });

  test('files given one by one are separate configurations: the bucket has no companions', () => {
    const files = ['bucket.tf.json', 'encryption.tf.json', 'versioning.tf.json'].map((f) => path.join(dir, f));
    const result = checkPaths(files, ALL_RULES);
    expect(result.documents).toHaveLength(3);
    expect(verdict(result, 'ZT-DATA-001', 'aws_s3_bucket.data')?.verdict).toBe('fail');
    expect(verdict(result, 'ZT-DATA-007', 'aws_s3_bucket.data')?.verdict).toBe('fail');
  });
});
