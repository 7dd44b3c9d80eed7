import type { ResourceGraph } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import { type Check, type CheckResult, Rule, fail, pass } from '../../engine/rule';
import { eachOf } from '../shared/combine';
import { type CompanionSpec, companionIndex } from '../shared/companion-index';
import { describeResolved, joinPath, listLength, rawAt, readString, unknownAt } from '../shared/read';
import { CFN_SOURCES, TF_SOURCES, VPC_SOURCES, withoutSource } from '../shared/security-group-sources';
import { nagEquivalents } from '../shared/nag-equivalents';

// No security-group or NSG rule admits the whole internet, in either direction, on any port: the
// training network reaches only the platform's endpoints. One finding per offending entry.
const OPEN_AWS = new Set(['0.0.0.0/0', '::/0']);
/** NSG prefixes that mean "anywhere" (service tags and the wildcard). */
const OPEN_AZURE = new Set(['*', '0.0.0.0/0', '0.0.0.0', '::/0', 'internet', 'any']);
/** Any prefix of length 0 (`0.0.0.0/0`, `::/0`, `1.2.3.4/0`) covers every address. */
const isOpen = (v: string, open: ReadonlySet<string>): boolean => open.has(v.toLowerCase()) || /\/0$/.test(v.trim());

/**
 * A CloudFormation parameter whose Default is open: the template deploys open unless every
 * deployer overrides it, so the default is judged (an override is the exception, not the rule).
 */
function openParameterDefault(g: ResourceGraph, res: Resource, path: string, open: ReadonlySet<string>) {
  const raw = rawAt(res, path);
  if (!raw || typeof raw !== 'object' || typeof (raw as { Ref?: unknown }).Ref !== 'string') return undefined;
  const name = (raw as { Ref: string }).Ref;
  const doc = g.documents.find((d) => d.id === res.documentId);
  const param = doc?.format === 'cloudformation' ? doc.parameters[name] : undefined;
  const def = param && typeof param === 'object' ? (param as { Default?: unknown }).Default : undefined;
  return typeof def === 'string' && isOpen(def, open) ? `${name}, whose Default is ${def}` : undefined;
}

function judgeCidr(g: ResourceGraph, res: Resource, path: string, open: ReadonlySet<string>): CheckResult[] {
  const r = g.value(res, path);
  if (r.kind === 'absent' || (r.kind === 'literal' && (r.value === null || r.value === ''))) return [];
  if (r.kind === 'literal' && typeof r.value === 'string') {
    return isOpen(r.value, open)
      ? [fail(`${path} is ${r.value}: the rule admits every address on the internet`, path)]
      : [pass(`${path} is ${r.value}`, path)];
  }
  const param = openParameterDefault(g, res, path, open);
  if (param) return [fail(`${path} is parameter ${param}: deployed as is, it admits every address`, path)];
  return [unknownAt(path, describeResolved(r))];
}

function judgeCidrList(g: ResourceGraph, res: Resource, path: string, open: ReadonlySet<string>): CheckResult[] {
  const n = listLength(g, res, path);
  if (n.kind === 'unknown') return [unknownAt(path, n.reason)];
  if (n.kind === 'absent') return [];
  if (!Array.isArray(rawAt(res, path)) && n.value === 1) return judgeCidr(g, res, path, open);
  const out: CheckResult[] = [];
  for (let i = 0; i < n.value; i++) out.push(...judgeCidr(g, res, joinPath(path, i), open));
  return out;
}

const verdict = (results: readonly CheckResult[], what: string, path?: string): CheckResult[] =>
  results.length === 0 ? [pass(`no ${what} admits 0.0.0.0/0 or ::/0`, path)] : eachOf(results);

/** Each entry of a list of rule objects (CFN inline rules, Terraform inline blocks). */
function eachEntry(
  g: ResourceGraph,
  res: Resource,
  path: string,
  judge: (entryPath: string) => CheckResult[],
): CheckResult[] {
  if (rawAt(res, joinPath('dynamic', path)) !== undefined) {
    return [unknownAt(`dynamic.${path}`, 'a dynamic block is rendered from for_each at plan time')];
  }
  const n = listLength(g, res, path);
  if (n.kind === 'unknown') return [unknownAt(path, n.reason)];
  if (n.kind === 'absent') return [];
  const out: CheckResult[] = [];
  for (let i = 0; i < n.value; i++) out.push(...judge(joinPath(path, i)));
  return out;
}

/** CloudFormation: CidrIp / CidrIpv6 of an inline rule or a standalone ingress/egress resource. */
const cfnEntry = (g: ResourceGraph, res: Resource, base: string): CheckResult[] =>
  withoutSource(g, res, base, CFN_SOURCES) ?? [
    ...judgeCidr(g, res, joinPath(base, 'CidrIp'), OPEN_AWS),
    ...judgeCidr(g, res, joinPath(base, 'CidrIpv6'), OPEN_AWS),
  ];

