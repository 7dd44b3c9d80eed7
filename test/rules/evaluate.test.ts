import { buildGraph, evaluate } from '../../policies/engine';
import type { Document, EvaluationResult } from '../../policies/engine';
import { ALL_RULES } from '../../policies/rules';
import { cfn, tf } from './helpers';

/**
 * The whole pack through the engine's evaluate(): a hardened data lake on each cloud has no failing
 * finding (the log bucket's self-logging exemption is a waiver), and weakening one property fails
 * exactly the rule that owns it, with the property path.
 */
const RETAIN = { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' };
const arn = (id: string) => ({ 'Fn::GetAtt': [id, 'Arn'] });

function hardenedBucket(extra: Record<string, unknown>, metadata?: unknown) {
  return {
    Type: 'AWS::S3::Bucket',
    ...RETAIN,
    ...(metadata ? { Metadata: metadata } : {}),
    Properties: {
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          {
            ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: arn('Key') },
            BucketKeyEnabled: true,
          },
        ],
      },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      VersioningConfiguration: { Status: 'Enabled' },
      ...extra,
    },
  };
}

function policyFor(bucket: string) {
  const resources = [arn(bucket), { 'Fn::Join': ['', [arn(bucket), '/*']] }];
  const deny = (condition: unknown) => ({
    Effect: 'Deny',
    Principal: { AWS: '*' },
    Action: 's3:*',
    Resource: resources,
    Condition: condition,
  });
  return {
    Type: 'AWS::S3::BucketPolicy',
    Properties: {
      Bucket: { Ref: bucket },
      PolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          deny({ Bool: { 'aws:SecureTransport': 'false' } }),
          deny({ NumericLessThan: { 's3:TlsVersion': '1.2' } }),
        ],
      },
    },
  };
}

function awsLake(without: string[] = []): Document {
  const resources: Record<string, unknown> = {
    Key: { Type: 'AWS::KMS::Key', ...RETAIN, Properties: { EnableKeyRotation: true, PendingWindowInDays: 30 } },
    LogBucket: hardenedBucket(
      {},
      {
        'zt:waivers': [
          { ruleId: 'ZT-DATA-006', reason: 'The access-log bucket cannot deliver its own access logs to itself.' },
        ],
      },
    ),
    LogBucketPolicy: policyFor('LogBucket'),
    RawBucket: hardenedBucket({
      LoggingConfiguration: { DestinationBucketName: { Ref: 'LogBucket' }, LogFilePrefix: 'raw/' },
    }),
    RawBucketPolicy: policyFor('RawBucket'),
    Logs: { Type: 'AWS::Logs::LogGroup', ...RETAIN, Properties: { KmsKeyId: arn('Key') } },
    // The audit trail: records reads and writes of the raw bucket (ZT-MONITORING-001 / -002).
    Trail: {
      Type: 'AWS::CloudTrail::Trail',
      Properties: {
        IsLogging: true,
        S3BucketName: { Ref: 'LogBucket' },
        IsMultiRegionTrail: true,
        EnableLogFileValidation: true,
        KMSKeyId: arn('Key'),
        CloudWatchLogsLogGroupArn: arn('Logs'),
        CloudWatchLogsRoleArn: 'arn:aws:iam::111122223333:role/trail',
        EventSelectors: [
          {
            ReadWriteType: 'All',
            DataResources: [{ Type: 'AWS::S3::Object', Values: [{ 'Fn::Join': ['', [arn('RawBucket'), '/']] }] }],
          },
        ],
      },
    },
    Secret: { Type: 'AWS::SecretsManager::Secret', ...RETAIN, Properties: { KmsKeyId: { Ref: 'Key' } } },
    SecretRotation: {
      Type: 'AWS::SecretsManager::RotationSchedule',
      Properties: { SecretId: { Ref: 'Secret' }, RotationRules: { AutomaticallyAfterDays: 30 } },
    },
  };
  for (const id of without) delete resources[id];
  return cfn(resources);
}

