import { Rule } from '../../engine/rule';
import { AWS_STORES } from './stores/aws';

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
    'RDS / Aurora: DeletionProtection true and BackupRetentionPeriod >= 7 (Terraform deletion_protection, ' +
    'backup_retention_period; for Aurora on the cluster). DynamoDB: DeletionProtectionEnabled and ' +
    'PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled (Terraform deletion_protection_enabled, ' +
    'point_in_time_recovery { enabled = true }). EFS: BackupPolicy.Status ENABLED (Terraform aws_efs_backup_policy ' +
    'with backup_policy { status = "ENABLED" }). FSx for Lustre: a PERSISTENT deployment type with ' +
    'AutomaticBackupRetentionDays >= 7 (Terraform automatic_backup_retention_days).',
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
  },
};