const tfEntry = (g: ResourceGraph, res: Resource, base: string): CheckResult[] =>
  withoutSource(g, res, base, TF_SOURCES) ?? [
    ...judgeCidrList(g, res, joinPath(base, 'cidr_blocks'), OPEN_AWS),
    ...judgeCidrList(g, res, joinPath(base, 'ipv6_cidr_blocks'), OPEN_AWS),
  ];

/** aws_vpc_security_group_ingress_rule / _egress_rule: one source per rule. */
const vpcRule = (g: ResourceGraph, r: Resource): CheckResult[] =>
  withoutSource(g, r, '', VPC_SOURCES) ?? ['cidr_ipv4', 'cidr_ipv6'].flatMap((p) => judgeCidr(g, r, p, OPEN_AWS));

/** Standalone egress rules of a group (GroupId: Fn::GetAtt Group.GroupId / Ref Group). */
const CFN_EGRESS: CompanionSpec = { type: 'AWS::EC2::SecurityGroupEgress', targets: ['GroupId'] };

/**
 * AWS::EC2::SecurityGroup without SecurityGroupEgress: EC2 keeps its default allow-all egress
 * rule (0.0.0.0/0) unless some egress rule is added, inline or as an AWS::EC2::SecurityGroupEgress
 * of the group (adding the first rule replaces the default). CDK's allowAllOutbound: false writes
 * a placeholder inline rule or separate egress rules. The standalone rules are judged on their own.
 */
function defaultEgress(g: ResourceGraph, sg: Resource): CheckResult[] {
  const attached = companionIndex(g, CFN_EGRESS).attached.get(sg) ?? [];
  if (attached.some((a) => a.presence.kind === 'present')) return [];
  const maybe = attached.find((a) => a.presence.kind === 'maybe');
  const what = 'SecurityGroupEgress is not set';
  if (maybe) {
    const why = maybe.presence.kind === 'maybe' ? maybe.presence.reason : '';
    return [
      unknownAt(
        'SecurityGroupEgress',
        `${what}; ${maybe.companion.address} would replace the default rule, but ${why}`,
      ),
    ];
  }
  return [
    fail(
      `${what} and no AWS::EC2::SecurityGroupEgress targets the group, so EC2 keeps the default allow-all ` +
        'egress rule to 0.0.0.0/0; list the egress rules (CDK: allowAllOutbound: false)',
      'SecurityGroupEgress',
    ),
  ];
}

const cfnSecurityGroup: Check = (sg, { graph }) => {
  const ingress = eachEntry(graph, sg, 'SecurityGroupIngress', (p) => cfnEntry(graph, sg, p));
  const egressList = listLength(graph, sg, 'SecurityGroupEgress');
  const egress =
    egressList.kind === 'value' && egressList.value === 0
      ? defaultEgress(graph, sg)
      : eachEntry(graph, sg, 'SecurityGroupEgress', (p) => cfnEntry(graph, sg, p));
  return verdict([...ingress, ...egress], 'rule of the group', 'SecurityGroupIngress');
};

/** aws_security_group: Terraform removes the default egress rule, so absent blocks admit nothing. */
const tfSecurityGroup: Check = (sg, { graph }) =>
  verdict(
    [
      ...eachEntry(graph, sg, 'ingress', (p) => tfEntry(graph, sg, p)),
      ...eachEntry(graph, sg, 'egress', (p) => tfEntry(graph, sg, p)),
    ],
    'ingress or egress block',
    'ingress',
  );

const single =
  (judge: (g: ResourceGraph, res: Resource) => CheckResult[], what: string): Check =>
  (res, { graph }) =>
    verdict(judge(graph, res), what);

/** azurerm: an Allow rule's source (Inbound) or destination (Outbound) prefixes. */
function nsgRule(g: ResourceGraph, res: Resource, base: string): CheckResult[] {
  const access = readString(g, res, joinPath(base, 'access'));
  if (access.kind === 'unknown') return [unknownAt(joinPath(base, 'access'), access.reason)];
  if (access.kind === 'value' && access.value.toLowerCase() === 'deny') return [];
  const direction = readString(g, res, joinPath(base, 'direction'));
  if (direction.kind === 'unknown') return [unknownAt(joinPath(base, 'direction'), direction.reason)];
  const side = direction.kind === 'value' && direction.value.toLowerCase() === 'outbound' ? 'destination' : 'source';
  return [
    ...judgeCidr(g, res, joinPath(base, `${side}_address_prefix`), OPEN_AZURE),
    ...judgeCidrList(g, res, joinPath(base, `${side}_address_prefixes`), OPEN_AZURE),
  ];
}