const keep = { lifecycle: { prevent_destroy: true } };
function azureLake(account: Record<string, unknown> = {}): Document {
  return tf({
    azurerm_key_vault: {
      kv: {
        name: 'kv',
        rbac_authorization_enabled: true,
        purge_protection_enabled: true,
        soft_delete_retention_days: 90,
        public_network_access_enabled: false,
        network_acls: { default_action: 'Deny', bypass: 'AzureServices' },
        ...keep,
      },
    },
    azurerm_key_vault_key: {
      key: {
        name: 'k',
        key_vault_id: '${azurerm_key_vault.kv.id}',
        rotation_policy: { automatic: { time_before_expiry: 'P30D' } },
        ...keep,
      },
    },
    azurerm_storage_account: {
      lake: {
        name: 'lake',
        is_hns_enabled: true,
        https_traffic_only_enabled: true,
        min_tls_version: 'TLS1_2',
        public_network_access_enabled: false,
        shared_access_key_enabled: false,
        allow_nested_items_to_be_public: false,
        network_rules: { default_action: 'Deny' },
        blob_properties: {
          versioning_enabled: true,
          delete_retention_policy: { days: 30 },
          container_delete_retention_policy: { days: 30 },
        },
        ...keep,
        ...account,
      },
    },
    azurerm_storage_account_customer_managed_key: {
      cmk: {
        storage_account_id: '${azurerm_storage_account.lake.id}',
        key_vault_id: '${azurerm_key_vault.kv.id}',
        key_name: '${azurerm_key_vault_key.key.name}',
      },
    },
    // Data-plane audit logs of both stores (ZT-MONITORING-002).
    azurerm_monitor_diagnostic_setting: {
      kv: {
        name: 'audit',
        target_resource_id: '${azurerm_key_vault.kv.id}',
        log_analytics_workspace_id: 'ws',
        enabled_log: [{ category: 'AuditEvent' }],
      },
      lake: {
        name: 'audit',
        target_resource_id: '${azurerm_storage_account.lake.id}/blobServices/default',
        log_analytics_workspace_id: 'ws',
        enabled_log: [{ category: 'StorageRead' }, { category: 'StorageWrite' }],
      },
    },
  });
}

const run = (doc: Document): EvaluationResult =>
  evaluate(buildGraph([doc]), ALL_RULES, { now: new Date('2030-01-01') });
const failing = (r: EvaluationResult) =>
  r.findings.filter((f) => f.status === 'fail').map((f) => `${f.ruleId} ${f.resource.address} ${f.path}: ${f.message}`);

describe('the pack over a hardened data lake', () => {
  test('AWS: no failing or unknown finding; the log bucket waiver is applied', () => {
    const result = run(awsLake());
    expect(failing(result)).toEqual([]);
    expect(result.findings.filter((f) => f.verdict === 'unknown')).toEqual([]);
    const waived = result.findings.filter((f) => f.status === 'waived');
    expect(waived.map((f) => [f.ruleId, f.resource.address])).toEqual([['ZT-DATA-006', 'LogBucket']]);
  });

  test('Azure: no failing or unknown finding', () => {
    const result = run(azureLake());
    expect(failing(result)).toEqual([]);
    expect(result.findings.filter((f) => f.verdict === 'unknown')).toEqual([]);
    expect(result.findings.length).toBeGreaterThan(15);
  });

  test('AWS: dropping the raw bucket policy fails TLS-only and minimum TLS for that bucket only', () => {
    const result = run(awsLake(['RawBucketPolicy']));
    const fails = result.findings.filter((f) => f.status === 'fail');
    expect(fails.map((f) => [f.ruleId, f.resource.address]).sort()).toEqual([
      ['ZT-DATA-003', 'RawBucket'],
      ['ZT-DATA-004', 'RawBucket'],
    ]);
    expect(fails.every((f) => f.path === 'AWS::S3::BucketPolicy.PolicyDocument')).toBe(true);
  });

  test('Azure: turning shared keys on fails ZT-IDENTITY-001 with the property path', () => {
    const fails = run(azureLake({ shared_access_key_enabled: true })).findings.filter((f) => f.status === 'fail');
    expect(fails.map((f) => [f.ruleId, f.path])).toEqual([['ZT-IDENTITY-001', 'shared_access_key_enabled']]);
  });
});
