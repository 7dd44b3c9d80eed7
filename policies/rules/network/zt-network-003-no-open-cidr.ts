import type { ResourceGraph } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import { type Check, type CheckResult, Rule, fail, pass } from '../../engine/rule';
import { eachOf } from '../shared/combine';
import { describeResolved, joinPath, listLength, rawAt, readString, unknownAt } from '../shared/read';

/**
 * No security-group or NSG rule admits the whole internet, in either direction, on any port: the
 * training network reaches only the platform's endpoints. One finding per offending entry.
 */
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
const cfnEntry = (g: ResourceGraph, res: Resource, base: string): CheckResult[] => [
  ...judgeCidr(g, res, joinPath(base, 'CidrIp'), OPEN_AWS),
  ...judgeCidr(g, res, joinPath(base, 'CidrIpv6'), OPEN_AWS),
];

const tfEntry = (g: ResourceGraph, res: Resource, base: string): CheckResult[] => [
  ...judgeCidrList(g, res, joinPath(base, 'cidr_blocks'), OPEN_AWS),
  ...judgeCidrList(g, res, joinPath(base, 'ipv6_cidr_blocks'), OPEN_AWS),
];

/**
 * AWS::EC2::SecurityGroup: without SecurityGroupEgress, EC2 keeps its default allow-all egress
 * rule (0.0.0.0/0); CDK's allowAllOutbound: false writes a placeholder egress rule to remove it.
 */
const cfnSecurityGroup: Check = (sg, { graph }) => {
  const ingress = eachEntry(graph, sg, 'SecurityGroupIngress', (p) => cfnEntry(graph, sg, p));
  const egressList = listLength(graph, sg, 'SecurityGroupEgress');
  const egress =
    egressList.kind === 'value' && egressList.value === 0
      ? [
          fail(
            'SecurityGroupEgress is not set, so EC2 keeps the default allow-all egress rule to 0.0.0.0/0; ' +
              'list the egress rules (CDK: allowAllOutbound: false)',
            'SecurityGroupEgress',
          ),
        ]
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

const portCheck = (id: string, types: readonly string[]) => ({
  tool: 'checkov' as const,
  id,
  resourceTypes: types,
  note: PORT_NOTE,
});

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
    portCheck('CKV_AWS_24', [...CFN_SG, ...TF_SG]),
    portCheck('CKV_AWS_25', [...CFN_SG, ...TF_SG]),
    portCheck('CKV_AWS_260', [...CFN_SG, ...TF_SG]),
    portCheck('CKV_AWS_382', ['aws_security_group', 'aws_security_group_rule', 'aws_vpc_security_group_egress_rule']),
    portCheck('CKV_AZURE_10', AZ_NSG),
    portCheck('CKV_AZURE_9', AZ_NSG),
    portCheck('CKV_AZURE_160', AZ_NSG),
    portCheck('CKV_AZURE_77', AZ_NSG),
  ],
  checks: {
    'AWS::EC2::SecurityGroup': cfnSecurityGroup,
    'AWS::EC2::SecurityGroupIngress': single((g, r) => cfnEntry(g, r, ''), 'ingress rule'),
    'AWS::EC2::SecurityGroupEgress': single((g, r) => cfnEntry(g, r, ''), 'egress rule'),
    aws_security_group: tfSecurityGroup,
    aws_security_group_rule: single((g, r) => tfEntry(g, r, ''), 'rule'),
    aws_vpc_security_group_ingress_rule: single(
      (g, r) => [...judgeCidr(g, r, 'cidr_ipv4', OPEN_AWS), ...judgeCidr(g, r, 'cidr_ipv6', OPEN_AWS)],
      'ingress rule',
    ),
    aws_vpc_security_group_egress_rule: single(
      (g, r) => [...judgeCidr(g, r, 'cidr_ipv4', OPEN_AWS), ...judgeCidr(g, r, 'cidr_ipv6', OPEN_AWS)],
      'egress rule',
    ),
    azurerm_network_security_group: (nsg, { graph }) =>
      verdict(
        eachEntry(graph, nsg, 'security_rule', (p) => nsgRule(graph, nsg, p)),
        'Allow security_rule',
        'security_rule',
      ),
    azurerm_network_security_rule: single((g, r) => nsgRule(g, r, ''), 'Allow rule'),
  },
};
