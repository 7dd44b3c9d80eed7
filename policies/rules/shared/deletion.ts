import type { Check } from '../../engine/rule';
import { allChecks } from './combine';
import { type Setting, isTrue, setting } from './expect';

/**
 * What happens to a resource when its stack is deleted or it is replaced: CloudFormation
 * DeletionPolicy / UpdateReplacePolicy (default Delete), Terraform lifecycle.prevent_destroy.
 */

/** Types for which CloudFormation's `Snapshot` policy keeps the data (a final snapshot). */
export const SNAPSHOT_TYPES: ReadonlySet<string> = new Set([
  'AWS::EC2::Volume',
  'AWS::ElastiCache::CacheCluster',
  'AWS::ElastiCache::ReplicationGroup',
  'AWS::Neptune::DBCluster',
  'AWS::RDS::DBCluster',
  'AWS::RDS::DBInstance',
  'AWS::Redshift::Cluster',
  'AWS::DocDB::DBCluster',
]);

function policy(name: string, accepted: readonly string[], risk: string): Setting<string> {
  return {
    path: name,
    in: 'attributes',
    type: 'string',
    accept: (v) => accepted.includes(v),
    want: 'Retain',
    providerDefault: 'Delete',
    risk,
  };
}

/** CloudFormation: DeletionPolicy Retain (or RetainExceptOnCreate / Snapshot where valid) and UpdateReplacePolicy Retain. */
export function cfnRetained(type: string): Check {
  const snapshot = SNAPSHOT_TYPES.has(type) ? ['Snapshot'] : [];
  return allChecks(
    setting(policy('DeletionPolicy', ['Retain', 'RetainExceptOnCreate', ...snapshot], 'deleting the stack deletes it')),
    setting(policy('UpdateReplacePolicy', ['Retain', ...snapshot], 'a replacing update deletes the old one')),
  );
}

/** Terraform: lifecycle { prevent_destroy = true } (cdktf writes an object, hcl2json a list of one). */
export const tfPreventDestroy: Check = setting(
  isTrue('lifecycle.prevent_destroy', {
    in: 'attributes',
    providerDefault: false,
    risk: 'terraform destroy (or a replacement) deletes it',
  }),
);