const PORT_NOTE =
  'Checkov judges one port (22, 3389 or 80) of ingress; this rule fails 0.0.0.0/0 / ::/0 on every port and in ' +
  'both directions, so a fixture Checkov passes because the open rule is on another port (443, 8080, a range ' +
  'not containing its port) or is egress fails here deliberately: the training network admits no internet path.';

const OTHER_PORT = 'open to 0.0.0.0/0 or ::/0 on a port other than the one this Checkov check judges (port-specific)';
const EGRESS = 'an open egress rule; Checkov judges ingress only (direction-specific)';
const DEFAULT_EGRESS =
  'SecurityGroupEgress is absent, so the default allow-all egress to 0.0.0.0/0 stays (Checkov ignores it)';
const ALL_PORTS =
  'an Allow from * / Internet on another port, or a UDP / all-ports rule Checkov does not judge (port-specific)';
const AWS_EGRESS_ONLY =
  'CKV_AWS_382 only fails protocol -1 egress; an open egress on one port is still an internet path';

const NO_SOURCE = 'names no CIDR, prefix list or security group, and EC2 refuses a rule without a source';

/** Fixture resources where this rule deliberately fails what the port-specific Checkov check passes. */
const differences = (entries: Readonly<Record<string, string>>) =>
  Object.entries(entries).map(([resource, reason]) => ({ resource, reason }));

const AWS_DIFFERENCES = differences({
  'AWS::EC2::SecurityGroup.DemoSecurityGroup': OTHER_PORT,
  'AWS::EC2::SecurityGroup.InstanceSecurityGroup': DEFAULT_EGRESS,
  'aws_security_group.pass': OTHER_PORT,
  'aws_security_group.pass2': EGRESS,
  'aws_security_group.pass4': EGRESS,
  'aws_security_group.pass5': EGRESS,
  'aws_security_group.pass6': EGRESS,
  'aws_security_group.pass_self2': `${OTHER_PORT} (self = true does not narrow cidr_blocks)`,
  'aws_security_group_rule.pass': OTHER_PORT,
  'aws_security_group_rule.pass3': OTHER_PORT,
  'aws_security_group.not_self': `its ingress block (self = false) ${NO_SOURCE}; Checkov fails it as open`,
  'aws_vpc_security_group_ingress_rule.fail2': `the rule ${NO_SOURCE}; Checkov fails it as open`,
  'aws_vpc_security_group_ingress_rule.pass_prefix_list': `it sets prefix_list_ids, not an argument of this resource (prefix_list_id is), so it ${NO_SOURCE}; Checkov passes it`,
  'aws_security_group.pass3': `its egress block (cidr_blocks = null) ${NO_SOURCE}; Checkov judges ingress only`,
  'aws_security_group.pass-ipv6': `its egress block (cidr_blocks = null) ${NO_SOURCE}; Checkov judges ingress only`,
});
const AWS_EGRESS_DIFFERENCES = differences({
  'aws_security_group.pass': AWS_EGRESS_ONLY,
  'aws_security_group_rule.pass': AWS_EGRESS_ONLY,
  'aws_vpc_security_group_egress_rule.pass': AWS_EGRESS_ONLY,
});
const AZURE_DIFFERENCES = differences({
  'azurerm_network_security_group.dynamic_nsg_fail':
    'security rules come from a dynamic block whose for_each is decided at plan time: reported unknown, not guessed',
  'azurerm_network_security_rule.https':
    'inbound from Internet on 443: open to the internet on a port Checkov does not judge (port-specific)',
  'azurerm_network_security_group.pass2': `outbound to *: ${EGRESS}`,
  'azurerm_network_security_rule.pass2': `outbound to *: ${EGRESS}`,
  'azurerm_network_security_group.pass3': ALL_PORTS,
  'azurerm_network_security_rule.pass3': ALL_PORTS,
  'azurerm_network_security_group.snet_nsgs':
    'its security_rule blocks come from a dynamic block whose for_each is decided at plan time: unknown',
  'azurerm_network_security_group.dynamic_nsg_pass':
    'its security_rule blocks come from a dynamic block whose for_each is decided at plan time: unknown',
});

const portCheck = (id: string, types: readonly string[], diffs: ReturnType<typeof differences>) => ({
  tool: 'checkov' as const,
  id,
  resourceTypes: types,
  note: PORT_NOTE,
  differences: diffs,
});

const NAG_NOTE = 'cdk-nag fails an open CIDR on SSH or common ports; this rule, on any port.';
const CFN_SG = ['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress'];
const TF_SG = ['aws_security_group', 'aws_security_group_rule', 'aws_vpc_security_group_ingress_rule'];
const AZ_NSG = ['azurerm_network_security_group', 'azurerm_network_security_rule'];

