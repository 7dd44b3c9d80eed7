import type { ResourceGraph } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import { CheckResult, Rule, fail, pass } from '../../engine/rule';
import { bestOf } from '../shared/combine';
import { companionsOf, judgeWithCompanions, viaCompanion } from '../shared/companions';
import { joinPath, listLength, readBoolean, readString, unknownAt } from '../shared/read';
import { tfBlock, throughDynamic } from '../shared/tf-blocks';

const ENFORCED = 'BucketOwnerEnforced';

function ownership(g: ResourceGraph, res: Resource, path: string): CheckResult {
  const v = readString(g, res, path);
  if (v.kind === 'unknown') return unknownAt(path, v.reason);
  if (v.kind === 'absent') return fail(`${path} is not set; set ${ENFORCED}`, path);
  return v.value === ENFORCED
    ? pass(`${path} is ${ENFORCED}: ACLs are disabled`, path)
    : fail(`${path} is ${v.value}: ACLs still grant access; set ${ENFORCED}`, path);
}

/** CloudFormation: OwnershipControls.Rules[].ObjectOwnership. */
function cfnBucket(g: ResourceGraph, bucket: Resource): CheckResult {
  const rules = 'OwnershipControls.Rules';
  const n = listLength(g, bucket, rules);
  if (n.kind !== 'value') return unknownAt(rules, n.kind === 'unknown' ? n.reason : 'not set');
  if (n.value === 0) return fail(`${rules} is not set; set ObjectOwnership ${ENFORCED} to disable ACLs`, rules);
  const results = Array.from({ length: n.value }, (_, i) =>
    ownership(g, bucket, joinPath(rules, i, 'ObjectOwnership')),
  );
  return bestOf(results)!;
}

function tfOwnershipControls(g: ResourceGraph, controls: Resource): CheckResult {
  const rule = tfBlock(g, controls, '', 'rule');
  return throughDynamic(rule, ownership(g, controls, joinPath(rule.path, 'object_ownership')));
}

function storageSharedKey(g: ResourceGraph, account: Resource): CheckResult {
  const path = 'shared_access_key_enabled';
  const v = readBoolean(g, account, path);
  if (v.kind === 'unknown') return unknownAt(path, v.reason);
  if (v.kind === 'absent') return fail(`${path} is not set (defaults to true); set it to false`, path);
  return v.value
    ? fail(`${path} is true: account keys and SAS tokens bypass Entra ID; set it to false`, path)
    : pass(`${path} is false: only Entra ID identities get access`, path);
}

export const noLegacyAccessRule: Rule = {
  id: 'ZT-IDENTITY-001',
  title: 'Legacy, non-identity access paths are disabled',
  severity: 'medium',
  layer: 'identity',
  rationale:
    'Zero trust grants access to identities through policies that are logged and revocable. S3 object ACLs and Azure ' +
    'storage account keys / SAS tokens are parallel paths outside IAM and Entra ID: they are hard to audit, ' +
    'cannot be scoped by conditions, and a leaked account key is full access until someone rotates it.',
  remediation:
    'AWS CDK: s3.Bucket({ objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED }) (SecureDataLake does this); ' +
    'CloudFormation OwnershipControls.Rules[].ObjectOwnership BucketOwnerEnforced; Terraform ' +
    'aws_s3_bucket_ownership_controls { rule { object_ownership = "BucketOwnerEnforced" } }. Azure: ' +
    'shared_access_key_enabled = false (and storage_use_azuread = true in the provider).',
  controls: [
    { framework: 'NIST-800-53', id: 'AC-2' },
    { framework: 'NIST-800-53', id: 'IA-2' },
    { framework: 'SOC2', id: 'CC6.1' },
    { framework: 'HIPAA', id: '164.312(d)' },
    { framework: 'GDPR', id: 'Art. 32(1)(b)' },
    { framework: 'ISO-27001', id: 'A.5.15' },
  ],
  equivalents: [],
  checks: {
    'AWS::S3::Bucket': (bucket, { graph }) => cfnBucket(graph, bucket),
    aws_s3_bucket: (bucket, { graph }) =>
      judgeWithCompanions({
        companions: companionsOf(graph, bucket, 'aws_s3_bucket_ownership_controls', ['bucket']),
        judgeCompanion: (c) => viaCompanion(c, tfOwnershipControls(graph, c)),
        inline: () =>
          fail(
            'no aws_s3_bucket_ownership_controls targets this bucket, so ACLs stay enabled',
            'aws_s3_bucket_ownership_controls',
          ),
        what: 'aws_s3_bucket_ownership_controls',
      }),
    azurerm_storage_account: (account, { graph }) => storageSharedKey(graph, account),
  },
};
