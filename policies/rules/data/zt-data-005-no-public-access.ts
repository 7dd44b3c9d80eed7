import type { ResourceGraph } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import { type CheckResult, type Equivalent, Rule, fail } from '../../engine/rule';
import { eachOf } from '../shared/combine';
import { TF_PUBLIC_ACCESS_BLOCK } from '../shared/companion-specs';
import { orphanOnly, withCompanions } from '../shared/companions';
import { type Setting, isFalse, isTrue, judgeSetting, oneOf, setting } from '../shared/expect';
import { joinPath } from '../shared/read';
import { AWS_STORES, AWS_STORE_REMEDIATION } from './stores/aws';
import { nagEquivalents } from '../shared/nag-equivalents';

/** The four flags under `base` (an omitted flag is false), with their settings and wording built once. */
interface FlagSet {
  readonly base: string;
  readonly settings: readonly Setting<boolean>[];
  readonly passPath: string;
  readonly notSet: CheckResult;
  readonly allOn?: string;
}

function flagSet(base: string, flags: readonly string[]): FlagSet {
  return {
    base,
    settings: flags.map((f) => isTrue(joinPath(base, f), { providerDefault: false })),
    passPath: base || flags[0],
    notSet: fail(`${base} is not set; turn on all four public access blocks`, base),
    allOn: base === '' ? undefined : `all four public access blocks are on (${base})`,
  };
}

const CFN_FLAGS = flagSet('PublicAccessBlockConfiguration', [
  'BlockPublicAcls',
  'BlockPublicPolicy',
  'IgnorePublicAcls',
  'RestrictPublicBuckets',
]);
const TF_FLAGS = flagSet('', [
  'block_public_acls',
  'block_public_policy',
  'ignore_public_acls',
  'restrict_public_buckets',
]);

/** Every flag must be true: one finding per flag that is not. */
function allFlagsOn(g: ResourceGraph, res: Resource, flags: FlagSet): CheckResult[] {
  if (flags.base !== '' && g.value(res, flags.base).kind === 'absent') return [flags.notSet];
  const results: CheckResult[] = [];
  for (const s of flags.settings) results.push(judgeSetting(g, res, s));
  return eachOf(results, flags.allOn ?? `all four public access blocks are on (${res.address})`, flags.passPath);
}

const tfFlags = (g: ResourceGraph, block: Resource) => allFlagsOn(g, block, TF_FLAGS);

/** azurerm 3.x/4.x: allow_nested_items_to_be_public; 2.x: allow_blob_public_access. Both default to true. */
const NO_PUBLIC_BLOBS = isFalse('allow_nested_items_to_be_public', {
  providerDefault: true,
  aliases: ['allow_blob_public_access'],
  risk: 'containers can be made anonymously readable',
});

/** Checkov's per-flag checks compare with our finding for that flag (each flag is its own finding). */
const perFlag = (id: string, flag: string, tfFlag: string): Equivalent => ({
  tool: 'checkov',
  id,
  resourceTypes: ['AWS::S3::Bucket', 'aws_s3_bucket_public_access_block'],
  paths: [flag, tfFlag],
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
    'ignore_public_acls and restrict_public_buckets = true. Azure: allow_nested_items_to_be_public = false.' +
    ' ' +
    AWS_STORE_REMEDIATION.anonymous,
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
    perFlag('CKV_AWS_53', 'BlockPublicAcls', 'block_public_acls'),
    perFlag('CKV_AWS_54', 'BlockPublicPolicy', 'block_public_policy'),
    perFlag('CKV_AWS_55', 'IgnorePublicAcls', 'ignore_public_acls'),
    perFlag('CKV_AWS_56', 'RestrictPublicBuckets', 'restrict_public_buckets'),
    {
      tool: 'checkov',
      id: 'CKV2_AWS_6',
      resourceTypes: ['aws_s3_bucket'],
      paths: ['block_public_acls', 'block_public_policy'],
    },
    { tool: 'checkov', id: 'CKV_AZURE_190', resourceTypes: ['azurerm_storage_account'] },
    { tool: 'checkov', id: 'CKV_AZURE_34', resourceTypes: ['azurerm_storage_container'] },
    { tool: 'checkov', id: 'CKV2_AZURE_47', resourceTypes: ['azurerm_storage_account'] },
    { tool: 'cdk-nag', id: 'AwsSolutions-S2', resourceTypes: ['AWS::S3::Bucket'] },
    { tool: 'cdk-nag', id: 'NIST.800.53.R5-S3BucketLevelPublicAccessProhibited', resourceTypes: ['AWS::S3::Bucket'] },
    ...nagEquivalents(
      ['NIST.800.53.R5-S3BucketPublicReadProhibited', 'NIST.800.53.R5-S3BucketPublicWriteProhibited'],
      ['AWS::S3::Bucket'],
      'cdk-nag passes a bucket whose policy and ACL grant no public access; this rule requires all four public ' +
        'access blocks, which also stop a later grant.',
    ),
    ...AWS_STORES.anonymous.equivalents,
  ],
  checks: {
    'AWS::S3::Bucket': (bucket, { graph }) => allFlagsOn(graph, bucket, CFN_FLAGS),
    aws_s3_bucket: withCompanions({
      spec: TF_PUBLIC_ACCESS_BLOCK,
      judge: tfFlags,
      inline: () =>
        fail('no aws_s3_bucket_public_access_block targets this bucket', 'aws_s3_bucket_public_access_block'),
    }),
    aws_s3_bucket_public_access_block: orphanOnly(TF_PUBLIC_ACCESS_BLOCK, (block, { graph }) => tfFlags(graph, block)),
    azurerm_storage_account: setting(NO_PUBLIC_BLOBS),
    azurerm_storage_container: setting(
      oneOf('container_access_type', ['private'], {
        providerDefault: 'private',
        risk: 'blobs are readable anonymously',
      }),
    ),
    ...AWS_STORES.anonymous.checks,
  },
};
