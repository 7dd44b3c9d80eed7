import { type Check, type CheckResult, Rule, notApplicable } from '../../engine/rule';
import { allChecks, eachOf } from '../shared/combine';
import { isFalse, judgeSetting, setting } from '../shared/expect';
import { nagEquivalents } from '../shared/nag-equivalents';
import { joinPath, listLength, rawAt, unknownAt } from '../shared/read';
import { throughDynamic } from '../shared/tf-blocks';

/**
 * A subnet that hands out public addresses puts every instance launched in it on the internet, whatever
 * the launching team asked for; an Azure subnet with default outbound access gives its VMs an implicit
 * public outbound IP. Both are internet paths no route table or NSG in the template shows.
 * - AWS: MapPublicIpOnLaunch (IPv4) and AssignIpv6AddressOnCreation (every AWS IPv6 address is globally
 *   routable), both off by default, as cdk-nag's VPCSubnetAutoAssignPublicIpDisabled judges them. An
 *   adopted default subnet (aws_default_subnet) keeps AWS's true unless the argument says otherwise.
 * - Azure: default_outbound_access_enabled defaults to true in azurerm 4.x, on azurerm_subnet and on the
 *   inline subnet blocks of azurerm_virtual_network.
 * Checkov's CKV_AWS_130 (aws_subnet map_public_ip_on_launch) has no fixtures in the conformance corpus,
 * so it is not listed as an equivalent (the metadata test demands one).
 */
const IPV4_RISK = 'every instance launched in the subnet gets a public IPv4 address';
const IPV6_RISK = 'every instance launched in the subnet gets a globally routable IPv6 address';
const AZURE_RISK = 'VMs in the subnet get an implicit public outbound IP';

const awsSubnet = (ipv4: string, ipv6: string, ipv4Default: boolean): Check =>
  allChecks(
    setting(isFalse(ipv4, { providerDefault: ipv4Default, risk: IPV4_RISK })),
    setting(isFalse(ipv6, { providerDefault: false, risk: IPV6_RISK })),
  );

const outbound = isFalse('default_outbound_access_enabled', { providerDefault: true, risk: AZURE_RISK });

/** Every inline subnet block of a virtual network (static or dynamic) must turn default outbound access off. */
const inlineSubnets: Check = (vnet, { graph }) => {
  const results: CheckResult[] = [];
  const n = listLength(graph, vnet, 'subnet');
  if (n.kind === 'unknown') results.push(unknownAt('subnet', n.reason));
  for (let i = 0; n.kind === 'value' && i < n.value; i++) {
    results.push(judgeSetting(graph, vnet, outbound, n.value === 1 ? 'subnet' : joinPath('subnet', i)));
  }
  const dynamic = rawAt(vnet, 'dynamic.subnet') !== undefined;
  if (dynamic) {
    const base = 'dynamic.subnet.content';
    results.push(throughDynamic({ kind: 'dynamic', path: base }, judgeSetting(graph, vnet, outbound, base)));
  }
  if (results.length === 0) return notApplicable('declares no inline subnet (azurerm_subnet resources are judged)');
  return eachOf(results);
};

export const noPublicIpsRule: Rule = {
  id: 'ZT-NETWORK-008',
  title: 'Subnets hand out no public addresses',
  severity: 'high',
  layer: 'network',
  rationale:
    'Training nodes and notebooks hold data and credentials; a public address on them is an internet path that ' +
    'bypasses the private design. AWS subnets that map public IPv4 addresses (or assign IPv6 addresses, all of ' +
    'which are globally routable) on launch give one to every instance, whatever the launching team intended; ' +
    'Azure subnets with default outbound access give VMs an implicit public outbound IP that Microsoft retires ' +
    'for new networks precisely because it is invisible to the network\u2019s owners.',
  remediation:
    'AWS: leave MapPublicIpOnLaunch and AssignIpv6AddressOnCreation unset or false (Terraform ' +
    'map_public_ip_on_launch / assign_ipv6_address_on_creation; an aws_default_subnet needs ' +
    'map_public_ip_on_launch = false explicitly). CDK: SubnetType.PRIVATE_ISOLATED or PRIVATE_WITH_EGRESS leave ' +
    'both off. Azure: default_outbound_access_enabled = false on every azurerm_subnet and inline subnet block, ' +
    'with egress, where any is needed, through a NAT gateway or firewall the platform declares.',
  remediationBy: {
    cdk: 'Use SubnetType.PRIVATE_ISOLATED or PRIVATE_WITH_EGRESS (no public subnets), or set mapPublicIpOnLaunch: false.',
    cdktf:
      'Subnet: defaultOutboundAccessEnabled: false (azurerm); mapPublicIpOnLaunch: false and ' +
      'assignIpv6AddressOnCreation unset or false (aws).',
  },
  controls: [
    { framework: 'NIST-800-53', id: 'SC-7' },
    { framework: 'NIST-800-53', id: 'SC-7(5)' },
    { framework: 'SOC2', id: 'CC6.6' },
    { framework: 'HIPAA', id: '164.312(e)(1)' },
    { framework: 'GDPR', id: 'Art. 32(1)(b)' },
    { framework: 'ISO-27001', id: 'A.8.20' },
    { framework: 'ISO-27001', id: 'A.8.22' },
  ],
  equivalents: [
    ...nagEquivalents(
      ['NIST.800.53.R5-VPCSubnetAutoAssignPublicIpDisabled', 'HIPAA.Security-VPCSubnetAutoAssignPublicIpDisabled'],
      ['AWS::EC2::Subnet'],
    ),
  ],
  scope: 'resource',
  checks: {
    'AWS::EC2::Subnet': awsSubnet('MapPublicIpOnLaunch', 'AssignIpv6AddressOnCreation', false),
    aws_subnet: awsSubnet('map_public_ip_on_launch', 'assign_ipv6_address_on_creation', false),
    // An adopted default subnet maps public IPv4 addresses (AWS's setting) unless told otherwise.
    aws_default_subnet: awsSubnet('map_public_ip_on_launch', 'assign_ipv6_address_on_creation', true),
    azurerm_subnet: setting(outbound),
    azurerm_virtual_network: inlineSubnets,
  },
};
