import { noPublicAccessRule } from '../../../policies/rules/data/zt-data-005-no-public-access';
import { RuleCases, cfn, tf } from '../helpers';
import { awsStoreCases } from './zt-data-005-aws-stores';

const ALL_ON = { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true };
const TF_ALL_ON = {
  block_public_acls: true,
  block_public_policy: true,
  ignore_public_acls: true,
  restrict_public_buckets: true,
};
const bucket = (props: Record<string, unknown>, extra = {}) =>
  cfn({ Bucket: { Type: 'AWS::S3::Bucket', Properties: props } }, extra);
const withBlock = (block: Record<string, unknown>, bucketRef = '${aws_s3_bucket.b.id}', bucketBody = {}) =>
  tf({ aws_s3_bucket: { b: bucketBody }, aws_s3_bucket_public_access_block: { pab: { bucket: bucketRef, ...block } } });
const sa = (body: Record<string, unknown>) => tf({ azurerm_storage_account: { sa: { name: 'x', ...body } } });

export const cases: RuleCases = {
  rule: noPublicAccessRule,
  cases: [
    {
      name: 'storage container private (the default)',
      doc: tf({ azurerm_storage_container: { c: { name: 'c' } } }),
      address: 'azurerm_storage_container.c',
      verdict: 'pass',
    },
    {
      name: 'storage container with anonymous blob access',
      doc: tf({ azurerm_storage_container: { c: { name: 'c', container_access_type: 'blob' } } }),
      address: 'azurerm_storage_container.c',
      verdict: 'fail',
      path: 'container_access_type',
    },
    {
      name: 'each public access block flag that is off is its own finding',
      doc: bucket({ PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: false } }),
      address: 'Bucket',
      verdict: 'fail',
      failingPaths: [
        'PublicAccessBlockConfiguration.BlockPublicPolicy',
        'PublicAccessBlockConfiguration.IgnorePublicAcls',
        'PublicAccessBlockConfiguration.RestrictPublicBuckets',
      ],
    },
    {
      name: 'a companion block reports each flag on the bucket, under the block address',
      doc: withBlock({ ...TF_ALL_ON, block_public_acls: false, restrict_public_buckets: false }),
      address: 'aws_s3_bucket.b',
      verdict: 'fail',
      failingPaths: [
        'aws_s3_bucket_public_access_block.pab.block_public_acls',
        'aws_s3_bucket_public_access_block.pab.restrict_public_buckets',
      ],
    },
    {
      name: 'all four blocks on',
      doc: bucket({ PublicAccessBlockConfiguration: ALL_ON }),
      address: 'Bucket',
      verdict: 'pass',
    },
    {
      name: 'no public access block',
      doc: bucket({}),
      address: 'Bucket',
      verdict: 'fail',
      path: 'PublicAccessBlockConfiguration',
    },
    {
      name: 'RestrictPublicBuckets off',
      doc: bucket({ PublicAccessBlockConfiguration: { ...ALL_ON, RestrictPublicBuckets: false } }),
      address: 'Bucket',
      verdict: 'fail',
      path: 'PublicAccessBlockConfiguration.RestrictPublicBuckets',
    },
    {
      name: 'IgnorePublicAcls omitted (false)',
      doc: bucket({
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
      }),
      address: 'Bucket',
      verdict: 'fail',
      path: 'PublicAccessBlockConfiguration.IgnorePublicAcls',
    },
    {
      name: 'one flag from a parameter',
      doc: bucket(
        { PublicAccessBlockConfiguration: { ...ALL_ON, BlockPublicPolicy: { Ref: 'P' } } },
        { Parameters: { P: { Type: 'String' } } },
      ),
      address: 'Bucket',
      verdict: 'unknown',
      message: /parameter P/,
    },
    {
      name: 'tf bucket with a full public access block',
      doc: withBlock(TF_ALL_ON),
      address: 'aws_s3_bucket.b',
      verdict: 'pass',
    },
    {
      name: 'tf bucket without a public access block',
      doc: tf({ aws_s3_bucket: { b: {} } }),
      address: 'aws_s3_bucket.b',
      verdict: 'fail',
    },
    {
      name: 'tf block missing restrict_public_buckets',
      doc: withBlock({ ...TF_ALL_ON, restrict_public_buckets: undefined }),
      address: 'aws_s3_bucket.b',
      verdict: 'fail',
      path: 'aws_s3_bucket_public_access_block.pab.restrict_public_buckets',
    },
    {
      name: 'tf block whose bucket is a variable may apply',
      doc: withBlock(TF_ALL_ON, '${var.bucket}', { bucket: '${var.bucket}' }),
      address: 'aws_s3_bucket.b',
      verdict: 'unknown',
    },
    {
      name: 'tf block for a literal bucket name is not matched by name',
      doc: withBlock(TF_ALL_ON, 'my-bucket', { bucket: 'my-bucket' }),
      address: 'aws_s3_bucket.b',
      verdict: 'fail',
    },
    {
      name: 'a block protecting a loaded bucket is judged on the bucket, not again on its own',
      doc: withBlock({ ...TF_ALL_ON, block_public_policy: false }),
      address: 'aws_s3_bucket_public_access_block.pab',
      verdict: 'not_applicable',
    },
    {
      name: 'aws_s3_bucket_public_access_block all on, for a bucket of another module',
      doc: withBlock(TF_ALL_ON, '${var.bucket}'),
      address: 'aws_s3_bucket_public_access_block.pab',
      verdict: 'pass',
    },
    {
      name: 'aws_s3_bucket_public_access_block with block_public_policy false, for a bucket of another module',
      doc: withBlock({ ...TF_ALL_ON, block_public_policy: false }, '${var.bucket}'),
      address: 'aws_s3_bucket_public_access_block.pab',
      verdict: 'fail',
      path: 'block_public_policy',
    },
    {
      name: 'storage account blobs not public',
      doc: sa({ allow_nested_items_to_be_public: false }),
      address: 'azurerm_storage_account.sa',
      verdict: 'pass',
    },
    {
      name: 'storage account default (public allowed)',
      doc: sa({}),
      address: 'azurerm_storage_account.sa',
      verdict: 'fail',
      path: 'allow_nested_items_to_be_public',
    },
    {
      name: 'storage account nested items public',
      doc: sa({ allow_nested_items_to_be_public: true }),
      address: 'azurerm_storage_account.sa',
      verdict: 'fail',
    },
    {
      name: 'storage account allow_blob_public_access (azurerm 2.x)',
      doc: sa({ allow_blob_public_access: true }),
      address: 'azurerm_storage_account.sa',
      verdict: 'fail',
      path: 'allow_blob_public_access',
    },
    ...awsStoreCases,
  ],
};
