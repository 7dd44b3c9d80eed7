import { noOpenCidrRule } from '../../../policies/rules/network/zt-network-003-no-open-cidr';
import { RuleCases, cfn, tf } from '../helpers';

const sg = (props: Record<string, unknown>) =>
  cfn({ Sg: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'g', VpcId: 'vpc-1', ...props } } });
const closedEgress = [{ IpProtocol: 'icmp', CidrIp: '255.255.255.255/32', FromPort: 252, ToPort: 86 }];
const standalone = (type: string, props: Record<string, unknown>) =>
  cfn({ R: { Type: type, Properties: { GroupId: 'sg-1', IpProtocol: 'tcp', FromPort: 443, ToPort: 443, ...props } } });
const tfRes = (type: string, body: Record<string, unknown>) => tf({ [type]: { r: body } });
const nsgRule = (body: Record<string, unknown>) =>
  tfRes('azurerm_network_security_rule', {
    name: 'r',
    priority: 100,
    access: 'Allow',
    protocol: 'Tcp',
    direction: 'Inbound',
    destination_port_range: '443',
    source_port_range: '*',
    destination_address_prefix: 'VirtualNetwork',
    ...body,
  });

export const cases: RuleCases = {
  rule: noOpenCidrRule,
  cases: [
    {
      name: 'CFN group with a peer-only ingress and a closed egress',
      doc: sg({
        SecurityGroupIngress: [{ IpProtocol: 'tcp', CidrIp: '10.0.0.0/16' }],
        SecurityGroupEgress: closedEgress,
      }),
      address: 'Sg',
      verdict: 'pass',
    },
    {
      name: 'CFN group without SecurityGroupEgress keeps the default allow-all egress',
      doc: sg({}),
      address: 'Sg',
      verdict: 'fail',
      path: 'SecurityGroupEgress',
    },
    {
      name: 'CFN group whose only egress rules are AWS::EC2::SecurityGroupEgress resources (default rule replaced)',
      doc: cfn({
        Sg: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'g', VpcId: 'vpc-1' } },
        Out: {
          Type: 'AWS::EC2::SecurityGroupEgress',
          Properties: {
            GroupId: { 'Fn::GetAtt': ['Sg', 'GroupId'] },
            IpProtocol: 'tcp',
            FromPort: 443,
            ToPort: 443,
            DestinationPrefixListId: 'pl-1',
          },
        },
      }),
      address: 'Sg',
      verdict: 'pass',
    },
    {
      name: 'CFN group whose only egress rule exists under a condition',
      doc: cfn(
        {
          Sg: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'g', VpcId: 'vpc-1' } },
          Out: {
            Type: 'AWS::EC2::SecurityGroupEgress',
            Condition: 'Locked',
            Properties: { GroupId: { Ref: 'Sg' }, IpProtocol: 'tcp', DestinationPrefixListId: 'pl-1' },
          },
        },
        { Parameters: { P: { Type: 'String' } }, Conditions: { Locked: { 'Fn::Equals': [{ Ref: 'P' }, 'x'] } } },
      ),
      address: 'Sg',
      verdict: 'unknown',
    },
    {
      name: 'CFN group with 0.0.0.0/0 ingress on 443',
      doc: sg({
        SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '0.0.0.0/0' }],
        SecurityGroupEgress: closedEgress,
      }),
      address: 'Sg',
      verdict: 'fail',
      path: 'SecurityGroupIngress.0.CidrIp',
    },
    {
      name: 'CFN group with ::/0 egress',
      doc: sg({ SecurityGroupEgress: [{ IpProtocol: '-1', CidrIpv6: '::/0' }] }),
      address: 'Sg',
      verdict: 'fail',
      path: 'SecurityGroupEgress.0.CidrIpv6',
    },
    {
      name: 'CFN group ingress CIDR from a parameter',
      doc: cfn(
        {
          Sg: {
            Type: 'AWS::EC2::SecurityGroup',
            Properties: {
              GroupDescription: 'g',
              SecurityGroupIngress: [{ IpProtocol: 'tcp', CidrIp: { Ref: 'Cidr' } }],
              SecurityGroupEgress: closedEgress,
            },
          },
        },
        { Parameters: { Cidr: { Type: 'String' } } },
      ),
      address: 'Sg',
      verdict: 'unknown',
    },
    {
      name: 'CFN group ingress from a parameter whose Default is 0.0.0.0/0',
      doc: cfn(
        {
          Sg: {
            Type: 'AWS::EC2::SecurityGroup',
            Properties: {
              GroupDescription: 'g',
              SecurityGroupIngress: [{ IpProtocol: 'tcp', CidrIp: { Ref: 'Cidr' } }],
              SecurityGroupEgress: closedEgress,
            },
          },
        },
        { Parameters: { Cidr: { Type: 'String', Default: '0.0.0.0/0' } } },
      ),
      address: 'Sg',
      verdict: 'fail',
      path: 'SecurityGroupIngress.0.CidrIp',
      message: /Default is 0\.0\.0\.0\/0/,
    },
    {
      name: 'NSG rule inbound from a /0 prefix of another network address',
      doc: nsgRule({ source_address_prefix: '10.0.0.0/0' }),
      address: 'azurerm_network_security_rule.r',
      verdict: 'fail',
      path: 'source_address_prefix',
    },
    {
      name: 'CFN ingress from another security group',
      doc: standalone('AWS::EC2::SecurityGroupIngress', { SourceSecurityGroupId: 'sg-2' }),
      address: 'R',
      verdict: 'pass',
    },
    {
      name: 'CFN ingress from 0.0.0.0/0',
      doc: standalone('AWS::EC2::SecurityGroupIngress', { CidrIp: '0.0.0.0/0' }),
      address: 'R',
      verdict: 'fail',
      path: 'CidrIp',
    },
    {
      name: 'CFN ingress naming no source (EC2 refuses it): unknown, not a pass',
      doc: standalone('AWS::EC2::SecurityGroupIngress', {}),
      address: 'R',
      verdict: 'unknown',
      message: /names no source/,
    },
    {
      name: 'CFN egress to a VPC CIDR',
      doc: standalone('AWS::EC2::SecurityGroupEgress', { CidrIp: '10.0.0.0/16' }),
      address: 'R',
      verdict: 'pass',
    },
    {
      name: 'CFN egress to ::/0',
      doc: standalone('AWS::EC2::SecurityGroupEgress', { CidrIpv6: '::/0' }),
      address: 'R',
      verdict: 'fail',
      path: 'CidrIpv6',
    },
    {
      name: 'tf group without blocks (Terraform removes the default egress)',
      doc: tfRes('aws_security_group', { name: 'g' }),
      address: 'aws_security_group.r',
      verdict: 'pass',
    },
    {
      name: 'tf group with a private ingress block',
      doc: tfRes('aws_security_group', { ingress: [{ from_port: 443, to_port: 443, cidr_blocks: ['10.0.0.0/8'] }] }),
      address: 'aws_security_group.r',
      verdict: 'pass',
    },
    {
      name: 'tf group whose ingress block names no source (self = false, cidr_blocks = null)',
      doc: tfRes('aws_security_group', {
        ingress: [{ from_port: 0, to_port: 0, protocol: '-1', self: false, cidr_blocks: null }],
      }),
      address: 'aws_security_group.r',
      verdict: 'unknown',
      path: 'ingress.0',
      message: /names no source/,
    },
    {
      name: 'tf group ingress from another security group (no CIDR)',
      doc: tfRes('aws_security_group', { ingress: [{ from_port: 22, to_port: 22, security_groups: ['sg-1'] }] }),
      address: 'aws_security_group.r',
      verdict: 'pass',
    },
    {
      name: 'tf group with open egress in the second CIDR',
      doc: tfRes('aws_security_group', {
        egress: [{ from_port: 0, to_port: 0, protocol: '-1', cidr_blocks: ['10.0.0.0/8', '0.0.0.0/0'] }],
      }),
      address: 'aws_security_group.r',
      verdict: 'fail',
      path: 'egress.0.cidr_blocks.1',
    },
    {
      name: 'tf group with ::/0 ingress',
      doc: tfRes('aws_security_group', { ingress: [{ from_port: 22, to_port: 22, ipv6_cidr_blocks: ['::/0'] }] }),
      address: 'aws_security_group.r',
      verdict: 'fail',
      path: 'ingress.0.ipv6_cidr_blocks.0',
    },
    {
      name: 'tf group ingress CIDRs from a variable',
      doc: tfRes('aws_security_group', { ingress: [{ from_port: 22, to_port: 22, cidr_blocks: '${var.cidrs}' }] }),
      address: 'aws_security_group.r',
      verdict: 'unknown',
    },
    {
      name: 'tf group with a dynamic ingress block',
      doc: tfRes('aws_security_group', {
        dynamic: { ingress: [{ for_each: '${var.rules}', content: [{ cidr_blocks: ['${ingress.value}'] }] }] },
      }),
      address: 'aws_security_group.r',
      verdict: 'unknown',
    },
    {
      name: 'tf security_group_rule from a private CIDR',
      doc: tfRes('aws_security_group_rule', { type: 'ingress', cidr_blocks: ['10.1.0.0/16'], from_port: 443 }),
      address: 'aws_security_group_rule.r',
      verdict: 'pass',
    },
    {
      name: 'tf security_group_rule egress to 0.0.0.0/0',
      doc: tfRes('aws_security_group_rule', { type: 'egress', cidr_blocks: ['0.0.0.0/0'], from_port: 0 }),
      address: 'aws_security_group_rule.r',
      verdict: 'fail',
      path: 'cidr_blocks.0',
    },
    {
      name: 'tf vpc ingress rule from a prefix list',
      doc: tfRes('aws_vpc_security_group_ingress_rule', { prefix_list_id: 'pl-1', ip_protocol: 'tcp' }),
      address: 'aws_vpc_security_group_ingress_rule.r',
      verdict: 'pass',
    },
    {
      name: 'tf vpc ingress rule naming no source',
      doc: tfRes('aws_vpc_security_group_ingress_rule', { from_port: 22, to_port: 22, ip_protocol: 'tcp' }),
      address: 'aws_vpc_security_group_ingress_rule.r',
      verdict: 'unknown',
      message: /names no source/,
    },
    {
      name: 'tf vpc ingress rule from 0.0.0.0/0',
      doc: tfRes('aws_vpc_security_group_ingress_rule', { cidr_ipv4: '0.0.0.0/0', ip_protocol: 'tcp' }),
      address: 'aws_vpc_security_group_ingress_rule.r',
      verdict: 'fail',
      path: 'cidr_ipv4',
    },
    {
      name: 'tf vpc egress rule to a VPC CIDR',
      doc: tfRes('aws_vpc_security_group_egress_rule', { cidr_ipv4: '10.0.0.0/16', ip_protocol: '-1' }),
      address: 'aws_vpc_security_group_egress_rule.r',
      verdict: 'pass',
    },
    {
      name: 'tf vpc egress rule to ::/0',
      doc: tfRes('aws_vpc_security_group_egress_rule', { cidr_ipv6: '::/0', ip_protocol: '-1' }),
      address: 'aws_vpc_security_group_egress_rule.r',
      verdict: 'fail',
      path: 'cidr_ipv6',
    },
    {
      name: 'tf vpc egress rule CIDR from a variable',
      doc: tfRes('aws_vpc_security_group_egress_rule', { cidr_ipv4: '${var.cidr}', ip_protocol: '-1' }),
      address: 'aws_vpc_security_group_egress_rule.r',
      verdict: 'unknown',
    },
    {
      name: 'NSG rule inbound from a service tag',
      doc: nsgRule({ source_address_prefix: 'AzureLoadBalancer' }),
      address: 'azurerm_network_security_rule.r',
      verdict: 'pass',
    },
    {
      name: 'NSG rule inbound from Internet',
      doc: nsgRule({ source_address_prefix: 'Internet' }),
      address: 'azurerm_network_security_rule.r',
      verdict: 'fail',
      path: 'source_address_prefix',
    },
    {
      name: 'NSG rule denying inbound from *',
      doc: nsgRule({ access: 'Deny', source_address_prefix: '*' }),
      address: 'azurerm_network_security_rule.r',
      verdict: 'pass',
    },
    {
      name: 'NSG rule outbound to * (the destination counts)',
      doc: nsgRule({ direction: 'Outbound', source_address_prefix: 'VirtualNetwork', destination_address_prefix: '*' }),
      address: 'azurerm_network_security_rule.r',
      verdict: 'fail',
      path: 'destination_address_prefix',
    },
    {
      name: 'NSG rule inbound prefixes from a variable',
      doc: nsgRule({ source_address_prefixes: '${var.prefixes}' }),
      address: 'azurerm_network_security_rule.r',
      verdict: 'unknown',
    },
    {
      name: 'NSG with only VNet-internal and deny rules',
      doc: tfRes('azurerm_network_security_group', {
        security_rule: [
          { name: 'a', access: 'Allow', direction: 'Inbound', source_address_prefix: 'VirtualNetwork' },
          { name: 'd', access: 'Deny', direction: 'Outbound', destination_address_prefix: 'Internet' },
        ],
      }),
      address: 'azurerm_network_security_group.r',
      verdict: 'pass',
    },
    {
      name: 'NSG inline rule allowing inbound from Any',
      doc: tfRes('azurerm_network_security_group', {
        security_rule: [
          { name: 'a', access: 'Allow', direction: 'Inbound', source_address_prefix: 'VirtualNetwork' },
          { name: 'b', access: 'Allow', direction: 'Inbound', source_address_prefixes: ['10.0.0.0/8', 'Any'] },
        ],
      }),
      address: 'azurerm_network_security_group.r',
      verdict: 'fail',
      path: 'security_rule.1.source_address_prefixes.1',
    },
  ],
};
