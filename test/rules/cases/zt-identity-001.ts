import { noLegacyAccessRule } from '../../../policies/rules/identity/zt-identity-001-no-legacy-access';
import { RuleCases, cfn, tf } from '../helpers';
import { azureStoreCases } from './zt-identity-001-azure-stores';
import { awsStoreCases } from './zt-identity-001-aws-stores';

const bucket = (props: Record<string, unknown>) => cfn({ Bucket: { Type: 'AWS::S3::Bucket', Properties: props } });
const ownership = (value: string) => ({ OwnershipControls: { Rules: [{ ObjectOwnership: value }] } });
const tfControls = (value: string, ref = '${aws_s3_bucket.b.id}') =>
  tf({
    aws_s3_bucket: { b: {}, other: {} },
    aws_s3_bucket_ownership_controls: { oc: { bucket: ref, rule: { object_ownership: value } } },
  });
const sa = (body: Record<string, unknown>) => tf({ azurerm_storage_account: { sa: { name: 'x', ...body } } });

export const cases: RuleCases = {
  rule: noLegacyAccessRule,
  cases: [
    ...azureStoreCases,
    {
      name: 'ACLs disabled (BucketOwnerEnforced)',
      doc: bucket(ownership('BucketOwnerEnforced')),
      address: 'Bucket',
      verdict: 'pass',
    },
    {
      name: 'no ownership controls',
      doc: bucket({}),
      address: 'Bucket',
      verdict: 'fail',
      path: 'OwnershipControls.Rules',
    },
    {
      name: 'ObjectWriter keeps ACLs',
      doc: bucket(ownership('ObjectWriter')),
      address: 'Bucket',
      verdict: 'fail',
      path: 'OwnershipControls.Rules.0.ObjectOwnership',
    },
    {
      name: 'tf ownership controls BucketOwnerEnforced',
      doc: tfControls('BucketOwnerEnforced'),
      address: 'aws_s3_bucket.b',
      verdict: 'pass',
    },
    {
      name: 'tf ownership controls BucketOwnerPreferred',
      doc: tfControls('BucketOwnerPreferred'),
      address: 'aws_s3_bucket.b',
      verdict: 'fail',
      path: 'aws_s3_bucket_ownership_controls.oc.rule.object_ownership',
    },
    {
      name: 'tf bucket without ownership controls',
      doc: tf({ aws_s3_bucket: { b: {} } }),
      address: 'aws_s3_bucket.b',
      verdict: 'fail',
    },
    {
      name: 'tf ownership controls of another bucket do not count',
      doc: tfControls('BucketOwnerEnforced', '${aws_s3_bucket.other.id}'),
      address: 'aws_s3_bucket.b',
      verdict: 'fail',
    },
    {
      name: 'storage account shared keys off',
      doc: sa({ shared_access_key_enabled: false }),
      address: 'azurerm_storage_account.sa',
      verdict: 'pass',
    },
    {
      name: 'storage account shared keys default (on)',
      doc: sa({}),
      address: 'azurerm_storage_account.sa',
      verdict: 'fail',
      path: 'shared_access_key_enabled',
    },
    {
      name: 'storage account shared keys on',
      doc: sa({ shared_access_key_enabled: true }),
      address: 'azurerm_storage_account.sa',
      verdict: 'fail',
    },
    ...awsStoreCases,
  ],
};
