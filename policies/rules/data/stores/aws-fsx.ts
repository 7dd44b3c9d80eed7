import { type Check, fail } from '../../../engine/rule';
import { cfnRetained, tfPreventDestroy } from '../../shared/deletion';
import { atLeast, setting } from '../../shared/expect';
import { readString, unknownAt } from '../../shared/read';
import { customerKey, unlessValue } from './aws-common';
import type { StoreChecks } from './store-checks';

/**
 * FSx for Lustre (the high-throughput scratch space of GPU training). Scratch deployment types
 * (the default, SCRATCH_1) cannot take a customer key or backups: only PERSISTENT_* can. Other
 * FSx file-system types (Windows, ONTAP, OpenZFS) are not judged here.
 */
const FSX_KEY = 'FSx uses the AWS-managed aws/fsx key';

/** The rule's check, when the deployment type allows it; a scratch type fails at the deployment type. */
const persistent =
  (deployment: string, what: string, check: Check): Check =>
  (res, ctx) => {
    const d = readString(ctx.graph, res, deployment);
    if (d.kind === 'unknown') return unknownAt(deployment, d.reason);
    const type = d.kind === 'value' ? d.value : 'SCRATCH_1';
    if (type.startsWith('SCRATCH')) {
      return fail(
        `${deployment} is ${d.kind === 'value' ? type : 'not set (defaults to SCRATCH_1)'}: scratch file systems cannot have ${what}; use PERSISTENT_2`,
        deployment,
      );
    }
    return check(res, ctx);
  };

const NOT_LUSTRE = /^(WINDOWS|ONTAP|OPENZFS)$/;
const lustre = (check: Check) =>
  unlessValue('FileSystemType', NOT_LUSTRE, 'only FSx for Lustre is judged by this rule', check);
const BACKUPS = { providerDefault: 0, risk: 'no automatic daily backups are kept long enough' };

export const fsxChecks: StoreChecks = {
  cmk: {
    'AWS::FSx::FileSystem': lustre(
      persistent('LustreConfiguration.DeploymentType', 'a customer-managed key', customerKey('KmsKeyId', FSX_KEY)),
    ),
    aws_fsx_lustre_file_system: persistent(
      'deployment_type',
      'a customer-managed key',
      customerKey('kms_key_id', FSX_KEY),
    ),
  },
  backup: {
    'AWS::FSx::FileSystem': lustre(
      persistent(
        'LustreConfiguration.DeploymentType',
        'automatic backups',
        setting(atLeast('LustreConfiguration.AutomaticBackupRetentionDays', 7, BACKUPS)),
      ),
    ),
    aws_fsx_lustre_file_system: persistent(
      'deployment_type',
      'automatic backups',
      setting(atLeast('automatic_backup_retention_days', 7, BACKUPS)),
    ),
  },
  retain: {
    'AWS::FSx::FileSystem': cfnRetained('AWS::FSx::FileSystem'),
    aws_fsx_lustre_file_system: tfPreventDestroy,
  },
};
