import type { ResourceGraph } from '../../engine/graph';
import { asBoolean, asString } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import { CheckResult, fail, pass, unknown } from '../../engine/rule';
import { describeResolved, isPlainObject } from './read';

/**
 * Readers for what happens to a resource when its stack is deleted or it is replaced:
 * CloudFormation DeletionPolicy / UpdateReplacePolicy, Terraform lifecycle.prevent_destroy.
 */

/** Types for which CloudFormation's `Snapshot` policy keeps the data (a final snapshot). */
const SNAPSHOT_TYPES: ReadonlySet<string> = new Set([
  'AWS::EC2::Volume',
  'AWS::ElastiCache::CacheCluster',
  'AWS::ElastiCache::ReplicationGroup',
  'AWS::Neptune::DBCluster',
  'AWS::RDS::DBCluster',
  'AWS::RDS::DBInstance',
  'AWS::Redshift::Cluster',
  'AWS::DocDB::DBCluster',
]);

type PolicyRead = { kind: 'value'; value: string } | { kind: 'absent' } | { kind: 'unknown'; reason: string };

/** A resource attribute (outside Properties), resolved through the graph when it is an intrinsic. */
function readAttribute(g: ResourceGraph, res: Resource, name: string): PolicyRead {
  const raw = res.attributes[name];
  if (raw === undefined || raw === null) return { kind: 'absent' };
  if (typeof raw === 'string') return { kind: 'value', value: raw };
  const r = g.resolve(res, raw);
  const s = asString(r);
  if (s !== undefined) return { kind: 'value', value: s };
  return r.kind === 'absent' ? { kind: 'absent' } : { kind: 'unknown', reason: describeResolved(r) };
}

function keeps(res: Resource, policy: string, allowed: readonly string[]): boolean {
  return allowed.includes(policy) || (policy === 'Snapshot' && SNAPSHOT_TYPES.has(res.type));
}

/** CloudFormation: DeletionPolicy Retain (or RetainExceptOnCreate / Snapshot where valid) and UpdateReplacePolicy Retain. */
export function cfnRetained(g: ResourceGraph, res: Resource): CheckResult {
  const checks: [string, readonly string[], string][] = [
    ['DeletionPolicy', ['Retain', 'RetainExceptOnCreate'], 'deleting the stack deletes it'],
    ['UpdateReplacePolicy', ['Retain'], 'a replacing update deletes the old one'],
  ];
  for (const [name, allowed, consequence] of checks) {
    const p = readAttribute(g, res, name);
    if (p.kind === 'unknown') return unknown(`${name} cannot be decided at synth time: ${p.reason}`, name);
    if (p.kind === 'absent')
      return fail(`${name} is not set (defaults to Delete), so ${consequence}; set Retain`, name);
    if (!keeps(res, p.value, allowed)) return fail(`${name} is ${p.value}, so ${consequence}; set Retain`, name);
  }
  return pass('DeletionPolicy and UpdateReplacePolicy retain the resource', 'DeletionPolicy');
}

/** Terraform: lifecycle { prevent_destroy = true } (cdktf writes an object, hcl2json a list of one). */
export function tfPreventDestroy(g: ResourceGraph, res: Resource): CheckResult {
  const path = 'lifecycle.prevent_destroy';
  const lifecycle = res.attributes.lifecycle;
  const block = Array.isArray(lifecycle) ? lifecycle[0] : lifecycle;
  const raw = isPlainObject(block) ? block.prevent_destroy : undefined;
  if (raw === undefined || raw === null) {
    return fail(`${path} is not set, so terraform destroy (or a replacement) deletes it; set it to true`, path);
  }
  const value = asBoolean(g.resolve(res, raw));
  if (value === undefined)
    return unknown(`${path} cannot be decided at synth time: ${describeResolved(g.resolve(res, raw))}`, path);
  return value ? pass(`${path} is true`, path) : fail(`${path} is false; set it to true`, path);
}
