import type { ResourceGraph } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import { CheckResult, Equivalent, Rule, fail, pass } from '../../engine/rule';
import { worstOf } from '../shared/combine';
import { companionsOf, judgeWithCompanions, viaCompanion } from '../shared/companions';
import { isPresent, joinPath, readBoolean, unknownAt } from '../shared/read';

const CFN_FLAGS = ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets'];
const TF_FLAGS = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'];

/** Every flag must be literally true; an omitted flag is false. The first failing flag decides, else the first unknown. */
function allFlagsOn(g: ResourceGraph, res: Resource, base: string, flags: readonly string[]): CheckResult {
  let firstUnknown: CheckResult | undefined;
  for (const flag of flags) {
    const path = joinPath(base, flag);
    const v = readBoolean(g, res, path);
    if (v.kind === 'unknown') firstUnknown ??= unknownAt(path, v.reason);
    else if (v.kind === 'absent') return fail(`${path} is not set (false); set it to true`, path);
    else if (!v.value) return fail(`${path} is false; set it to true`, path);
  }
  return firstUnknown ?? pass(`all four public access blocks are on (${base || res.address})`, base || flags[0]);
}

function cfnBucket(g: ResourceGraph, bucket: Resource): CheckResult {
  const base = 'PublicAccessBlockConfiguration';
  if (!isPresent(g, bucket, base)) return fail(`${base} is not set; turn on all four public access blocks`, base);
  return allFlagsOn(g, bucket, base, CFN_FLAGS);
}

function tfBucket(g: ResourceGraph, bucket: Resource): CheckResult {
  return judgeWithCompanions({
    companions: companionsOf(g, bucket, 'aws_s3_bucket_public_access_block', ['bucket']),
    judgeCompanion: (block) => viaCompanion(block, allFlagsOn(g, block, '', TF_FLAGS)),
    inline: () => fail('no aws_s3_bucket_public_access_block targets this bucket', 'aws_s3_bucket_public_access_block'),
    what: 'aws_s3_bucket_public_access_block',
  });
}

/** azurerm 3.x/4.x: allow_nested_items_to_be_public; 2.x: allow_blob_public_access. Both default to true. */
function storageNoPublicBlobs(g: ResourceGraph, account: Resource): CheckResult {
  const names = ['allow_nested_items_to_be_public', 'allow_blob_public_access'];
  const results = names
    .filter((p) => isPresent(g, account, p))
    .map((path) => {
      const v = readBoolean(g, account, path);
      if (v.kind !== 'value') return unknownAt(path, v.kind === 'unknown' ? v.reason : 'not set');
      return v.value
        ? fail(`${path} is true: containers can be made anonymously readable; set it to false`, path)
        : pass(`${path} is false`, path);
    });
  if (results.length === 0) {
    return fail(`${names[0]} is not set (defaults to true); set it to false`, names[0]);
  }
  return worstOf(results);
}

const flagNote = (flag: string): string =>
  `Checkov's check covers ${flag} only; this rule requires all four public access block flags, so a bucket with ` +
  `${flag} on but another flag off passes the Checkov check and fails here.`;

const perFlag = (id: string, flag: string): Equivalent => ({
  tool: 'checkov',
  id,
  resourceTypes: ['AWS::S3::Bucket', 'aws_s3_bucket_public_access_block'],
  note: flagNote(flag),
});

export const noPublicAccessRule: Rule = {
  id: 'ZT-DATA-005',
  title: 'No public or anonymous access to data',
  severity: 'critical',
  layer: 'data',
  rationale:
    'A data lake of training data and model artefacts must never be readable anonymously. Public ACLs and public ' +
    'bucket policies are the commonest cause of data exposure on S3; anonymous container access is its Azure twin. ' +
    'Blocking them at the resource makes a later mistake (a public ACL, a "*" policy) ineffective.',
  remediation:
    'AWS CDK: s3.Bucket({ blockPublicAccess: BlockPublicAccess.BLOCK_ALL }) (SecureDataLake does this); ' +
    'CloudFormation PublicAccessBlockConfiguration with all four flags true; Terraform an ' +
    'aws_s3_bucket_public_access_block for the bucket with block_public_acls, block_public_policy, ' +
    'ignore_public_acls and restrict_public_buckets = true. Azure: allow_nested_items_to_be_public = false.',
  controls: [
    { framework: 'NIST-800-53', id: 'AC-3' },
    { framework: 'NIST-800-53', id: 'AC-6' },
    { framework: 'SOC2', id: 'CC6.1' },
    { framework: 'SOC2', id: 'CC6.6' },
    { framework: 'HIPAA', id: '164.312(a)(1)' },
    { framework: 'GDPR', id: 'Art. 32(1)(b)' },
    { framework: 'ISO-27001', id: 'A.8.3' },
  ],
  equivalents: [
    perFlag('CKV_AWS_53', 'BlockPublicAcls'),
    perFlag('CKV_AWS_54', 'BlockPublicPolicy'),
    perFlag('CKV_AWS_55', 'IgnorePublicAcls'),
    perFlag('CKV_AWS_56', 'RestrictPublicBuckets'),
    {
      tool: 'checkov',
      id: 'CKV2_AWS_6',
      resourceTypes: ['aws_s3_bucket'],
      note:
        'Checkov requires block_public_acls and block_public_policy on the attached aws_s3_bucket_public_access_block; ' +
        'this rule also requires ignore_public_acls and restrict_public_buckets.',
    },
    { tool: 'checkov', id: 'CKV_AZURE_190', resourceTypes: ['azurerm_storage_account'] },
    { tool: 'checkov', id: 'CKV2_AZURE_47', resourceTypes: ['azurerm_storage_account'] },
    { tool: 'cdk-nag', id: 'AwsSolutions-S2', resourceTypes: ['AWS::S3::Bucket'] },
  ],
  checks: {
    'AWS::S3::Bucket': (bucket, { graph }) => cfnBucket(graph, bucket),
    aws_s3_bucket: (bucket, { graph }) => tfBucket(graph, bucket),
    aws_s3_bucket_public_access_block: (block, { graph }) => allFlagsOn(graph, block, '', TF_FLAGS),
    azurerm_storage_account: (account, { graph }) => storageNoPublicBlobs(graph, account),
  },
};
