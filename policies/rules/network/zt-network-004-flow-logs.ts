import type { ResourceGraph } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import { type Check, type CheckResult, Rule, fail } from '../../engine/rule';
import type { CompanionSpec } from '../shared/companion-index';
import { orphanOnly, withCompanions } from '../shared/companions';
import { isTrue, judgeSetting, oneOf } from '../shared/expect';
import { AZURE_FLOW_LOG, CFN_FLOW_LOG, TF_FLOW_LOG } from '../shared/flow-log-specs';

/**
 * Every VPC / VNet records its traffic: a flow log attached to the network (a companion resource
 * on all three shapes), recording accepted and rejected traffic alike (AWS TrafficType ALL) and
 * enabled (Azure). Findings land on the network; a flow log for a network not loaded is judged alone.
 */
const AWS_ALL = (path: string) =>
  oneOf(path, ['ALL'], { risk: 'only accepted or only rejected traffic is recorded, so half the evidence is missing' });
const AZURE_ENABLED = isTrue('enabled', { risk: 'the flow log records nothing' });

const judgeAws =
  (path: string) =>
  (g: ResourceGraph, log: Resource): CheckResult =>
    judgeSetting(g, log, AWS_ALL(path));
const judgeAzure = (g: ResourceGraph, log: Resource): CheckResult => judgeSetting(g, log, AZURE_ENABLED);

function network(spec: CompanionSpec, judge: (g: ResourceGraph, log: Resource) => CheckResult): Check {
  return withCompanions({
    spec,
    judge,
    inline: () => fail(`no ${spec.type} targets this network, so its traffic is not recorded`, spec.type),
  });
}

const orphan = (spec: CompanionSpec, judge: (g: ResourceGraph, log: Resource) => CheckResult): Check =>
  orphanOnly(spec, (log, { graph }) => judge(graph, log));

export const flowLogsRule: Rule = {
  id: 'ZT-NETWORK-004',
  title: 'Every VPC and VNet has flow logs',
  severity: 'medium',
  layer: 'network',
  rationale:
    'Flow logs are the record of which address talked to which, accepted or rejected: the evidence that the ' +
    'training network reached only the platform\u2019s endpoints, and the first thing an investigation of data ' +
    'exfiltration or lateral movement needs. A network without them cannot show its isolation worked.',
  remediation:
    'AWS: an AWS::EC2::FlowLog / aws_flow_log for every VPC (ResourceId / vpc_id) with TrafficType ALL, delivered ' +
    'to a KMS-encrypted log group with retention. Azure: an azurerm_network_watcher_flow_log with ' +
    'target_resource_id = the VNet\u2019s id (VNet flow logs; NSG flow logs can no longer be created) and enabled = true.',
  remediationBy: {
    cdk: 'vpc.addFlowLog("FlowLog", { destination: ec2.FlowLogDestination.toCloudWatchLogs(logGroup), trafficType: ec2.FlowLogTrafficType.ALL }).',
    cloudformation:
      'AWS::EC2::FlowLog { ResourceId: !Ref Vpc, ResourceType: VPC, TrafficType: ALL, LogDestination... }.',
    terraform:
      'aws_flow_log { vpc_id = aws_vpc.v.id, traffic_type = "ALL", log_destination = ... }; azurerm_network_watcher_flow_log { target_resource_id = azurerm_virtual_network.v.id, enabled = true }.',
    cdktf: 'NetworkWatcherFlowLog({ targetResourceId: vnet.id, enabled: true, retentionPolicy, trafficAnalytics }).',
  },
  controls: [
    { framework: 'NIST-800-53', id: 'AU-2' },
    { framework: 'NIST-800-53', id: 'AU-12' },
    { framework: 'NIST-800-53', id: 'SI-4' },
    { framework: 'SOC2', id: 'CC7.2' },
    { framework: 'HIPAA', id: '164.312(b)' },
    { framework: 'GDPR', id: 'Art. 32(1)(d)' },
    { framework: 'ISO-27001', id: 'A.8.15' },
    { framework: 'ISO-27001', id: 'A.8.16' },
  ],
  equivalents: [
    { tool: 'checkov', id: 'CKV2_AWS_11', resourceTypes: ['aws_vpc'] },
    { tool: 'cdk-nag', id: 'AwsSolutions-VPC7', resourceTypes: ['AWS::EC2::VPC'] },
    { tool: 'cdk-nag', id: 'NIST.800.53.R5-VPCFlowLogsEnabled', resourceTypes: ['AWS::EC2::VPC'] },
  ],
  checks: {
    'AWS::EC2::VPC': network(CFN_FLOW_LOG, judgeAws('TrafficType')),
    'AWS::EC2::FlowLog': orphan(CFN_FLOW_LOG, judgeAws('TrafficType')),
    aws_vpc: network(TF_FLOW_LOG, judgeAws('traffic_type')),
    aws_flow_log: orphan(TF_FLOW_LOG, judgeAws('traffic_type')),
    azurerm_virtual_network: network(AZURE_FLOW_LOG, judgeAzure),
    azurerm_network_watcher_flow_log: orphan(AZURE_FLOW_LOG, judgeAzure),
  },
};
