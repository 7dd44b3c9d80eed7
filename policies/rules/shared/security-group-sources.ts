import type { ResourceGraph } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import { type CheckResult, unknown } from '../../engine/rule';
import { joinPath } from './read';

/** Where an AWS rule names whom it admits: a CIDR, a prefix list, a security group or the group itself. */
export const CFN_SOURCES = [
  'CidrIp',
  'CidrIpv6',
  'SourcePrefixListId',
  'SourceSecurityGroupId',
  'SourceSecurityGroupName',
  'DestinationPrefixListId',
  'DestinationSecurityGroupId',
];
export const TF_SOURCES = [
  'cidr_blocks',
  'ipv6_cidr_blocks',
  'prefix_list_ids',
  'security_groups',
  'source_security_group_id',
  'self',
];
export const VPC_SOURCES = ['cidr_ipv4', 'cidr_ipv6', 'prefix_list_id', 'referenced_security_group_id'];

const isEmptySource = (v: unknown): boolean =>
  v === null || v === '' || v === false || (Array.isArray(v) && v.length === 0);

/**
 * A rule that names no source at all is not open, and not closed either: EC2 refuses it
 * ("MissingParameter: Missing source specification"), so the rule that will really be deployed,
 * and whom it admits, is not written yet. Unknown, never a pass for a rule that cannot exist.
 */
export function withoutSource(
  g: ResourceGraph,
  res: Resource,
  base: string,
  sources: readonly string[],
): CheckResult[] | undefined {
  for (const p of sources) {
    const r = g.value(res, joinPath(base, p));
    if (r.kind !== 'absent' && !(r.kind === 'literal' && isEmptySource(r.value))) return undefined;
  }
  const where = base === '' ? 'the rule' : base;
  return [
    unknown(
      `${where} names no source (none of ${sources.join(', ')}): EC2 refuses such a rule (Missing source ` +
        'specification), so whom it admits is not decided; name the CIDR, prefix list or security group',
      base === '' ? undefined : base,
    ),
  ];
}
