import type { ResourceGraph } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import { CheckResult, Rule, fail } from '../../engine/rule';
import { bestOf } from '../shared/combine';
import { TF_BUCKET_OWNERSHIP } from '../shared/companion-specs';
import { withCompanions } from '../shared/companions';
import { isFalse, judgeSetting, oneOf, setting } from '../shared/expect';
import { joinPath, listLength, unknownAt } from '../shared/read';
import { tfBlock, throughDynamic } from '../shared/tf-blocks';
import { COSMOSDB } from '../data/stores/azure-cosmosdb';
import { POSTGRESQL_FLEXIBLE } from '../data/stores/azure-postgresql';
import { REDIS } from '../data/stores/azure-redis';
import { SEARCH } from '../data/stores/azure-search';
import { AWS_STORES, AWS_STORE_REMEDIATION } from '../data/stores/aws';

const ENFORCED = oneOf('ObjectOwnership', ['BucketOwnerEnforced'], { risk: 'ACLs still grant access' });

/** CloudFormation: OwnershipControls.Rules[].ObjectOwnership (any rule enforcing ownership disables ACLs). */
function cfnBucket(g: ResourceGraph, bucket: Resource): CheckResult {
  const rules = 'OwnershipControls.Rules';
  const n = listLength(g, bucket, rules);
  if (n.kind !== 'value') return unknownAt(rules, n.kind === 'unknown' ? n.reason : 'not set');
  if (n.value === 0) return fail(`${rules} is not set; set ObjectOwnership BucketOwnerEnforced to disable ACLs`, rules);
  return bestOf(Array.from({ length: n.value }, (_, i) => judgeSetting(g, bucket, ENFORCED, joinPath(rules, i))))!;
}

function tfOwnershipControls(g: ResourceGraph, controls: Resource): CheckResult {
  const rule = tfBlock(g, controls, '', 'rule');
  return throughDynamic(rule, judgeSetting(g, controls, { ...ENFORCED, path: 'object_ownership' }, rule.path));
}

const NO_SHARED_KEY = isFalse('shared_access_key_enabled', {
  providerDefault: true,
  risk: 'account keys and SAS tokens bypass Entra ID',
});

export const noLegacyAccessRule: Rule = {
  id: 'ZT-IDENTITY-001',
  title: 'Legacy, non-identity access paths are disabled',
  severity: 'medium',
  layer: 'identity',
  rationale:
    'Zero trust grants access to identities through policies that are logged and revocable. S3 object ACLs and Azure ' +
    'storage account keys / SAS tokens (and database passwords, Cosmos DB, Search and Redis keys) are parallel paths outside IAM and Entra ID: they are hard to audit, ' +
    'cannot be scoped by conditions, and a leaked account key is full access until someone rotates it.',
  remediation:
    'AWS CDK: s3.Bucket({ objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED }) (SecureDataLake does this); ' +
    'CloudFormation OwnershipControls.Rules[].ObjectOwnership BucketOwnerEnforced; Terraform ' +
    'aws_s3_bucket_ownership_controls { rule { object_ownership = "BucketOwnerEnforced" } }. Azure: ' +
    'shared_access_key_enabled = false (and storage_use_azuread = true in the provider); azurerm_cosmosdb_account ' +
    'local_authentication_disabled = true; azurerm_postgresql_flexible_server authentication { ' +
    'active_directory_auth_enabled = true, password_auth_enabled = false }; azurerm_search_service ' +
    'local_authentication_enabled = false; azurerm_redis_cache access_keys_authentication_enabled = false with ' +
    'redis_configuration { active_directory_authentication_enabled = true }.' +
    ' ' +
    AWS_STORE_REMEDIATION.identity,
  controls: [
    { framework: 'NIST-800-53', id: 'AC-2' },
    { framework: 'NIST-800-53', id: 'IA-2' },
    { framework: 'SOC2', id: 'CC6.1' },
    { framework: 'HIPAA', id: '164.312(d)' },
    { framework: 'GDPR', id: 'Art. 32(1)(b)' },
    { framework: 'ISO-27001', id: 'A.5.15' },
  ],
  equivalents: [{ tool: 'checkov', id: 'CKV2_AZURE_40', resourceTypes: ['azurerm_storage_account'] }],
  reads: ['aws_s3_bucket_ownership_controls'],
  checks: {
    'AWS::S3::Bucket': (bucket, { graph }) => cfnBucket(graph, bucket),
    aws_s3_bucket: withCompanions({
      spec: TF_BUCKET_OWNERSHIP,
      judge: tfOwnershipControls,
      inline: () =>
        fail(
          'no aws_s3_bucket_ownership_controls targets this bucket, so ACLs stay enabled',
          'aws_s3_bucket_ownership_controls',
        ),
    }),
    azurerm_storage_account: setting(NO_SHARED_KEY),
    ...COSMOSDB.legacyAuth,
    ...POSTGRESQL_FLEXIBLE.legacyAuth,
    ...SEARCH.legacyAuth,
    ...REDIS.legacyAuth,
    ...AWS_STORES.identity.checks,
  },
};
