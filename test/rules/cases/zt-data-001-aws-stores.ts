import type { RuleCase } from '../helpers';
import { KEY_ARN, TF_KEY, cfnCase, tfCase } from './aws-stores-fixtures';

/** ZT-DATA-001 on the AWS data stores next to a lake. */
const DB = 'AWS::RDS::DBInstance';
const CLUSTER = 'AWS::RDS::DBCluster';
const DDB = 'AWS::DynamoDB::Table';
const OS = 'AWS::OpenSearchService::Domain';
const EFS = 'AWS::EFS::FileSystem';
const FSX = 'AWS::FSx::FileSystem';
const RG = 'AWS::ElastiCache::ReplicationGroup';

const AGENT = 'AWS::Bedrock::Agent';
const TF_AGENT = 'aws_bedrockagent_agent';
const TF_AGENT_KEY = { agent_name: 'a', customer_encryption_key_arn: TF_KEY };

export const awsStoreCases: RuleCase[] = [
  cfnCase(AGENT, 'sessions under a CMK', { AgentName: 'a', CustomerEncryptionKeyArn: KEY_ARN }, 'pass'),
  cfnCase(AGENT, 'no customer key', { AgentName: 'a' }, 'fail', { path: 'CustomerEncryptionKeyArn' }),
  tfCase(TF_AGENT, 'sessions under a CMK', TF_AGENT_KEY, 'pass'),
  tfCase(TF_AGENT, 'no customer key', { agent_name: 'a' }, 'fail', {
    path: 'customer_encryption_key_arn',
  }),
  cfnCase(DB, 'encrypted with a CMK', { Engine: 'postgres', StorageEncrypted: true, KmsKeyId: KEY_ARN }, 'pass'),
  cfnCase(DB, 'unencrypted (default)', { Engine: 'postgres' }, 'fail', {
    failingPaths: ['StorageEncrypted', 'KmsKeyId'],
  }),
  cfnCase(DB, 'encrypted with aws/rds', { StorageEncrypted: 'true' }, 'fail', { path: 'KmsKeyId' }),
  cfnCase(DB, 'Aurora instance: the cluster holds encryption', { DBClusterIdentifier: 'c' }, 'not_applicable'),
  cfnCase(DB, 'key from a parameter', { StorageEncrypted: true, KmsKeyId: { Ref: 'P' } }, 'unknown', {
    path: 'KmsKeyId',
  }),
  cfnCase(
    CLUSTER,
    'encrypted with a CMK',
    { Engine: 'aurora-postgresql', StorageEncrypted: true, KmsKeyId: KEY_ARN },
    'pass',
  ),
  cfnCase(CLUSTER, 'unencrypted provisioned cluster', { Engine: 'aurora-mysql' }, 'fail', {
    failingPaths: ['StorageEncrypted', 'KmsKeyId'],
  }),
  cfnCase(CLUSTER, 'serverless v1 is encrypted by default', { EngineMode: 'serverless', KmsKeyId: KEY_ARN }, 'pass'),
  cfnCase(CLUSTER, 'engine mode from a parameter', { EngineMode: { Ref: 'P' }, KmsKeyId: KEY_ARN }, 'unknown', {
    path: 'StorageEncrypted',
  }),
  tfCase('aws_db_instance', 'encrypted with a CMK', { storage_encrypted: true, kms_key_id: TF_KEY }, 'pass'),
  tfCase('aws_db_instance', 'unencrypted (default)', {}, 'fail', { failingPaths: ['storage_encrypted', 'kms_key_id'] }),
  tfCase('aws_db_instance', 'AWS-managed key ARN', { storage_encrypted: true, kms_key_id: 'alias/aws/rds' }, 'fail', {
    path: 'kms_key_id',
  }),
  tfCase('aws_rds_cluster', 'encrypted with a CMK', { storage_encrypted: true, kms_key_id: TF_KEY }, 'pass'),
  tfCase('aws_rds_cluster', 'unencrypted', { storage_encrypted: false, kms_key_id: TF_KEY }, 'fail', {
    path: 'storage_encrypted',
  }),
  tfCase('aws_rds_cluster', 'engine_mode from a variable', { engine_mode: '${var.v}', kms_key_id: TF_KEY }, 'unknown'),
  cfnCase(
    DDB,
    'SSE with a CMK',
    { SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: KEY_ARN } },
    'pass',
  ),
  cfnCase(DDB, 'AWS-owned key (default)', {}, 'fail', {
    failingPaths: ['SSESpecification.SSEEnabled', 'SSESpecification.KMSMasterKeyId'],
  }),
  cfnCase(DDB, 'SSE with aws/dynamodb', { SSESpecification: { SSEEnabled: true } }, 'fail', {
    path: 'SSESpecification.KMSMasterKeyId',
  }),
  tfCase(
    'aws_dynamodb_table',
    'SSE with a CMK (hcl2json list)',
    { server_side_encryption: [{ enabled: true, kms_key_arn: TF_KEY }] },
    'pass',
  ),
  tfCase(
    'aws_dynamodb_table',
    'SSE with a CMK (cdktf object)',
    { server_side_encryption: { enabled: true, kms_key_arn: TF_KEY } },
    'pass',
  ),
  tfCase('aws_dynamodb_table', 'SSE without a key', { server_side_encryption: { enabled: true } }, 'fail', {
    path: 'server_side_encryption.kms_key_arn',
  }),
  cfnCase(OS, 'encrypted with a CMK', { EncryptionAtRestOptions: { Enabled: true, KmsKeyId: KEY_ARN } }, 'pass'),
  cfnCase(OS, 'unencrypted (default)', {}, 'fail', {
    failingPaths: ['EncryptionAtRestOptions.Enabled', 'EncryptionAtRestOptions.KmsKeyId'],
  }),
  tfCase(
    'aws_opensearch_domain',
    'encrypted with a CMK',
    { encrypt_at_rest: { enabled: true, kms_key_id: TF_KEY } },
    'pass',
  ),
  tfCase('aws_opensearch_domain', 'encrypted with aws/es', { encrypt_at_rest: { enabled: true } }, 'fail', {
    path: 'encrypt_at_rest.kms_key_id',
  }),
  cfnCase(EFS, 'encrypted with a CMK', { Encrypted: true, KmsKeyId: KEY_ARN }, 'pass'),
  cfnCase(EFS, 'unencrypted (default)', {}, 'fail', { failingPaths: ['Encrypted', 'KmsKeyId'] }),
  tfCase('aws_efs_file_system', 'encrypted with a CMK', { encrypted: true, kms_key_id: TF_KEY }, 'pass'),
  tfCase('aws_efs_file_system', 'encrypted with aws/elasticfilesystem', { encrypted: true }, 'fail', {
    path: 'kms_key_id',
  }),
  cfnCase(
    FSX,
    'persistent Lustre with a CMK',
    {
      FileSystemType: 'LUSTRE',
      KmsKeyId: KEY_ARN,
      LustreConfiguration: { DeploymentType: 'PERSISTENT_2' },
    },
    'pass',
  ),
  cfnCase(FSX, 'scratch Lustre (default) cannot take a CMK', { FileSystemType: 'LUSTRE' }, 'fail', {
    path: 'LustreConfiguration.DeploymentType',
  }),
  cfnCase(
    FSX,
    'persistent Lustre without a key',
    {
      FileSystemType: 'LUSTRE',
      LustreConfiguration: { DeploymentType: 'PERSISTENT_1' },
    },
    'fail',
    { path: 'KmsKeyId' },
  ),
  cfnCase(FSX, 'Windows file systems are not judged', { FileSystemType: 'WINDOWS' }, 'not_applicable'),
  tfCase(
    'aws_fsx_lustre_file_system',
    'persistent with a CMK',
    { deployment_type: 'PERSISTENT_2', kms_key_id: TF_KEY },
    'pass',
  ),
  tfCase('aws_fsx_lustre_file_system', 'scratch (default)', { kms_key_id: TF_KEY }, 'fail', {
    path: 'deployment_type',
  }),
  tfCase('aws_fsx_lustre_file_system', 'deployment type from a variable', { deployment_type: '${var.v}' }, 'unknown'),
  cfnCase('AWS::SQS::Queue', 'CMK', { KmsMasterKeyId: KEY_ARN }, 'pass'),
  cfnCase('AWS::SQS::Queue', 'SSE-SQS only (default)', {}, 'fail', { path: 'KmsMasterKeyId' }),
  cfnCase('AWS::SQS::Queue', 'alias/aws/sqs', { KmsMasterKeyId: 'alias/aws/sqs' }, 'fail', { path: 'KmsMasterKeyId' }),
  tfCase('aws_sqs_queue', 'CMK', { kms_master_key_id: TF_KEY }, 'pass'),
  tfCase('aws_sqs_queue', 'SSE-SQS', { sqs_managed_sse_enabled: true }, 'fail', { path: 'kms_master_key_id' }),
  cfnCase('AWS::SNS::Topic', 'CMK', { KmsMasterKeyId: KEY_ARN }, 'pass'),
  cfnCase('AWS::SNS::Topic', 'unencrypted (default)', {}, 'fail', { path: 'KmsMasterKeyId' }),
  tfCase('aws_sns_topic', 'CMK', { kms_master_key_id: TF_KEY }, 'pass'),
  tfCase('aws_sns_topic', 'alias/aws/sns', { kms_master_key_id: 'alias/aws/sns' }, 'fail', {
    path: 'kms_master_key_id',
  }),
  cfnCase(RG, 'at rest with a CMK', { AtRestEncryptionEnabled: true, KmsKeyId: KEY_ARN }, 'pass'),
  cfnCase(RG, 'unencrypted (default)', {}, 'fail', { failingPaths: ['AtRestEncryptionEnabled', 'KmsKeyId'] }),
  tfCase(
    'aws_elasticache_replication_group',
    'at rest with a CMK',
    { at_rest_encryption_enabled: true, kms_key_id: TF_KEY },
    'pass',
  ),
  tfCase(
    'aws_elasticache_replication_group',
    'at rest with the default key',
    { at_rest_encryption_enabled: true },
    'fail',
    {
      path: 'kms_key_id',
    },
  ),
];
