import type { ResourceGraph } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import { CheckResult, Rule, fail, pass } from '../../engine/rule';
import { eachOf } from '../shared/combine';
import { TF_BUCKET_VERSIONING } from '../shared/companion-specs';
import { withCompanions } from '../shared/companions';
import { atLeast, isTrue, judgeSetting, oneOf, setting } from '../shared/expect';
import { joinPath, readBoolean, readString } from '../shared/read';
import { tfBlock, throughDynamic } from '../shared/tf-blocks';

const LOST = 'overwritten or deleted objects are lost';
const status = (path: string) => oneOf(path, ['Enabled'], { risk: LOST });

function tfVersioningCompanion(g: ResourceGraph, c: Resource): CheckResult {
  const block = tfBlock(g, c, '', 'versioning_configuration');
  return throughDynamic(block, judgeSetting(g, c, status('status'), block.path));
}

function tfInlineVersioning(g: ResourceGraph, bucket: Resource): CheckResult {
  const block = tfBlock(g, bucket, '', 'versioning');
  if (block.kind === 'absent') return fail('no versioning block and no aws_s3_bucket_versioning', block.path);
  return throughDynamic(block, judgeSetting(g, bucket, isTrue('enabled', { risk: LOST }), block.path));
}

/** Blob versioning plus soft delete for blobs and containers; file-only accounts have no blob service. */
function storageAccount(g: ResourceGraph, account: Resource): CheckResult | CheckResult[] {
  const kind = readString(g, account, 'account_kind');
  if (kind.kind === 'value' && kind.value === 'FileStorage') return fileShareSoftDelete(g, account);
  const props = tfBlock(g, account, '', 'blob_properties');
  if (props.kind === 'absent') {
    return fail(
      'blob_properties is not set: no blob versioning and no soft delete for blobs or containers',
      props.path,
    );
  }
  const need = (name: string): CheckResult => {
    const block = tfBlock(g, account, props.path, name);
    if (block.kind === 'absent') return fail(`${block.path} is not set, so deletions are immediate`, block.path);
    const permanent = joinPath(block.path, 'permanent_delete_enabled');
    const purge = readBoolean(g, account, permanent);
    if (purge.kind === 'value' && purge.value) {
      return fail(`${permanent} is true: soft-deleted data can be purged at once`, permanent);
    }
    return throughDynamic(block, pass(`${block.path} keeps deleted data recoverable`, block.path));
  };
  const versioning = isTrue('versioning_enabled', {
    providerDefault: false,
    risk: 'overwritten blobs lose prior versions',
  });
  const results = [
    judgeSetting(g, account, versioning, props.path),
    need('delete_retention_policy'),
    need('container_delete_retention_policy'),
  ].map((r) => throughDynamic(props, r));
  return eachOf(
    results,
    'blob versioning and blob/container soft delete are on',
    joinPath(props.path, 'versioning_enabled'),
  );
}

/** A file-only account has no blob service: its shares need soft delete (share_properties.retention_policy). */
function fileShareSoftDelete(g: ResourceGraph, account: Resource): CheckResult {
  const props = tfBlock(g, account, '', 'share_properties');
  const policy = props.kind === 'absent' ? props : tfBlock(g, account, props.path, 'retention_policy');
  if (policy.kind === 'absent') {
    return fail(`${policy.path} is not set: deleted file shares cannot be recovered`, policy.path);
  }
  return throughDynamic(
    props,
    throughDynamic(policy, pass(`${policy.path} keeps deleted shares recoverable`, policy.path)),
  );
}

/**
 * Key Vault soft delete is always on since azurerm 3.0 (the soft_delete_enabled argument was
 * removed); what remains is how long deleted vaults and keys stay recoverable (7 to 90 days).
 */
const VAULT_RETENTION = atLeast('soft_delete_retention_days', 7, { providerDefault: 90 });

export const versioningRule: Rule = {
  id: 'ZT-DATA-007',
  title: 'Versioning and soft delete keep prior data recoverable',
  severity: 'medium',
  layer: 'data',
  rationale:
    'Overwritten or deleted training data, features and keys must be recoverable: after an accident, ransomware or ' +
    'a poisoning attempt the previous version is the evidence and the way back, and reproducing a model needs the ' +
    'exact data it was trained on.',
  remediation:
    'AWS CDK: s3.Bucket({ versioned: true }) (SecureDataLake does this); CloudFormation VersioningConfiguration.Status ' +
    'Enabled; Terraform aws_s3_bucket_versioning { versioning_configuration { status = "Enabled" } }. Azure: ' +
    'blob_properties { versioning_enabled = true, delete_retention_policy { days }, ' +
    'container_delete_retention_policy { days } }; never set soft_delete_enabled = false on a Key Vault.',
  controls: [
    { framework: 'NIST-800-53', id: 'CP-9' },
    { framework: 'NIST-800-53', id: 'CP-10' },
    { framework: 'SOC2', id: 'A1.2' },
    { framework: 'HIPAA', id: '164.308(a)(7)(ii)(A)' },
    { framework: 'GDPR', id: 'Art. 32(1)(c)' },
    { framework: 'ISO-27001', id: 'A.8.13' },
    { framework: 'ISO-42001', id: 'A.7.5' },
  ],
  equivalents: [
    { tool: 'checkov', id: 'CKV_AWS_21', resourceTypes: ['AWS::S3::Bucket', 'aws_s3_bucket'] },
    // Not CKV_AZURE_111: it tests soft_delete_enabled, an argument azurerm removed in 3.0 (soft delete is always
    // on); the vault check here judges the retention window instead, so the two are not equivalent.
    {
      tool: 'checkov',
      id: 'CKV2_AZURE_38',
      resourceTypes: ['azurerm_storage_account'],
      // Checkov judges blob soft delete (file share soft delete on file-only accounts) only.
      paths: ['delete_retention_policy', 'share_properties'],
      ignores: ['versioning_enabled', 'container_delete_retention_policy'],
    },
    { tool: 'cdk-nag', id: 'NIST.800.53.R5-S3BucketVersioningEnabled', resourceTypes: ['AWS::S3::Bucket'] },
  ],
  reads: ['aws_s3_bucket_versioning'],
  checks: {
    'AWS::S3::Bucket': setting(status('VersioningConfiguration.Status')),
    aws_s3_bucket: withCompanions({
      spec: TF_BUCKET_VERSIONING,
      judge: tfVersioningCompanion,
      inline: tfInlineVersioning,
    }),
    azurerm_storage_account: (account, { graph }) => storageAccount(graph, account),
    azurerm_key_vault: setting(VAULT_RETENTION),
  },
};
