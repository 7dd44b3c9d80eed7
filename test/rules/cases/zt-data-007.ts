import { versioningRule } from '../../../policies/rules/data/zt-data-007-versioning-soft-delete';
import { RuleCases, cfn, tf } from '../helpers';

const bucket = (props: Record<string, unknown>, extra = {}) =>
  cfn({ Bucket: { Type: 'AWS::S3::Bucket', Properties: props } }, extra);
const versioning = (status: unknown, bucketRef = '${aws_s3_bucket.b.id}') =>
  tf({
    aws_s3_bucket: { b: {} },
    aws_s3_bucket_versioning: { v: { bucket: bucketRef, versioning_configuration: { status } } },
  });
const BLOB_OK = {
  versioning_enabled: true,
  delete_retention_policy: { days: 30 },
  container_delete_retention_policy: { days: 30 },
};
const sa = (body: Record<string, unknown>) => tf({ azurerm_storage_account: { sa: { name: 'x', ...body } } });
const kv = (body: Record<string, unknown>) => tf({ azurerm_key_vault: { kv: { name: 'kv', ...body } } });

export const cases: RuleCases = {
  rule: versioningRule,
  cases: [
    {
      name: 'versioning enabled',
      doc: bucket({ VersioningConfiguration: { Status: 'Enabled' } }),
      address: 'Bucket',
      verdict: 'pass',
    },
    {
      name: 'versioning suspended',
      doc: bucket({ VersioningConfiguration: { Status: 'Suspended' } }),
      address: 'Bucket',
      verdict: 'fail',
      path: 'VersioningConfiguration.Status',
    },
    {
      name: 'no versioning',
      doc: bucket({}),
      address: 'Bucket',
      verdict: 'fail',
      path: 'VersioningConfiguration.Status',
    },
    {
      name: 'versioning decided by a condition',
      doc: bucket(
        { VersioningConfiguration: { 'Fn::If': ['Prod', { Status: 'Enabled' }, { Ref: 'AWS::NoValue' }] } },
        { Conditions: { Prod: { 'Fn::Equals': ['a', 'b'] } } },
      ),
      address: 'Bucket',
      verdict: 'unknown',
      message: /condition Prod/,
    },
    {
      name: 'tf aws_s3_bucket_versioning Enabled',
      doc: versioning('Enabled'),
      address: 'aws_s3_bucket.b',
      verdict: 'pass',
    },
    {
      name: 'tf aws_s3_bucket_versioning Suspended',
      doc: versioning('Suspended'),
      address: 'aws_s3_bucket.b',
      verdict: 'fail',
      path: 'aws_s3_bucket_versioning.v.versioning_configuration.status',
    },
    {
      name: 'tf versioning status from a variable',
      doc: versioning('${var.status}'),
      address: 'aws_s3_bucket.b',
      verdict: 'unknown',
      message: /var\.status/,
    },
    {
      name: 'tf inline versioning (provider v3)',
      doc: tf({ aws_s3_bucket: { b: { versioning: [{ enabled: true }] } } }),
      address: 'aws_s3_bucket.b',
      verdict: 'pass',
    },
    {
      name: 'tf bucket without versioning',
      doc: tf({ aws_s3_bucket: { b: {} } }),
      address: 'aws_s3_bucket.b',
      verdict: 'fail',
      path: 'versioning',
    },
    {
      name: 'storage account with versioning and soft delete',
      doc: sa({ blob_properties: BLOB_OK }),
      address: 'azurerm_storage_account.sa',
      verdict: 'pass',
    },
    {
      name: 'storage account without blob_properties',
      doc: sa({}),
      address: 'azurerm_storage_account.sa',
      verdict: 'fail',
      path: 'blob_properties',
    },
    {
      name: 'storage account without blob versioning',
      doc: sa({ blob_properties: { ...BLOB_OK, versioning_enabled: false } }),
      address: 'azurerm_storage_account.sa',
      verdict: 'fail',
      path: 'blob_properties.versioning_enabled',
    },
    {
      name: 'storage account without container soft delete',
      doc: sa({ blob_properties: [{ versioning_enabled: true, delete_retention_policy: [{ days: 7 }] }] }),
      address: 'azurerm_storage_account.sa',
      verdict: 'fail',
      path: 'blob_properties.container_delete_retention_policy',
    },
    {
      name: 'storage account allowing permanent delete of soft-deleted blobs',
      doc: sa({
        blob_properties: { ...BLOB_OK, delete_retention_policy: { days: 7, permanent_delete_enabled: true } },
      }),
      address: 'azurerm_storage_account.sa',
      verdict: 'fail',
      path: 'blob_properties.delete_retention_policy.permanent_delete_enabled',
    },
    {
      name: 'file-only storage account without share soft delete',
      doc: sa({ account_kind: 'FileStorage' }),
      address: 'azurerm_storage_account.sa',
      verdict: 'fail',
      path: 'share_properties',
    },
    {
      name: 'file-only storage account with share soft delete',
      doc: sa({ account_kind: 'FileStorage', share_properties: { retention_policy: { days: 14 } } }),
      address: 'azurerm_storage_account.sa',
      verdict: 'pass',
    },
    {
      name: 'key vault (soft delete always on)',
      doc: kv({ soft_delete_retention_days: 90 }),
      address: 'azurerm_key_vault.kv',
      verdict: 'pass',
    },
    {
      name: 'key vault soft-delete retention below 7 days',
      doc: kv({ soft_delete_retention_days: 3 }),
      address: 'azurerm_key_vault.kv',
      verdict: 'fail',
      path: 'soft_delete_retention_days',
    },
    {
      name: 'the removed soft_delete_enabled argument is not judged (azurerm >= 3.0 always soft-deletes)',
      doc: kv({ soft_delete_enabled: false }),
      address: 'azurerm_key_vault.kv',
      verdict: 'pass',
    },
  ],
};
