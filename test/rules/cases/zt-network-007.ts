import { privateDnsRule } from '../../../policies/rules/network/zt-network-007-private-dns';
import { RuleCases, cfn, tf } from '../helpers';

const endpoint = (props: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  cfn(
    { Ep: { Type: 'AWS::EC2::VPCEndpoint', Properties: { VpcId: 'vpc-1', ServiceName: 'com.amazonaws.x', ...props } } },
    extra,
  );
const tfEndpoint = (args: Record<string, unknown>) =>
  tf({ aws_vpc_endpoint: { ep: { vpc_id: 'vpc-1', service_name: 'com.amazonaws.eu-west-1.sts', ...args } } });
const azEndpoint = (args: Record<string, unknown>) =>
  tf({
    azurerm_private_endpoint: {
      pe: {
        name: 'pe',
        location: 'westeurope',
        resource_group_name: 'rg',
        subnet_id: '/subscriptions/s/x',
        private_service_connection: { name: 'psc', is_manual_connection: false, private_connection_resource_id: 'id' },
        ...args,
      },
    },
  });

export const cases: RuleCases = {
  rule: privateDnsRule,
  cases: [
    {
      name: 'interface endpoint with private DNS',
      doc: endpoint({ VpcEndpointType: 'Interface', PrivateDnsEnabled: true }),
      address: 'Ep',
      verdict: 'pass',
    },
    {
      name: 'interface endpoint without PrivateDnsEnabled (CloudFormation default false)',
      doc: endpoint({ VpcEndpointType: 'Interface' }),
      address: 'Ep',
      verdict: 'fail',
      path: 'PrivateDnsEnabled',
    },
    {
      name: 'interface endpoint with private DNS off',
      doc: endpoint({ VpcEndpointType: 'Interface', PrivateDnsEnabled: false }),
      address: 'Ep',
      verdict: 'fail',
      path: 'PrivateDnsEnabled',
    },
    { name: 'gateway endpoint (default type): no DNS', doc: endpoint({}), address: 'Ep', verdict: 'pass' },
    {
      name: 'endpoint type from a parameter',
      doc: endpoint({ VpcEndpointType: { Ref: 'Kind' } }, { Parameters: { Kind: { Type: 'String' } } }),
      address: 'Ep',
      verdict: 'unknown',
      path: 'VpcEndpointType',
    },
    {
      name: 'private DNS from a condition',
      doc: endpoint(
        { VpcEndpointType: 'Interface', PrivateDnsEnabled: { 'Fn::If': ['Dns', true, false] } },
        { Conditions: { Dns: { 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'eu-west-1'] } } },
      ),
      address: 'Ep',
      verdict: 'unknown',
      path: 'PrivateDnsEnabled',
    },
    {
      name: 'aws_vpc_endpoint Interface with private DNS',
      doc: tfEndpoint({ vpc_endpoint_type: 'Interface', private_dns_enabled: true }),
      address: 'aws_vpc_endpoint.ep',
      verdict: 'pass',
    },
    {
      name: 'aws_vpc_endpoint Interface without private_dns_enabled (default false)',
      doc: tfEndpoint({ vpc_endpoint_type: 'Interface' }),
      address: 'aws_vpc_endpoint.ep',
      verdict: 'fail',
      path: 'private_dns_enabled',
    },
    {
      name: 'aws_vpc_endpoint Gateway (default)',
      doc: tfEndpoint({}),
      address: 'aws_vpc_endpoint.ep',
      verdict: 'pass',
    },
    {
      name: 'aws_vpc_endpoint private DNS from a variable',
      doc: tfEndpoint({ vpc_endpoint_type: 'Interface', private_dns_enabled: '${var.dns}' }),
      address: 'aws_vpc_endpoint.ep',
      verdict: 'unknown',
      path: 'private_dns_enabled',
    },
    {
      name: 'azurerm_private_endpoint with a DNS zone group',
      doc: azEndpoint({
        private_dns_zone_group: { name: 'default', private_dns_zone_ids: ['${azurerm_private_dns_zone.z.id}'] },
      }),
      address: 'azurerm_private_endpoint.pe',
      verdict: 'pass',
    },
    {
      name: 'azurerm_private_endpoint without a DNS zone group',
      doc: azEndpoint({}),
      address: 'azurerm_private_endpoint.pe',
      verdict: 'fail',
      path: 'private_dns_zone_group',
    },
    {
      name: 'azurerm_private_endpoint with an empty zone list',
      doc: azEndpoint({ private_dns_zone_group: { name: 'default', private_dns_zone_ids: [] } }),
      address: 'azurerm_private_endpoint.pe',
      verdict: 'fail',
      path: 'private_dns_zone_group.private_dns_zone_ids',
    },
    {
      name: 'azurerm_private_endpoint zone ids from a variable',
      doc: azEndpoint({ private_dns_zone_group: { name: 'default', private_dns_zone_ids: '${var.zones}' } }),
      address: 'azurerm_private_endpoint.pe',
      verdict: 'unknown',
    },
    {
      name: 'azurerm_private_endpoint zone group from a dynamic block: only as good as its for_each',
      doc: azEndpoint({
        dynamic: {
          private_dns_zone_group: [
            { for_each: '${var.zones}', content: [{ name: 'default', private_dns_zone_ids: ['${each.value}'] }] },
          ],
        },
      }),
      address: 'azurerm_private_endpoint.pe',
      verdict: 'unknown',
      path: 'dynamic.private_dns_zone_group.content',
    },
    {
      name: 'azurerm_private_endpoint dynamic zone group with no zones',
      doc: azEndpoint({
        dynamic: { private_dns_zone_group: [{ for_each: '${var.zones}', content: [{ name: 'default' }] }] },
      }),
      address: 'azurerm_private_endpoint.pe',
      verdict: 'fail',
    },
    {
      name: 'interface endpoint to a PrivateLink endpoint service without private DNS: its own names resolve privately',
      doc: endpoint({
        VpcEndpointType: 'Interface',
        ServiceName: 'com.amazonaws.vpce.eu-west-1.vpce-svc-0a1b2c3d4e5f67890',
      }),
      address: 'Ep',
      verdict: 'not_applicable',
    },
    {
      name: 'aws_vpc_endpoint to an endpoint service with private DNS on',
      doc: tfEndpoint({
        vpc_endpoint_type: 'Interface',
        service_name: 'com.amazonaws.vpce.eu-west-1.vpce-svc-0a1b2c3d4e5f67890',
        private_dns_enabled: true,
      }),
      address: 'aws_vpc_endpoint.ep',
      verdict: 'pass',
    },
    {
      name: 'aws_vpc_endpoint GatewayLoadBalancer: no service name to resolve',
      doc: tfEndpoint({ vpc_endpoint_type: 'GatewayLoadBalancer' }),
      address: 'aws_vpc_endpoint.ep',
      verdict: 'pass',
    },
  ],
};
