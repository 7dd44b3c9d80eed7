import { noInternetRouteRule } from '../../../policies/rules/network/zt-network-006-no-internet-route';
import { RuleCases, cfn, tf } from '../helpers';

const IGW = { Type: 'AWS::EC2::InternetGateway', Properties: {} };
const cfnRoute = (props: Record<string, unknown>) =>
  cfn({ Igw: IGW, R: { Type: 'AWS::EC2::Route', Properties: { RouteTableId: 'rtb-1', ...props } } });
const tfOne = (type: string, body: Record<string, unknown>) => tf({ [type]: { r: body } });
const ws = (body: Record<string, unknown>) =>
  tfOne('azurerm_machine_learning_workspace', { name: 'w', location: 'x', resource_group_name: 'rg', ...body });

export const cases: RuleCases = {
  rule: noInternetRouteRule,
  cases: [
    {
      name: 'route of the VPC CIDR to a peering',
      doc: cfnRoute({ DestinationCidrBlock: '10.1.0.0/16', VpcPeeringConnectionId: 'pcx-1' }),
      address: 'R',
      verdict: 'pass',
    },
    {
      name: 'default route to the internet gateway',
      doc: cfnRoute({ DestinationCidrBlock: '0.0.0.0/0', GatewayId: { Ref: 'Igw' } }),
      address: 'R',
      verdict: 'fail',
      path: 'GatewayId',
    },
    {
      name: 'default route to a NAT gateway',
      doc: cfnRoute({ DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-1' }),
      address: 'R',
      verdict: 'fail',
      path: 'NatGatewayId',
    },
    {
      name: 'IPv6 default route to an egress-only gateway',
      doc: cfnRoute({ DestinationIpv6CidrBlock: '::/0', EgressOnlyInternetGatewayId: 'eigw-1' }),
      address: 'R',
      verdict: 'fail',
      path: 'EgressOnlyInternetGatewayId',
    },
    {
      name: 'default route to a transit gateway',
      doc: cfnRoute({ DestinationCidrBlock: '0.0.0.0/0', TransitGatewayId: 'tgw-1' }),
      address: 'R',
      verdict: 'pass',
    },
    {
      name: 'default route to a gateway from a parameter',
      doc: cfn(
        { R: { Type: 'AWS::EC2::Route', Properties: { DestinationCidrBlock: '0.0.0.0/0', GatewayId: { Ref: 'G' } } } },
        { Parameters: { G: { Type: 'String' } } },
      ),
      address: 'R',
      verdict: 'unknown',
    },
    {
      name: 'tf route to a peering',
      doc: tfOne('aws_route', { destination_cidr_block: '10.2.0.0/16', vpc_peering_connection_id: 'pcx-1' }),
      address: 'aws_route.r',
      verdict: 'pass',
    },
    {
      name: 'tf default route to an igw- ID',
      doc: tfOne('aws_route', { destination_cidr_block: '0.0.0.0/0', gateway_id: 'igw-123' }),
      address: 'aws_route.r',
      verdict: 'fail',
      path: 'gateway_id',
    },
    {
      name: 'tf default route to an aws_internet_gateway not loaded',
      doc: tfOne('aws_route', { destination_cidr_block: '0.0.0.0/0', gateway_id: '${aws_internet_gateway.gw.id}' }),
      address: 'aws_route.r',
      verdict: 'fail',
      path: 'gateway_id',
    },
    {
      name: 'tf default route to a variable gateway',
      doc: tfOne('aws_route', { destination_cidr_block: '0.0.0.0/0', gateway_id: '${var.gw}' }),
      address: 'aws_route.r',
      verdict: 'unknown',
    },
    {
      name: 'tf route table without routes',
      doc: tfOne('aws_route_table', { vpc_id: 'vpc-1' }),
      address: 'aws_route_table.r',
      verdict: 'pass',
    },
    {
      name: 'tf route table with an inline NAT default route',
      doc: tfOne('aws_route_table', {
        vpc_id: 'vpc-1',
        route: [
          { cidr_block: '10.0.0.0/8', transit_gateway_id: 'tgw-1' },
          { cidr_block: '0.0.0.0/0', nat_gateway_id: 'nat-1' },
        ],
      }),
      address: 'aws_route_table.r',
      verdict: 'fail',
      path: 'route.1.nat_gateway_id',
    },
    {
      name: 'internet gateway attached to a VPC',
      doc: cfn({
        Igw: IGW,
        A: {
          Type: 'AWS::EC2::VPCGatewayAttachment',
          Properties: { VpcId: 'vpc-1', InternetGatewayId: { Ref: 'Igw' } },
        },
      }),
      address: 'A',
      verdict: 'fail',
      path: 'InternetGatewayId',
    },
    {
      name: 'VPN gateway attachment',
      doc: cfn({
        A: { Type: 'AWS::EC2::VPCGatewayAttachment', Properties: { VpcId: 'vpc-1', VpnGatewayId: 'vgw-1' } },
      }),
      address: 'A',
      verdict: 'pass',
    },
    {
      name: 'tf internet gateway in a VPC',
      doc: tfOne('aws_internet_gateway', { vpc_id: 'vpc-1' }),
      address: 'aws_internet_gateway.r',
      verdict: 'fail',
      path: 'vpc_id',
    },
    {
      name: 'tf detached internet gateway',
      doc: tfOne('aws_internet_gateway', {}),
      address: 'aws_internet_gateway.r',
      verdict: 'pass',
    },
    {
      name: 'tf internet gateway attachment',
      doc: tfOne('aws_internet_gateway_attachment', { vpc_id: 'vpc-1', internet_gateway_id: 'igw-1' }),
      address: 'aws_internet_gateway_attachment.r',
      verdict: 'fail',
      path: 'vpc_id',
    },
    {
      name: 'tf internet gateway attachment without a VPC (invalid, attaches nothing)',
      doc: tfOne('aws_internet_gateway_attachment', { internet_gateway_id: 'igw-1' }),
      address: 'aws_internet_gateway_attachment.r',
      verdict: 'pass',
    },
    {
      name: 'AML workspace with approved outbound only',
      doc: ws({ managed_network: [{ isolation_mode: 'AllowOnlyApprovedOutbound' }] }),
      address: 'azurerm_machine_learning_workspace.r',
      verdict: 'pass',
    },
    {
      name: 'AML workspace allowing internet outbound',
      doc: ws({ managed_network: [{ isolation_mode: 'AllowInternetOutbound' }] }),
      address: 'azurerm_machine_learning_workspace.r',
      verdict: 'fail',
      path: 'managed_network.isolation_mode',
    },
    {
      name: 'AML workspace without a managed network (Disabled)',
      doc: ws({}),
      address: 'azurerm_machine_learning_workspace.r',
      verdict: 'fail',
      path: 'managed_network.isolation_mode',
    },
    {
      name: 'AML workspace isolation mode from a variable',
      doc: ws({ managed_network: [{ isolation_mode: '${var.mode}' }] }),
      address: 'azurerm_machine_learning_workspace.r',
      verdict: 'unknown',
    },
  ],
};
