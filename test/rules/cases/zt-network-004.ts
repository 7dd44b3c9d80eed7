import { flowLogsRule } from '../../../policies/rules/network/zt-network-004-flow-logs';
import { RuleCases, cfn, tf } from '../helpers';

const VPC = { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } };
const flowLog = (props: Record<string, unknown>) => ({
  Type: 'AWS::EC2::FlowLog',
  Properties: { ResourceId: { Ref: 'Vpc' }, ResourceType: 'VPC', LogDestination: 'arn:logs', ...props },
});
const tfVpc = (log?: Record<string, unknown>) =>
  tf({
    aws_vpc: { v: { cidr_block: '10.0.0.0/16' } },
    ...(log ? { aws_flow_log: { l: { vpc_id: '${aws_vpc.v.id}', log_destination: 'arn', ...log } } } : {}),
  });
const vnet = (log?: Record<string, unknown>) =>
  tf({
    azurerm_virtual_network: {
      v: { name: 'v', address_space: ['10.0.0.0/16'], location: 'x', resource_group_name: 'rg' },
    },
    ...(log
      ? {
          azurerm_network_watcher_flow_log: {
            l: {
              name: 'l',
              network_watcher_name: 'nw',
              resource_group_name: 'rg',
              storage_account_id: 'sa',
              target_resource_id: '${azurerm_virtual_network.v.id}',
              retention_policy: [{ enabled: true, days: 90 }],
              ...log,
            },
          },
        }
      : {}),
  });
const orphanAzure = (enabled: unknown) =>
  tf({ azurerm_network_watcher_flow_log: { l: { name: 'l', target_resource_id: '/subscriptions/x/vnet', enabled } } });

export const cases: RuleCases = {
  rule: flowLogsRule,
  cases: [
    {
      name: 'VPC with an ALL-traffic flow log',
      doc: cfn({ Vpc: VPC, Log: flowLog({ TrafficType: 'ALL' }) }),
      address: 'Vpc',
      verdict: 'pass',
    },
    {
      name: 'VPC without a flow log',
      doc: cfn({ Vpc: VPC }),
      address: 'Vpc',
      verdict: 'fail',
      path: 'AWS::EC2::FlowLog',
    },
    {
      name: 'VPC whose flow log records only rejected traffic',
      doc: cfn({ Vpc: VPC, Log: flowLog({ TrafficType: 'REJECT' }) }),
      address: 'Vpc',
      verdict: 'fail',
      path: 'Log.TrafficType',
    },
    {
      name: 'VPC whose only flow log is conditional',
      doc: cfn(
        { Vpc: VPC, Log: { ...flowLog({ TrafficType: 'ALL' }), Condition: 'On' } },
        { Parameters: { P: { Type: 'String' } }, Conditions: { On: { 'Fn::Equals': [{ Ref: 'P' }, 'x'] } } },
      ),
      address: 'Vpc',
      verdict: 'unknown',
    },
    {
      name: 'VPC flow log traffic type from a parameter',
      doc: cfn({ Vpc: VPC, Log: flowLog({ TrafficType: { Ref: 'T' } }) }, { Parameters: { T: { Type: 'String' } } }),
      address: 'Vpc',
      verdict: 'unknown',
    },
    {
      name: 'flow log of a VPC in another stack, ALL traffic',
      doc: cfn({ Log: flowLog({ ResourceId: 'vpc-123', TrafficType: 'ALL' }) }),
      address: 'Log',
      verdict: 'pass',
    },
    {
      name: 'flow log of a VPC in another stack, ACCEPT only',
      doc: cfn({ Log: flowLog({ ResourceId: 'vpc-123', TrafficType: 'ACCEPT' }) }),
      address: 'Log',
      verdict: 'fail',
      path: 'TrafficType',
    },
    {
      name: 'flow log attached to a loaded VPC is judged there',
      doc: cfn({ Vpc: VPC, Log: flowLog({ TrafficType: 'ALL' }) }),
      address: 'Log',
      verdict: 'not_applicable',
    },
    { name: 'tf VPC with an ALL flow log', doc: tfVpc({ traffic_type: 'ALL' }), address: 'aws_vpc.v', verdict: 'pass' },
    { name: 'tf VPC without a flow log', doc: tfVpc(), address: 'aws_vpc.v', verdict: 'fail', path: 'aws_flow_log' },
    {
      name: 'tf VPC flow log of ACCEPT only',
      doc: tfVpc({ traffic_type: 'ACCEPT' }),
      address: 'aws_vpc.v',
      verdict: 'fail',
      path: 'aws_flow_log.l.traffic_type',
    },
    {
      name: 'tf flow log of a VPC not loaded, ALL',
      doc: tf({ aws_flow_log: { l: { vpc_id: 'vpc-1', traffic_type: 'ALL' } } }),
      address: 'aws_flow_log.l',
      verdict: 'pass',
    },
    {
      name: 'tf flow log of a VPC not loaded, REJECT',
      doc: tf({ aws_flow_log: { l: { vpc_id: 'vpc-1', traffic_type: 'REJECT' } } }),
      address: 'aws_flow_log.l',
      verdict: 'fail',
      path: 'traffic_type',
    },
    {
      name: 'VNet with an enabled flow log',
      doc: vnet({ enabled: true }),
      address: 'azurerm_virtual_network.v',
      verdict: 'pass',
    },
    {
      name: 'VNet without a flow log',
      doc: vnet(),
      address: 'azurerm_virtual_network.v',
      verdict: 'fail',
      path: 'azurerm_network_watcher_flow_log',
    },
    {
      name: 'VNet with a disabled flow log',
      doc: vnet({ enabled: false }),
      address: 'azurerm_virtual_network.v',
      verdict: 'fail',
      path: 'azurerm_network_watcher_flow_log.l.enabled',
    },
    {
      name: 'VNet flow log enabled from a variable',
      doc: vnet({ enabled: '${var.on}' }),
      address: 'azurerm_virtual_network.v',
      verdict: 'unknown',
    },
    {
      name: 'VNet flow log whose target is a variable',
      doc: vnet({ enabled: true, target_resource_id: '${var.vnet}' }),
      address: 'azurerm_virtual_network.v',
      verdict: 'unknown',
    },
    {
      name: 'flow log of a VNet not loaded, enabled',
      doc: orphanAzure(true),
      address: 'azurerm_network_watcher_flow_log.l',
      verdict: 'pass',
    },
    {
      name: 'flow log of a VNet not loaded, disabled',
      doc: orphanAzure(false),
      address: 'azurerm_network_watcher_flow_log.l',
      verdict: 'fail',
      path: 'enabled',
    },
  ],
};
