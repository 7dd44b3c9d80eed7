import type { CompanionSpec } from './companion-index';

/** Flow logs name the network they record: a VPC by ID (Ref / .id), a VNet by resource ID. */
export const CFN_FLOW_LOG: CompanionSpec = { type: 'AWS::EC2::FlowLog', targets: ['ResourceId'] };
export const TF_FLOW_LOG: CompanionSpec = { type: 'aws_flow_log', targets: ['vpc_id'] };
export const AZURE_FLOW_LOG: CompanionSpec = {
  type: 'azurerm_network_watcher_flow_log',
  targets: ['target_resource_id'],
};
