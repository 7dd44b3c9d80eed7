import type { ResourceGraph } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import { type Check, CheckResult, Rule, fail, pass } from '../../engine/rule';
import { STORAGE_ACCOUNT_CMK, TF_BUCKET_ENCRYPTION } from '../shared/companion-specs';
import { withCompanions } from '../shared/companions';
import { allChecks } from '../shared/combine';
import { isTrue, oneOf, setting } from '../shared/expect';
import { judgeAzureCmkBlock } from '../shared/azure-keys';
import { COSMOSDB } from './stores/azure-cosmosdb';
import { POSTGRESQL_FLEXIBLE } from './stores/azure-postgresql';
import { SEARCH } from './stores/azure-search';
import { requireCustomerKey } from '../shared/kms';
import { isPresent, joinPath } from '../shared/read';
import { judgeCfnBucketEncryption, judgeTfEncryptionCompanion, judgeTfInlineEncryption } from '../shared/s3-encryption';
import { AWS_STORES, AWS_STORE_REMEDIATION } from './stores/aws';

/** The concept: a key property names a customer-managed KMS key; `fallback` is what the service uses without one. */
const customerKey =
  (path: string, fallback: string): Check =>
  (res, { graph }) =>
    requireCustomerKey(graph, res, path, fallback);

const LOGS = 'CloudWatch Logs encrypts with a service-owned key';
const TRAIL = 'CloudTrail log files are encrypted with S3-managed keys only';
const ECR_KEY = 'ECR uses the AWS-managed aws/ecr key';
const EBS_KEY = 'EBS uses the AWS-managed aws/ebs key';

/** ECR: KMS (or KMS_DSSE) encryption with a named customer key; the default is AES256. */
const ecrEncryption = (block: string, type: string, key: string): Check =>
  allChecks(
    setting(
      oneOf(joinPath(block, type), ['KMS', 'KMS_DSSE'], {
        providerDefault: 'AES256',
        risk: 'images are encrypted with an AWS-owned key',
      }),
    ),
    customerKey(joinPath(block, key), ECR_KEY),
  );

/** EBS volumes: encrypted, with a customer-managed key. */
const ebsEncryption = (encrypted: string, key: string): Check =>
  allChecks(
    setting(isTrue(encrypted, { providerDefault: false, risk: 'the volume is stored unencrypted' })),
    customerKey(key, EBS_KEY),
  );
const SECRETS = 'Secrets Manager uses the AWS-managed aws/secretsmanager key';

/** Azure: a customer_managed_key block names a Key Vault (or Managed HSM) key of the customer's. */
const azureInlineCmk = (g: ResourceGraph, account: Resource): CheckResult =>
  judgeAzureCmkBlock(
    g,
    account,
    'customer_managed_key',
    ['key_vault_key_id', 'managed_hsm_key_id'],
    'no customer_managed_key block and no azurerm_storage_account_customer_managed_key targets this account, so Microsoft-managed keys encrypt it',
  );

/** azurerm_storage_account_customer_managed_key: the key is named by key_name (+ vault) or a key ID. */
function azureCmkCompanion(g: ResourceGraph, cmk: Resource): CheckResult {
  const named = ['key_name', 'key_vault_key_id', 'managed_hsm_key_id'].find((p) => isPresent(g, cmk, p));
  return named ? pass(`${named} sets a customer-managed key`, named) : fail('names no key (key_name)', 'key_name');
}

