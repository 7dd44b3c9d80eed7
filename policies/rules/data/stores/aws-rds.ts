import { cfnRetained, tfPreventDestroy } from '../../shared/deletion';
import { allChecks } from '../../shared/combine';
import { atLeast, isFalse, isTrue, setting } from '../../shared/expect';
import { customerKey, defaultFrom, unlessSet, unlessValue } from './aws-common';
import { rdsTls } from './aws-rds-tls';
import type { StoreChecks } from './store-checks';

/**
 * RDS and Aurora. An Aurora instance (DBClusterIdentifier set) takes encryption, backups,
 * deletion protection and IAM authentication from its cluster, so only the cluster is judged
 * for them; public reachability stays a per-instance setting.
 */
const RDS_KEY = 'RDS uses the AWS-managed aws/rds key';
const UNENCRYPTED = 'the database storage, its snapshots and replicas are unencrypted';
const CLUSTER = 'an Aurora instance takes this setting from its DB cluster, which is judged instead';

/** Aurora Serverless v1 (engine mode "serverless") is always encrypted; provisioned clusters are not by default. */
const serverless = (mode: string | undefined) => mode === 'serverless';

/** Engines without IAM database authentication (only MySQL, MariaDB, PostgreSQL and Aurora have it). */
const NO_IAM_AUTH = /^(oracle|sqlserver|db2|custom-)/i;
const iamAuth = (flag: string, engine: string) =>
  unlessValue(
    engine,
    NO_IAM_AUTH,
    'the engine has no IAM database authentication',
    setting(isTrue(flag, { providerDefault: false, risk: 'only database passwords authenticate users' })),
  );

const backups = (protection: string, retention: string) =>
  allChecks(
    setting(
      isTrue(protection, { providerDefault: false, risk: 'an API call or stack update can delete the database' }),
    ),
    setting(atLeast(retention, 7, { providerDefault: 1, risk: 'too few days of point-in-time recovery' })),
  );

const inCluster = (check: Parameters<typeof unlessSet>[2]) => unlessSet('DBClusterIdentifier', CLUSTER, check);

export const rdsChecks: StoreChecks = {
  cmk: {
    'AWS::RDS::DBInstance': inCluster(
      allChecks(
        setting(isTrue('StorageEncrypted', { providerDefault: false, risk: UNENCRYPTED })),
        customerKey('KmsKeyId', RDS_KEY),
      ),
    ),
    'AWS::RDS::DBCluster': allChecks(
      defaultFrom('StorageEncrypted', 'EngineMode', serverless, UNENCRYPTED),
      customerKey('KmsKeyId', RDS_KEY),
    ),
    aws_db_instance: allChecks(
      setting(isTrue('storage_encrypted', { providerDefault: false, risk: UNENCRYPTED })),
      customerKey('kms_key_id', RDS_KEY),
    ),
    aws_rds_cluster: allChecks(
      defaultFrom('storage_encrypted', 'engine_mode', serverless, UNENCRYPTED),
      customerKey('kms_key_id', RDS_KEY),
    ),
  },
  tls: rdsTls,
  network: {
    // CloudFormation's default depends on whether the subnets' VPC has an internet gateway: not decidable, so set it.
    'AWS::RDS::DBInstance': setting(
      isFalse('PubliclyAccessible', { risk: 'the instance gets a public DNS name and address' }),
    ),
    aws_db_instance: setting(
      isFalse('publicly_accessible', {
        providerDefault: false,
        risk: 'the instance gets a public DNS name and address',
      }),
    ),
  },
  backup: {
    'AWS::RDS::DBInstance': inCluster(backups('DeletionProtection', 'BackupRetentionPeriod')),
    'AWS::RDS::DBCluster': backups('DeletionProtection', 'BackupRetentionPeriod'),
    aws_db_instance: backups('deletion_protection', 'backup_retention_period'),
    aws_rds_cluster: backups('deletion_protection', 'backup_retention_period'),
  },
  identity: {
    'AWS::RDS::DBInstance': inCluster(iamAuth('EnableIAMDatabaseAuthentication', 'Engine')),
    'AWS::RDS::DBCluster': iamAuth('EnableIAMDatabaseAuthentication', 'Engine'),
    aws_db_instance: iamAuth('iam_database_authentication_enabled', 'engine'),
    aws_rds_cluster: iamAuth('iam_database_authentication_enabled', 'engine'),
  },
  retain: {
    'AWS::RDS::DBInstance': cfnRetained('AWS::RDS::DBInstance'),
    'AWS::RDS::DBCluster': cfnRetained('AWS::RDS::DBCluster'),
    aws_db_instance: tfPreventDestroy,
    aws_rds_cluster: tfPreventDestroy,
  },
};
