import { Rule } from '../../engine/rule';
import { AWS_STORES } from './stores/aws';
import { COSMOSDB } from './stores/azure-cosmosdb';
import { POSTGRESQL_FLEXIBLE } from './stores/azure-postgresql';

export const deletionProtectionRule: Rule = {
  id: 'ZT-DATA-011',
  title: 'Databases and file systems are protected from deletion and backed up',
  severity: 'high',
  layer: 'data',
  rationale:
    'Feature stores, metadata databases, vector indexes and shared training volumes are written continuously: a ' +
    'mistaken API call, a compromised pipeline role or ransomware can delete or overwrite them between two ' +
    'deployments. Deletion protection makes deletion a deliberate two-step act, and automated backups (point-in-time ' +
    'recovery for at least a week) let the platform restore what was there before an incident was noticed. Keeping a ' +
    'resource on stack deletion is ZT-DATA-008; this rule is about the running store.',
  remediation:
    'CloudFormation: RDS / Aurora DeletionProtection true and BackupRetentionPeriod >= 7 (on the cluster for ' +
    'Aurora); DynamoDB DeletionProtectionEnabled and PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled; ' +
    'EFS BackupPolicy.Status ENABLED; FSx for Lustre a PERSISTENT deployment type with AutomaticBackupRetentionDays ' +
    '>= 7. Terraform: aws_db_instance / aws_rds_cluster deletion_protection and backup_retention_period >= 7; ' +
    'aws_dynamodb_table deletion_protection_enabled and point_in_time_recovery { enabled = true }; ' +
    'aws_efs_backup_policy with backup_policy { status = "ENABLED" }; aws_fsx_lustre_file_system ' +
    'automatic_backup_retention_days >= 7. Azure: azurerm_cosmosdb_account backup { type = "Continuous" } (or ' +
    '"Periodic" with retention_in_hours >= 168 and storage_redundancy = "Geo"); azurerm_postgresql_flexible_server ' +
    'geo_redundant_backup_enabled = true (set at creation) with backup_retention_days of at least 7.',
  remediationBy: {
    cdk:
      'AWS CDK: rds.DatabaseInstance / DatabaseCluster({ deletionProtection: true, backupRetention: Duration.days(7) }), ' +
      'dynamodb.TableV2({ deletionProtection: true, pointInTimeRecovery: true }), efs.FileSystem({ ' +
      'enableAutomaticBackups: true }), fsx.LustreFileSystem with a PERSISTENT deployment type and automatic backups.',
  },
  controls: [
    { framework: 'NIST-800-53', id: 'CP-9' },
    { framework: 'NIST-800-53', id: 'CP-10' },
    { framework: 'SOC2', id: 'A1.2' },
    { framework: 'HIPAA', id: '164.308(a)(7)(ii)(A)' },
    { framework: 'GDPR', id: 'Art. 32(1)(c)' },
    { framework: 'ISO-27001', id: 'A.8.13' },
  ],
  equivalents: [...AWS_STORES.backup.equivalents],
  checks: {
    ...AWS_STORES.backup.checks,
    ...COSMOSDB.backups,
    ...POSTGRESQL_FLEXIBLE.backups,
  },
};
