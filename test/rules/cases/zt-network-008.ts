import { noPublicIpsRule } from '../../../policies/rules/network/zt-network-008-no-public-ips-on-launch';
import { RuleCases, cfn, tf } from '../helpers';

const subnet = (props: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  cfn({ Sn: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: 'vpc-1', CidrBlock: '10.0.0.0/24', ...props } } }, extra);
const tfSubnet = (args: Record<string, unknown>) =>
  tf({ aws_subnet: { s: { vpc_id: 'vpc-1', cidr_block: '10.0.0.0/24', ...args } } });
const vnet = (args: Record<string, unknown>) =>
  tf({
    azurerm_virtual_network: {
      v: { name: 'v', location: 'westeurope', resource_group_name: 'rg', address_space: ['10.0.0.0/16'], ...args },
    },
  });
const inline = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  address_prefixes: ['10.0.0.0/24'],
  ...extra,
});
const azSubnet = (args: Record<string, unknown>) =>
  tf({
    azurerm_subnet: {
      s: {
        name: 's',
        resource_group_name: 'rg',
        virtual_network_name: 'v',
        address_prefixes: ['10.0.0.0/24'],
        ...args,
      },
    },
  });

export const cases: RuleCases = {
  rule: noPublicIpsRule,
  cases: [
    { name: 'subnet without MapPublicIpOnLaunch (default false)', doc: subnet({}), address: 'Sn', verdict: 'pass' },
    {
      name: 'subnet with MapPublicIpOnLaunch false',
      doc: subnet({ MapPublicIpOnLaunch: false }),
      address: 'Sn',
      verdict: 'pass',
    },
    {
      name: 'public subnet mapping public IPs on launch',
      doc: subnet({ MapPublicIpOnLaunch: true }),
      address: 'Sn',
      verdict: 'fail',
      path: 'MapPublicIpOnLaunch',
    },
    {
      name: 'MapPublicIpOnLaunch from a parameter',
      doc: subnet({ MapPublicIpOnLaunch: { Ref: 'Public' } }, { Parameters: { Public: { Type: 'String' } } }),
      address: 'Sn',
      verdict: 'unknown',
      path: 'MapPublicIpOnLaunch',
    },
    { name: 'aws_subnet without map_public_ip_on_launch', doc: tfSubnet({}), address: 'aws_subnet.s', verdict: 'pass' },
    {
      name: 'aws_subnet mapping public IPs',
      doc: tfSubnet({ map_public_ip_on_launch: true }),
      address: 'aws_subnet.s',
      verdict: 'fail',
      path: 'map_public_ip_on_launch',
    },
    {
      name: 'aws_subnet map_public_ip_on_launch from a variable',
      doc: tfSubnet({ map_public_ip_on_launch: '${var.public}' }),
      address: 'aws_subnet.s',
      verdict: 'unknown',
    },
    {
      name: 'azurerm_subnet without default outbound access',
      doc: azSubnet({ default_outbound_access_enabled: false }),
      address: 'azurerm_subnet.s',
      verdict: 'pass',
    },
    {
      name: 'azurerm_subnet leaving default outbound access on (provider default true)',
      doc: azSubnet({}),
      address: 'azurerm_subnet.s',
      verdict: 'fail',
      path: 'default_outbound_access_enabled',
    },
    {
      name: 'azurerm_subnet with default outbound access on',
      doc: azSubnet({ default_outbound_access_enabled: true }),
      address: 'azurerm_subnet.s',
      verdict: 'fail',
      path: 'default_outbound_access_enabled',
    },
    {
      name: 'azurerm_subnet default outbound access from a variable',
      doc: azSubnet({ default_outbound_access_enabled: '${var.outbound}' }),
      address: 'azurerm_subnet.s',
      verdict: 'unknown',
    },
    {
      name: 'subnet assigning IPv6 addresses on creation',
      doc: subnet({ AssignIpv6AddressOnCreation: true }),
      address: 'Sn',
      verdict: 'fail',
      path: 'AssignIpv6AddressOnCreation',
    },
    {
      name: 'aws_subnet assigning IPv6 addresses on creation',
      doc: tfSubnet({ assign_ipv6_address_on_creation: true }),
      address: 'aws_subnet.s',
      verdict: 'fail',
      path: 'assign_ipv6_address_on_creation',
    },
    {
      name: 'aws_default_subnet left as AWS made it (maps public IPs)',
      doc: tf({ aws_default_subnet: { d: { availability_zone: 'eu-west-1a' } } }),
      address: 'aws_default_subnet.d',
      verdict: 'fail',
      path: 'map_public_ip_on_launch',
    },
    {
      name: 'aws_default_subnet with public IP mapping turned off',
      doc: tf({ aws_default_subnet: { d: { availability_zone: 'eu-west-1a', map_public_ip_on_launch: false } } }),
      address: 'aws_default_subnet.d',
      verdict: 'pass',
    },
    {
      name: 'virtual network whose inline subnets turn default outbound access off',
      doc: vnet({
        subnet: [
          inline('a', { default_outbound_access_enabled: false }),
          inline('b', { default_outbound_access_enabled: false }),
        ],
      }),
      address: 'azurerm_virtual_network.v',
      verdict: 'pass',
    },
    {
      name: 'virtual network with one inline subnet left on default outbound access',
      doc: vnet({ subnet: [inline('a', { default_outbound_access_enabled: false }), inline('b')] }),
      address: 'azurerm_virtual_network.v',
      verdict: 'fail',
      path: 'subnet.1.default_outbound_access_enabled',
    },
    {
      name: 'virtual network with a single inline subnet block',
      doc: vnet({ subnet: inline('a', { default_outbound_access_enabled: true }) }),
      address: 'azurerm_virtual_network.v',
      verdict: 'fail',
      path: 'subnet.default_outbound_access_enabled',
    },
    {
      name: 'virtual network without inline subnets',
      doc: vnet({}),
      address: 'azurerm_virtual_network.v',
      verdict: 'not_applicable',
    },
    {
      name: 'virtual network subnets from a variable',
      doc: vnet({ subnet: '${var.subnets}' }),
      address: 'azurerm_virtual_network.v',
      verdict: 'unknown',
      path: 'subnet',
    },
    {
      name: 'virtual network dynamic subnets turning default outbound access off: only as good as for_each',
      doc: vnet({
        dynamic: {
          subnet: [
            {
              for_each: '${var.subnets}',
              content: [inline('${subnet.key}', { default_outbound_access_enabled: false })],
            },
          ],
        },
      }),
      address: 'azurerm_virtual_network.v',
      verdict: 'unknown',
      path: 'dynamic.subnet.content',
    },
  ],
};
