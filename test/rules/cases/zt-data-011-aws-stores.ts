import type { RuleCase } from '../helpers';
import { cfnCase, on, tfCase, tfStore } from './aws-stores-fixtures';

/** ZT-DATA-011 (deletion protection and backups) on the AWS databases and file systems. */
const DB = 'AWS::RDS::DBInstance';
const CLUSTER = 'AWS::RDS::DBCluster';
const DDB = 'AWS::DynamoDB::Table';
const FSX = 'AWS::FSx::FileSystem';
const PROTECTED = { DeletionProtection: true, BackupRetentionPeriod: 7 };

export const awsStoreCases: RuleCase[] = [
  cfnCase(DB, 'protected, 7 days of backups', PROTECTED, 'pass'),
  cfnCase(DB, 'defaults', {}, 'fail', { failingPaths: ['DeletionProtection', 'BackupRetentionPeriod'] }),
  cfnCase(DB, '1 day of backups', { DeletionProtection: true, BackupRetentionPeriod: '1' }, 'fail', {
    path: 'BackupRetentionPeriod',
  }),
  cfnCase(DB, 'Aurora instance: the cluster holds backups', { DBClusterIdentifier: 'c' }, 'not_applicable'),
  cfnCase(CLUSTER, 'protected, 14 days of backups', { DeletionProtection: true, BackupRetentionPeriod: 14 }, 'pass'),
  cfnCase(CLUSTER, 'unprotected', { BackupRetentionPeriod: 14 }, 'fail', { path: 'DeletionProtection' }),
  cfnCase(
    CLUSTER,
    'retention from a parameter',
    { DeletionProtection: true, BackupRetentionPeriod: { Ref: 'P' } },
    'unknown',
  ),
  tfCase(
    'aws_db_instance',
    'protected, 7 days of backups',
    { deletion_protection: true, backup_retention_period: 7 },
    'pass',
  ),
  tfCase('aws_db_instance', 'defaults', {}, 'fail', {
    failingPaths: ['deletion_protection', 'backup_retention_period'],
  }),
  tfCase(
    'aws_rds_cluster',
    'protected, 35 days of backups',
    { deletion_protection: true, backup_retention_period: 35 },
    'pass',
  ),
  tfCase('aws_rds_cluster', 'backups off', { deletion_protection: true, backup_retention_period: 0 }, 'fail', {
    path: 'backup_retention_period',
  }),
  cfnCase(
    DDB,
    'protected, point-in-time recovery',
    { DeletionProtectionEnabled: true, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } },
    'pass',
  ),
  cfnCase(DDB, 'defaults', {}, 'fail', {
    failingPaths: ['DeletionProtectionEnabled', 'PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled'],
  }),
  tfCase(
    'aws_dynamodb_table',
    'protected, point-in-time recovery',
    { deletion_protection_enabled: true, point_in_time_recovery: [{ enabled: true }] },
    'pass',
  ),
  tfCase('aws_dynamodb_table', 'no point-in-time recovery', { deletion_protection_enabled: true }, 'fail', {
    path: 'point_in_time_recovery.enabled',
  }),
  cfnCase('AWS::EFS::FileSystem', 'automatic backups', { BackupPolicy: { Status: 'ENABLED' } }, 'pass'),
  cfnCase('AWS::EFS::FileSystem', 'no backup policy (default)', {}, 'fail', { path: 'BackupPolicy.Status' }),
  on(
    'tf',
    'aws_efs_file_system',
    'backup policy companion',
    tfStore(
      'aws_efs_file_system',
      {},
      {
        aws_efs_backup_policy: {
          b: { file_system_id: '${aws_efs_file_system.r.id}', backup_policy: [{ status: 'ENABLED' }] },
        },
      },
    ),
    'pass',
  ),
  on(
    'tf',
    'aws_efs_file_system',
    'backup policy disabled',
    tfStore(
      'aws_efs_file_system',
      {},
      {
        aws_efs_backup_policy: {
          b: { file_system_id: '${aws_efs_file_system.r.id}', backup_policy: { status: 'DISABLED' } },
        },
      },
    ),
    'fail',
    { path: 'aws_efs_backup_policy.b.backup_policy.status' },
  ),
  tfCase('aws_efs_file_system', 'no backup policy', {}, 'fail', { path: 'aws_efs_backup_policy' }),
  tfCase(
    'aws_efs_backup_policy',
    'orphan policy enabled',
    { file_system_id: 'fs-1', backup_policy: { status: 'ENABLED' } },
    'pass',
  ),
  tfCase(
    'aws_efs_backup_policy',
    'orphan policy disabled',
    { file_system_id: 'fs-1', backup_policy: { status: 'DISABLED' } },
    'fail',
  ),
  cfnCase(
    FSX,
    'persistent, 7 days of backups',
    {
      FileSystemType: 'LUSTRE',
      LustreConfiguration: { DeploymentType: 'PERSISTENT_2', AutomaticBackupRetentionDays: 7 },
    },
    'pass',
  ),
  cfnCase(
    FSX,
    'persistent without backups (default 0)',
    { FileSystemType: 'LUSTRE', LustreConfiguration: { DeploymentType: 'PERSISTENT_2' } },
    'fail',
    {
      path: 'LustreConfiguration.AutomaticBackupRetentionDays',
    },
  ),
  cfnCase(
    FSX,
    'scratch cannot be backed up',
    { FileSystemType: 'LUSTRE', LustreConfiguration: { DeploymentType: 'SCRATCH_2' } },
    'fail',
    {
      path: 'LustreConfiguration.DeploymentType',
    },
  ),
  tfCase(
    'aws_fsx_lustre_file_system',
    'persistent, 7 days of backups',
    { deployment_type: 'PERSISTENT_1', automatic_backup_retention_days: 7 },
    'pass',
  ),
  tfCase('aws_fsx_lustre_file_system', 'persistent without backups', { deployment_type: 'PERSISTENT_1' }, 'fail', {
    path: 'automatic_backup_retention_days',
  }),
];
