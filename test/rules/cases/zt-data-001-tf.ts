import type { RuleCase } from '../helpers';
import { tf } from '../helpers';

const tfSse = (byDefault: Record<string, unknown>) => [
  { rule: [{ apply_server_side_encryption_by_default: [byDefault] }] },
];
const KMS_TF = { aws_kms_key: { k: { enable_key_rotation: true } } };

/** ZT-DATA-001 on Terraform resources (aws and azurerm). */
export const terraformCases: RuleCase[] = [
  // aws_s3_bucket
  {
    name: 'tf bucket without any encryption config',
    doc: tf({ aws_s3_bucket: { b: {} } }),
    address: 'aws_s3_bucket.b',
    verdict: 'fail',
  },
  {
    name: 'tf bucket inline AES256',
    doc: tf({ aws_s3_bucket: { b: { server_side_encryption_configuration: tfSse({ sse_algorithm: 'AES256' }) } } }),
    address: 'aws_s3_bucket.b',
    verdict: 'fail',
    path: 'server_side_encryption_configuration.rule.0.apply_server_side_encryption_by_default.sse_algorithm',
  },
  {
    name: 'tf bucket inline aws:kms with a module key',
    doc: tf({
      ...KMS_TF,
      aws_s3_bucket: {
        b: {
          server_side_encryption_configuration: tfSse({
            sse_algorithm: 'aws:kms',
            kms_master_key_id: '${aws_kms_key.k.arn}',
          }),
        },
      },
    }),
    address: 'aws_s3_bucket.b',
    verdict: 'pass',
  },
  {
    name: 'tf bucket via aws_s3_bucket_server_side_encryption_configuration (cdktf shape)',
    doc: tf({
      ...KMS_TF,
      aws_s3_bucket: { b: {} },
      aws_s3_bucket_server_side_encryption_configuration: {
        e: {
          bucket: '${aws_s3_bucket.b.id}',
          rule: [
            {
              apply_server_side_encryption_by_default: {
                sse_algorithm: 'aws:kms',
                kms_master_key_id: '${aws_kms_key.k.arn}',
              },
            },
          ],
        },
      },
    }),
    address: 'aws_s3_bucket.b',
    verdict: 'pass',
  },
  {
    name: 'tf companion with AES256 overrides inline aws:kms',
    doc: tf({
      ...KMS_TF,
      aws_s3_bucket: {
        b: {
          server_side_encryption_configuration: tfSse({
            sse_algorithm: 'aws:kms',
            kms_master_key_id: '${aws_kms_key.k.arn}',
          }),
        },
      },
      aws_s3_bucket_server_side_encryption_configuration: {
        e: { bucket: '${aws_s3_bucket.b.id}', rule: tfSse({ sse_algorithm: 'AES256' })[0].rule },
      },
    }),
    address: 'aws_s3_bucket.b',
    verdict: 'fail',
    path: 'aws_s3_bucket_server_side_encryption_configuration.e.rule.0.apply_server_side_encryption_by_default.sse_algorithm',
  },
  {
    name: 'tf companion for another bucket does not count',
    doc: tf({
      ...KMS_TF,
      aws_s3_bucket: { b: {}, other: {} },
      aws_s3_bucket_server_side_encryption_configuration: {
        e: {
          bucket: '${aws_s3_bucket.other.id}',
          rule: tfSse({ sse_algorithm: 'aws:kms', kms_master_key_id: '${aws_kms_key.k.arn}' })[0].rule,
        },
      },
    }),
    address: 'aws_s3_bucket.b',
    verdict: 'fail',
  },
  {
    name: 'tf companion whose bucket is a variable may be the one',
    doc: tf({
      ...KMS_TF,
      aws_s3_bucket: { b: { bucket: '${var.name}' } },
      aws_s3_bucket_server_side_encryption_configuration: {
        e: {
          bucket: '${var.name}',
          rule: tfSse({ sse_algorithm: 'aws:kms', kms_master_key_id: '${aws_kms_key.k.arn}' })[0].rule,
        },
      },
    }),
    address: 'aws_s3_bucket.b',
    verdict: 'unknown',
    message: /var\.name/,
  },
  {
    // A file given on its own: the key's file is not loaded, but the address says it is an aws_kms_key.
    name: 'tf key in a file that is not loaded (reference to an aws_kms_key address)',
    doc: tf({
      aws_s3_bucket: {
        b: {
          server_side_encryption_configuration: tfSse({
            sse_algorithm: 'aws:kms',
            kms_master_key_id: '${aws_kms_key.elsewhere.arn}',
          }),
        },
      },
    }),
    address: 'aws_s3_bucket.b',
    verdict: 'pass',
    message: /aws_kms_key\.elsewhere, not in this document/,
  },
  {
    name: 'tf key property referencing a resource that is not loaded and not a key',
    doc: tf({
      aws_s3_bucket: {
        b: {
          server_side_encryption_configuration: tfSse({
            sse_algorithm: 'aws:kms',
            kms_master_key_id: '${aws_ssm_parameter.key_id.value}',
          }),
        },
      },
    }),
    address: 'aws_s3_bucket.b',
    verdict: 'unknown',
    message: /aws_ssm_parameter\.key_id, which is not a resource of this configuration/,
  },
  {
    name: 'tf key from a variable',
    doc: tf({
      aws_s3_bucket: {
        b: {
          server_side_encryption_configuration: tfSse({ sse_algorithm: 'aws:kms', kms_master_key_id: '${var.key}' }),
        },
      },
    }),
    address: 'aws_s3_bucket.b',
    verdict: 'unknown',
    message: /var\.key/,
  },
  // aws_cloudwatch_log_group / aws_secretsmanager_secret
  {
    name: 'tf log group without kms_key_id',
    doc: tf({ aws_cloudwatch_log_group: { l: {} } }),
    address: 'aws_cloudwatch_log_group.l',
    verdict: 'fail',
    path: 'kms_key_id',
  },
  {
    name: 'tf log group with a module key',
    doc: tf({ ...KMS_TF, aws_cloudwatch_log_group: { l: { kms_key_id: '${aws_kms_key.k.arn}' } } }),
    address: 'aws_cloudwatch_log_group.l',
    verdict: 'pass',
  },
  {
    name: 'tf secret with alias/aws/secretsmanager',
    doc: tf({ aws_secretsmanager_secret: { s: { kms_key_id: 'alias/aws/secretsmanager' } } }),
    address: 'aws_secretsmanager_secret.s',
    verdict: 'fail',
    path: 'kms_key_id',
  },
  {
    name: 'tf secret with a module key',
    doc: tf({ ...KMS_TF, aws_secretsmanager_secret: { s: { kms_key_id: '${aws_kms_key.k.id}' } } }),
    address: 'aws_secretsmanager_secret.s',
    verdict: 'pass',
  },
  // azurerm_storage_account
  {
    name: 'storage account with Microsoft-managed keys',
    doc: tf({ azurerm_storage_account: { sa: { name: 'x' } } }),
    address: 'azurerm_storage_account.sa',
    verdict: 'fail',
    path: 'customer_managed_key',
  },
  {
    name: 'storage account with inline customer_managed_key',
    doc: tf({
      azurerm_key_vault_key: { k: { name: 'k' } },
      azurerm_storage_account: {
        sa: {
          customer_managed_key: {
            key_vault_key_id: '${azurerm_key_vault_key.k.id}',
            user_assigned_identity_id: 'id',
          },
        },
      },
    }),
    address: 'azurerm_storage_account.sa',
    verdict: 'pass',
  },
  {
    name: 'storage account via azurerm_storage_account_customer_managed_key',
    doc: tf({
      azurerm_storage_account: { sa: { name: 'x' } },
      azurerm_storage_account_customer_managed_key: {
        cmk: { storage_account_id: '${azurerm_storage_account.sa.id}', key_vault_id: 'v', key_name: 'k' },
      },
    }),
    address: 'azurerm_storage_account.sa',
    verdict: 'pass',
  },
  {
    name: 'customer-managed key resource of another account does not count',
    doc: tf({
      azurerm_storage_account: { sa: { name: 'x' }, other: { name: 'y' } },
      azurerm_storage_account_customer_managed_key: {
        cmk: { storage_account_id: '${azurerm_storage_account.other.id}', key_vault_id: 'v', key_name: 'k' },
      },
    }),
    address: 'azurerm_storage_account.sa',
    verdict: 'fail',
  },
  {
    name: 'customer_managed_key from a dynamic block',
    doc: tf({
      azurerm_storage_account: {
        sa: {
          dynamic: { customer_managed_key: [{ for_each: '${var.cmk}', content: [{ key_vault_key_id: 'kid' }] }] },
        },
      },
    }),
    address: 'azurerm_storage_account.sa',
    verdict: 'unknown',
    message: /dynamic block/,
  },
];
