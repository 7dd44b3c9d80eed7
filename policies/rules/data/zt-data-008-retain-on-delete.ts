import { Rule } from '../../engine/rule';
import { cfnRetained, tfPreventDestroy } from '../shared/deletion';
import { AWS_STORES } from './stores/aws';

const tf = tfPreventDestroy;

export const retainOnDeleteRule: Rule = {
  id: 'ZT-DATA-008',
  title: 'Stateful resources survive stack deletion',
  severity: 'high',
  layer: 'data',
  scope: 'resource',
  rationale:
    'Buckets, databases, file systems, volumes, keys, log stores, secrets, vaults and storage accounts hold data (or the only means to decrypt it) ' +
    'that outlives any one deployment. A stack delete, a rename that forces replacement, or a mistaken ' +
    '`terraform destroy` must not take them with it; deleting a KMS key or a Key Vault key makes every object ' +
    'encrypted with it unreadable.',
  remediation:
    'AWS CDK: removalPolicy: RemovalPolicy.RETAIN (SecureDataLake does this), i.e. CloudFormation ' +
    'DeletionPolicy: Retain and UpdateReplacePolicy: Retain. Terraform / CDKTF: lifecycle { prevent_destroy = true } ' +
    '(resource.addOverride("lifecycle.prevent_destroy", true) or the lifecycle prop).',
  controls: [
    { framework: 'NIST-800-53', id: 'CP-9' },
    { framework: 'NIST-800-53', id: 'CM-3' },
    { framework: 'SOC2', id: 'A1.2' },
    { framework: 'HIPAA', id: '164.308(a)(7)(ii)(A)' },
    { framework: 'GDPR', id: 'Art. 32(1)(c)' },
    { framework: 'ISO-27001', id: 'A.8.13' },
  ],
  equivalents: [],
  checks: {
    'AWS::S3::Bucket': cfnRetained('AWS::S3::Bucket'),
    'AWS::KMS::Key': cfnRetained('AWS::KMS::Key'),
    'AWS::Logs::LogGroup': cfnRetained('AWS::Logs::LogGroup'),
    'AWS::SecretsManager::Secret': cfnRetained('AWS::SecretsManager::Secret'),
    aws_s3_bucket: tf,
    aws_kms_key: tf,
    azurerm_storage_account: tf,
    azurerm_key_vault: tf,
    azurerm_key_vault_key: tf,
    azurerm_log_analytics_workspace: tf,
    // Databases and indexes next to the lake; a Redis cache holds only derived, rebuildable data.
    azurerm_cosmosdb_account: tf,
    azurerm_postgresql_flexible_server: tf,
    azurerm_search_service: tf,
    ...AWS_STORES.retain.checks,
  },
};
