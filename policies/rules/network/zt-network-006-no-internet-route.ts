import type { ResourceGraph } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import { type Check, type CheckResult, Rule, fail, pass } from '../../engine/rule';
import { eachOf } from '../shared/combine';
import { oneOf, setting } from '../shared/expect';
import { describeResolved, joinPath, listLength, rawAt, unknownAt } from '../shared/read';

/**
 * The platform's networks have no path to the internet: no route sends 0.0.0.0/0 or ::/0 to an
 * internet, NAT or egress-only gateway, no internet gateway is attached, and an Azure ML managed
 * network only allows approved outbound. The pack cannot tell a training VPC from another, so every
 * network it loads is judged (a public-facing one needs a waiver with its reason).
 */
const OPEN = new Set(['0.0.0.0/0', '::/0']);
const GATEWAY_TYPES = new Set(['AWS::EC2::InternetGateway', 'aws_internet_gateway']);

interface RouteFields {
  readonly destinations: readonly string[];
  readonly gateway: string;
  readonly nat: readonly string[];
}
const CFN: RouteFields = {
  destinations: ['DestinationCidrBlock', 'DestinationIpv6CidrBlock'],
  gateway: 'GatewayId',
  nat: ['NatGatewayId', 'EgressOnlyInternetGatewayId'],
};
const TF: RouteFields = {
  destinations: ['destination_cidr_block', 'destination_ipv6_cidr_block'],
  gateway: 'gateway_id',
  nat: ['nat_gateway_id', 'egress_only_gateway_id'],
};
const TF_INLINE: RouteFields = {
  destinations: ['cidr_block', 'ipv6_cidr_block'],
  gateway: 'gateway_id',
  nat: ['nat_gateway_id', 'egress_only_gateway_id'],
};

/** Whether a gateway value names an internet gateway: a loaded one, an `igw-` ID, or an unloaded aws_internet_gateway. */
function internetGateway(g: ResourceGraph, res: Resource, path: string): boolean | string {
  const r = g.value(res, path);
  if (r.kind === 'absent') return false;
  if (r.kind === 'reference') return GATEWAY_TYPES.has(r.to.type);
  if (r.kind === 'literal') return typeof r.value === 'string' && r.value.startsWith('igw-');
  if (r.kind === 'unknown' && r.target) return GATEWAY_TYPES.has(r.target.type);
  return describeResolved(r);
}

function judgeRoute(g: ResourceGraph, res: Resource, base: string, f: RouteFields): CheckResult[] {
  const dest = f.destinations.map((d) => joinPath(base, d)).find((p) => g.value(res, p).kind !== 'absent');
  if (!dest) return [];
  const d = g.value(res, dest);
  if (d.kind !== 'literal') return [unknownAt(dest, describeResolved(d))];
  if (typeof d.value !== 'string' || !OPEN.has(d.value)) return [pass(`${dest} is ${String(d.value)}`, dest)];
  const nat = f.nat.map((n) => joinPath(base, n)).find((p) => g.value(res, p).kind !== 'absent');
  if (nat) return [fail(`${dest} ${d.value} goes to ${nat}: instances behind it reach the internet`, nat)];
  const gw = joinPath(base, f.gateway);
  const igw = internetGateway(g, res, gw);
  if (igw === true) return [fail(`${dest} ${d.value} goes to an internet gateway (${gw})`, gw)];
  if (typeof igw === 'string') return [unknownAt(gw, igw)];
  return [pass(`${dest} ${d.value} goes to a private target (peering, transit gateway, endpoint)`, dest)];
}

const verdict = (results: readonly CheckResult[]): CheckResult[] =>
  results.length === 0 ? [pass('no default route')] : eachOf(results);

const route =
  (f: RouteFields): Check =>
  (res, { graph }) =>
    verdict(judgeRoute(graph, res, '', f));

const tfRouteTable: Check = (res, { graph }) => {
  if (rawAt(res, 'dynamic.route') !== undefined)
    return unknownAt('dynamic.route', 'a dynamic block is rendered from for_each at plan time');
  const n = listLength(graph, res, 'route');
  if (n.kind === 'unknown') return unknownAt('route', n.reason);
  const out: CheckResult[] = [];
  for (let i = 0; n.kind === 'value' && i < n.value; i++)
    out.push(...judgeRoute(graph, res, joinPath('route', i), TF_INLINE));
  return verdict(out);
};

const attached =
  (what: string, path: string): Check =>
  (res, { graph }) =>
    graph.value(res, path).kind === 'absent'
      ? pass(`${path} is not set: the internet gateway is attached to no VPC here`, path)
      : fail(`${what} attaches an internet gateway to a VPC: the network has an internet path`, path);

const ISOLATION = setting(
  oneOf('managed_network.isolation_mode', ['AllowOnlyApprovedOutbound'], {
    providerDefault: 'Disabled',
    risk: 'compute in the workspace reaches the internet',
  }),
);

export const noInternetRouteRule: Rule = {
  id: 'ZT-NETWORK-006',
  title: 'Networks have no route to the internet',
  severity: 'high',
  layer: 'network',
  rationale:
    'GPU training reads the curated data and writes the model: a default route to an internet or NAT gateway lets ' +
    'any code in the job send both anywhere. Isolated subnets reach AWS APIs through VPC endpoints and Azure ML ' +
    'through its managed network with approved outbound rules only, so exfiltration has no path.',
  remediation:
    'AWS: no 0.0.0.0/0 or ::/0 route to an internet, NAT or egress-only gateway, and no internet gateway attached ' +
    '(CDK ec2.Vpc({ natGateways: 0, subnetConfiguration: [{ subnetType: PRIVATE_ISOLATED }] }); reach services ' +
    'through VPC endpoints). Azure ML: managed_network { isolation_mode = "AllowOnlyApprovedOutbound" }.',
  controls: [
    { framework: 'NIST-800-53', id: 'SC-7' },
    { framework: 'NIST-800-53', id: 'SC-7(5)' },
    { framework: 'NIST-800-53', id: 'AC-4' },
    { framework: 'SOC2', id: 'CC6.6' },
    { framework: 'HIPAA', id: '164.312(e)(1)' },
    { framework: 'GDPR', id: 'Art. 32(1)(b)' },
    { framework: 'ISO-27001', id: 'A.8.22' },
    { framework: 'ISO-42001', id: 'A.6.2.4' },
  ],
  equivalents: [],
  checks: {
    'AWS::EC2::Route': route(CFN),
    aws_route: route(TF),
    aws_route_table: tfRouteTable,
    'AWS::EC2::VPCGatewayAttachment': attached('the attachment', 'InternetGatewayId'),
    aws_internet_gateway: attached('vpc_id', 'vpc_id'),
    aws_internet_gateway_attachment: attached('the attachment', 'vpc_id'),
    azurerm_machine_learning_workspace: ISOLATION,
  },
};