export const cmkEncryptionRule: Rule = {
  id: 'ZT-DATA-001',
  title: 'Data at rest is encrypted with a customer-managed key',
  severity: 'high',
  layer: 'data',
  rationale:
    'Training data, features, logs and secrets must be encrypted with a key the platform owns: a customer-managed key ' +
    'has a key policy we control, can be disabled to cut off access (crypto-shredding), and every use is logged in ' +
    'CloudTrail / Key Vault logs. Provider-managed keys (SSE-S3, aws/s3, aws/secretsmanager, Microsoft-managed keys) ' +
    'encrypt too, but anyone with data-plane access can read the data and the key cannot be revoked.',
  remediation:
    'AWS CDK: s3.Bucket({ encryption: BucketEncryption.KMS, encryptionKey }), logs.LogGroup({ encryptionKey }), ' +
    'secretsmanager.Secret({ encryptionKey }) (SecureDataLake does this). CloudFormation: SSEAlgorithm aws:kms with ' +
    'KMSMasterKeyID, KmsKeyId. Terraform: aws_s3_bucket_server_side_encryption_configuration with sse_algorithm = ' +
    '"aws:kms" and kms_master_key_id; kms_key_id on aws_cloudwatch_log_group / aws_secretsmanager_secret; ' +
    'azurerm_storage_account customer_managed_key { key_vault_key_id, user_assigned_identity_id } or an ' +
    'azurerm_storage_account_customer_managed_key resource; azurerm_cosmosdb_account key_vault_key_id; ' +
    'azurerm_postgresql_flexible_server customer_managed_key { key_vault_key_id, primary_user_assigned_identity_id }; ' +
    'azurerm_search_service customer_managed_key_enforcement_enabled = true (each index then names its key).' +
    ' ' +
    AWS_STORE_REMEDIATION.cmk,
  controls: [
    { framework: 'NIST-800-53', id: 'SC-28(1)' },
    { framework: 'NIST-800-53', id: 'SC-12' },
    { framework: 'SOC2', id: 'CC6.1' },
    { framework: 'HIPAA', id: '164.312(a)(2)(iv)' },
    { framework: 'GDPR', id: 'Art. 32(1)(a)' },
    { framework: 'ISO-27001', id: 'A.8.24' },
  ],
  equivalents: [
    {
      tool: 'checkov',
      id: 'CKV_AWS_145',
      resourceTypes: ['aws_s3_bucket'],
      note:
        'Checkov accepts sse_algorithm = "aws:kms" without kms_master_key_id (S3 then uses the AWS-managed aws/s3 ' +
        'key); this rule requires a customer-managed key and fails such buckets.',
      differences: [
        {
          resource: 'aws_s3_bucket.bucket_good_6',
          reason:
            'aws:kms without kms_master_key_id uses the AWS-managed aws/s3 key, which the platform cannot revoke or scope; Checkov accepts it.',
        },
      ],
    },
    { tool: 'checkov', id: 'CKV_AWS_158', resourceTypes: ['AWS::Logs::LogGroup', 'aws_cloudwatch_log_group'] },
    {
      tool: 'checkov',
      id: 'CKV_AWS_149',
      resourceTypes: ['AWS::SecretsManager::Secret', 'aws_secretsmanager_secret'],
      note:
        'Checkov passes kms_key_id = var.x; this rule reports unknown, because the variable may name the ' +
        'AWS-managed alias/aws/secretsmanager key.',
      differences: [
        {
          resource: 'aws_secretsmanager_secret.enabled1',
          reason:
            'kms_key_id = var.kms_key_id may name alias/aws/secretsmanager; the rule reports unknown rather than assume a customer key.',
        },
      ],
    },
    { tool: 'checkov', id: 'CKV2_AZURE_1', resourceTypes: ['azurerm_storage_account'] },
    { tool: 'checkov', id: 'CKV_AWS_35', resourceTypes: ['AWS::CloudTrail::Trail', 'aws_cloudtrail'] },
    { tool: 'checkov', id: 'CKV_AWS_136', resourceTypes: ['AWS::ECR::Repository'] },
    { tool: 'checkov', id: 'CKV_AWS_189', resourceTypes: ['aws_ebs_volume'] },
    {
      tool: 'cdk-nag',
      id: 'NIST.800.53.R5-S3DefaultEncryptionKMS',
      resourceTypes: ['AWS::S3::Bucket'],
      note: 'cdk-nag accepts aws:kms with the AWS-managed aws/s3 key; this rule requires KMSMasterKeyID.',
    },
    { tool: 'cdk-nag', id: 'NIST.800.53.R5-CloudWatchLogGroupEncrypted', resourceTypes: ['AWS::Logs::LogGroup'] },
    { tool: 'cdk-nag', id: 'NIST.800.53.R5-SecretsManagerUsingKMSKey', resourceTypes: ['AWS::SecretsManager::Secret'] },
    ...AWS_STORES.cmk.equivalents,
  ],
  reads: ['aws_s3_bucket_server_side_encryption_configuration', 'azurerm_storage_account_customer_managed_key'],
  checks: {
    'AWS::S3::Bucket': (bucket, { graph }) => judgeCfnBucketEncryption(graph, bucket),
    'AWS::Logs::LogGroup': customerKey('KmsKeyId', LOGS),
    'AWS::SecretsManager::Secret': customerKey('KmsKeyId', SECRETS),
    aws_s3_bucket: withCompanions({
      spec: TF_BUCKET_ENCRYPTION,
      judge: judgeTfEncryptionCompanion,
      inline: judgeTfInlineEncryption,
    }),
    aws_cloudwatch_log_group: customerKey('kms_key_id', LOGS),
    'AWS::CloudTrail::Trail': customerKey('KMSKeyId', TRAIL),
    aws_cloudtrail: customerKey('kms_key_id', TRAIL),
    'AWS::ECR::Repository': ecrEncryption('EncryptionConfiguration', 'EncryptionType', 'KmsKey'),
    aws_ecr_repository: ecrEncryption('encryption_configuration', 'encryption_type', 'kms_key'),
    'AWS::EC2::Volume': ebsEncryption('Encrypted', 'KmsKeyId'),
    aws_ebs_volume: ebsEncryption('encrypted', 'kms_key_id'),
    aws_secretsmanager_secret: customerKey('kms_key_id', SECRETS),
    azurerm_storage_account: withCompanions({
      spec: STORAGE_ACCOUNT_CMK,
      judge: azureCmkCompanion,
      inline: azureInlineCmk,
    }),
    ...COSMOSDB.cmk,
    ...POSTGRESQL_FLEXIBLE.cmk,
    ...SEARCH.cmk,
    ...AWS_STORES.cmk.checks,
  },
};
