import type { ResourceGraph } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import { CheckResult, Rule, fail, notApplicable, pass } from '../../engine/rule';
import { worstOf } from '../shared/combine';
import { companionsOf, judgeWithCompanions, viaCompanion } from '../shared/companions';
import { isPresent, joinPath, readBoolean, readString, unknownAt } from '../shared/read';
import { tfBlock, throughDynamic } from '../shared/tf-blocks';

function statusEnabled(g: ResourceGraph, res: Resource, path: string): CheckResult {
  const v = readString(g, res, path);
  if (v.kind === 'unknown') return unknownAt(path, v.reason);
  if (v.kind === 'absent') return fail(`${path} is not set, so overwritten or deleted objects are lost`, path);
  return v.value === 'Enabled' ? pass(`${path} is Enabled`, path) : fail(`${path} is ${v.value}; set Enabled`, path);
}

function mustBe(g: ResourceGraph, res: Resource, path: string, want: boolean, why: string): CheckResult {
  const v = readBoolean(g, res, path);
  if (v.kind === 'unknown') return unknownAt(path, v.reason);
  if (v.kind === 'absent') return fail(`${path} is not set; ${why}`, path);
  return v.value === want ? pass(`${path} is ${want}`, path) : fail(`${path} is ${v.value}; ${why}`, path);
}

function tfBucket(g: ResourceGraph, bucket: Resource): CheckResult {
  return judgeWithCompanions({
    companions: companionsOf(g, bucket, 'aws_s3_bucket_versioning', ['bucket']),
    judgeCompanion: (c) => {
      const block = tfBlock(g, c, '', 'versioning_configuration');
      const status = joinPath(block.path, 'status');
      return viaCompanion(c, throughDynamic(block, statusEnabled(g, c, status)));
    },
    inline: () => {
      const block = tfBlock(g, bucket, '', 'versioning');
      if (block.kind === 'absent') return fail('no versioning block and no aws_s3_bucket_versioning', block.path);
      const enabled = joinPath(block.path, 'enabled');
      return throughDynamic(block, mustBe(g, bucket, enabled, true, 'set it to true'));
    },
    what: 'aws_s3_bucket_versioning',
  });
}

/** Blob versioning plus soft delete for blobs and containers; file-only accounts have no blob service. */
function storageAccount(g: ResourceGraph, account: Resource): CheckResult {
  const kind = readString(g, account, 'account_kind');
  if (kind.kind === 'value' && kind.value === 'FileStorage') {
    return notApplicable('account_kind is FileStorage: the account has no blob service');
  }
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
  const versioning = joinPath(props.path, 'versioning_enabled');
  const results = [
    mustBe(g, account, versioning, true, 'set it to true so overwritten blobs keep prior versions'),
    need('delete_retention_policy'),
    need('container_delete_retention_policy'),
  ];
  return throughDynamic(props, worstOf(results, 'blob versioning and blob/container soft delete are on', versioning));
}

function keyVault(g: ResourceGraph, vault: Resource): CheckResult {
  const path = 'soft_delete_enabled';
  if (!isPresent(g, vault, path))
    return pass('soft delete is on (always, since azurerm 2.42; not disabled here)', path);
  return mustBe(g, vault, path, true, 'soft delete must stay on');
}

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
    { tool: 'checkov', id: 'CKV_AZURE_111', resourceTypes: ['azurerm_key_vault'] },
    { tool: 'cdk-nag', id: 'NIST.800.53.R5-S3BucketVersioningEnabled', resourceTypes: ['AWS::S3::Bucket'] },
  ],
  checks: {
    'AWS::S3::Bucket': (bucket, { graph }) => statusEnabled(graph, bucket, 'VersioningConfiguration.Status'),
    aws_s3_bucket: (bucket, { graph }) => tfBucket(graph, bucket),
    azurerm_storage_account: (account, { graph }) => storageAccount(graph, account),
    azurerm_key_vault: (vault, { graph }) => keyVault(graph, vault),
  },
};