export const noOpenCidrRule: Rule = {
  id: 'ZT-NETWORK-003',
  title: 'No security group or NSG rule is open to the internet',
  severity: 'high',
  layer: 'network',
  rationale:
    'A rule admitting 0.0.0.0/0 or ::/0 (Azure: *, Internet, Any) makes the workload reachable from, or able to ' +
    'send data to, anywhere: an exposed training node or notebook is an entry point, and open egress is the ' +
    'exfiltration path for training data and model weights. Training and serving reach only the platform\u2019s ' +
    'endpoints and peers, named by security group, prefix list or service tag.',
  remediation:
    'Allow only the platform\u2019s security groups, prefix lists or CIDRs. CDK: ec2.SecurityGroup({ ' +
    'allowAllOutbound: false }) and connections.allowFrom(peerSg, port). CloudFormation: list SecurityGroupEgress ' +
    'explicitly (an absent list keeps the default allow-all egress). Terraform: no "0.0.0.0/0" / "::/0" in ' +
    'cidr_blocks, ipv6_cidr_blocks, cidr_ipv4, cidr_ipv6. Azure: Allow rules with a service tag (Storage, ' +
    'AzureMachineLearning, ...) or the VNet range, never *, Internet or Any.',
  remediationBy: {
    cdk: 'ec2.SecurityGroup({ vpc, allowAllOutbound: false, allowAllIpv6Outbound: false }); add peers with sg.connections.allowTo(endpointSg, ec2.Port.tcp(443)).',
    cdktf:
      'NetworkSecurityRule / securityRule with sourceAddressPrefix (Inbound) or destinationAddressPrefix (Outbound) set to a service tag or the VNet CIDR, never "*", "Internet" or "Any".',
  },
  controls: [
    { framework: 'NIST-800-53', id: 'SC-7' },
    { framework: 'NIST-800-53', id: 'SC-7(5)' },
    { framework: 'NIST-800-53', id: 'AC-4' },
    { framework: 'SOC2', id: 'CC6.6' },
    { framework: 'HIPAA', id: '164.312(e)(1)' },
    { framework: 'GDPR', id: 'Art. 32(1)(b)' },
    { framework: 'ISO-27001', id: 'A.8.20' },
    { framework: 'ISO-27001', id: 'A.8.22' },
  ],
  equivalents: [
    portCheck('CKV_AWS_24', [...CFN_SG, ...TF_SG], AWS_DIFFERENCES),
    portCheck('CKV_AWS_25', [...CFN_SG, ...TF_SG], AWS_DIFFERENCES),
    portCheck('CKV_AWS_260', [...CFN_SG, ...TF_SG], AWS_DIFFERENCES),
    portCheck(
      'CKV_AWS_382',
      ['aws_security_group', 'aws_security_group_rule', 'aws_vpc_security_group_egress_rule'],
      AWS_EGRESS_DIFFERENCES,
    ),
    portCheck('CKV_AZURE_10', AZ_NSG, AZURE_DIFFERENCES),
    portCheck('CKV_AZURE_9', AZ_NSG, AZURE_DIFFERENCES),
    portCheck('CKV_AZURE_160', AZ_NSG, AZURE_DIFFERENCES),
    portCheck('CKV_AZURE_77', AZ_NSG, AZURE_DIFFERENCES),
    ...nagEquivalents(['AwsSolutions-EC23'], CFN_SG),
    ...nagEquivalents(['NIST.800.53.R5-EC2RestrictedSSH', 'NIST.800.53.R5-EC2RestrictedCommonPorts'], CFN_SG, NAG_NOTE),
  ],
  checks: {
    'AWS::EC2::SecurityGroup': cfnSecurityGroup,
    'AWS::EC2::SecurityGroupIngress': single((g, r) => cfnEntry(g, r, ''), 'ingress rule'),
    'AWS::EC2::SecurityGroupEgress': single((g, r) => cfnEntry(g, r, ''), 'egress rule'),
    aws_security_group: tfSecurityGroup,
    aws_security_group_rule: single((g, r) => tfEntry(g, r, ''), 'rule'),
    aws_vpc_security_group_ingress_rule: single(vpcRule, 'ingress rule'),
    aws_vpc_security_group_egress_rule: single(vpcRule, 'egress rule'),
    azurerm_network_security_group: (nsg, { graph }) =>
      verdict(
        eachEntry(graph, nsg, 'security_rule', (p) => nsgRule(graph, nsg, p)),
        'Allow security_rule',
        'security_rule',
      ),
    azurerm_network_security_rule: single((g, r) => nsgRule(g, r, ''), 'Allow rule'),
  },
};
