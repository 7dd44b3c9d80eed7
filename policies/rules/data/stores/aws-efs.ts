import { fail } from '../../../engine/rule';
import type { CompanionSpec } from '../../shared/companion-index';
import { orphanOnly, withCompanions } from '../../shared/companions';
import { cfnRetained, tfPreventDestroy } from '../../shared/deletion';
import { judgeSetting, oneOf, setting } from '../../shared/expect';
import { deniesInsecureTransportOf } from '../../shared/statements';
import { encryptedWithKey } from './aws-common';
import { requireStatement } from './aws-policy';
import type { StoreChecks } from './store-checks';

/**
 * EFS (shared training volumes, SageMaker home directories). NFS mounts are unencrypted unless
 * the file-system policy denies them (aws:SecureTransport false); automatic backups are off for
 * file systems created through the API. Terraform keeps both in companion resources.
 */
export const TF_EFS_POLICY: CompanionSpec = { type: 'aws_efs_file_system_policy', targets: ['file_system_id'] };
export const TF_EFS_BACKUP: CompanionSpec = { type: 'aws_efs_backup_policy', targets: ['file_system_id'] };

const EFS_KEY = 'EFS uses the AWS-managed aws/elasticfilesystem key';
const DENY_NFS = 'a Deny of every action for every principal when aws:SecureTransport is false';
const denyPlainNfs = deniesInsecureTransportOf('elasticfilesystem');
const ENABLED = (path: string) =>
  oneOf(path, ['ENABLED'], { providerDefault: 'DISABLED', risk: 'no automatic daily backups (AWS Backup)' });

const tfPolicy = withCompanions({
  spec: TF_EFS_POLICY,
  judge: (g, p) => requireStatement(g, p, 'policy', DENY_NFS, denyPlainNfs),
  inline: () =>
    fail(
      `no aws_efs_file_system_policy targets this file system, so it needs ${DENY_NFS}`,
      'aws_efs_file_system_policy',
    ),
});

const tfBackup = withCompanions({
  spec: TF_EFS_BACKUP,
  judge: (g, b) => judgeSetting(g, b, { ...ENABLED('backup_policy.status'), providerDefault: undefined }),
  inline: () =>
    fail('no aws_efs_backup_policy targets this file system, so automatic backups are off', 'aws_efs_backup_policy'),
});

export const efsChecks: StoreChecks = {
  cmk: {
    'AWS::EFS::FileSystem': encryptedWithKey('Encrypted', { providerDefault: false }, 'KmsKeyId', EFS_KEY),
    aws_efs_file_system: encryptedWithKey('encrypted', { providerDefault: false }, 'kms_key_id', EFS_KEY),
  },
  tls: {
    'AWS::EFS::FileSystem': (fs, { graph }) => requireStatement(graph, fs, 'FileSystemPolicy', DENY_NFS, denyPlainNfs),
    aws_efs_file_system: tfPolicy,
    aws_efs_file_system_policy: orphanOnly(TF_EFS_POLICY, (p, { graph }) =>
      requireStatement(graph, p, 'policy', DENY_NFS, denyPlainNfs),
    ),
  },
  backup: {
    'AWS::EFS::FileSystem': setting(ENABLED('BackupPolicy.Status')),
    aws_efs_file_system: tfBackup,
    aws_efs_backup_policy: orphanOnly(TF_EFS_BACKUP, (b, { graph }) =>
      judgeSetting(graph, b, { ...ENABLED('backup_policy.status'), providerDefault: undefined }),
    ),
  },
  retain: {
    'AWS::EFS::FileSystem': cfnRetained('AWS::EFS::FileSystem'),
    aws_efs_file_system: tfPreventDestroy,
  },
};
