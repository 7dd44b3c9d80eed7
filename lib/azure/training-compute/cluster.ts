import { Construct } from 'constructs';
import { MachineLearningComputeCluster } from '@cdktf/provider-azurerm/lib/machine-learning-compute-cluster';
import { MachineLearningWorkspace } from '@cdktf/provider-azurerm/lib/machine-learning-workspace';
import { ResolvedComputeProps, TrainingComputeProps } from './props';

/**
 * The GPU cluster: scales 0..max, no node public IPs (the provider defaults to true), no local
 * (key) auth, no SSH, the platform identity. In the customer-VNet model the nodes sit in the
 * training subnet; in the managed model they sit in the workspace's managed network.
 */
export function createGpuCluster(
  scope: Construct,
  props: TrainingComputeProps,
  r: ResolvedComputeProps,
  workspace: MachineLearningWorkspace,
): MachineLearningComputeCluster {
  return new MachineLearningComputeCluster(scope, 'gpu-cluster', {
    name: r.names.cluster,
    location: props.location,
    machineLearningWorkspaceId: workspace.id,
    vmSize: r.vmSize,
    vmPriority: 'Dedicated',
    scaleSettings: {
      minNodeCount: r.minInstanceCount,
      maxNodeCount: r.maxInstanceCount,
      scaleDownNodesAfterIdleDuration: r.scaleDownAfterIdle,
    },
    nodePublicIpEnabled: false,
    localAuthEnabled: false,
    sshPublicAccessEnabled: false,
    identity: { type: 'UserAssigned', identityIds: [props.identity.id] },
    ...(r.networkModel === 'customer-vnet' ? { subnetResourceId: r.trainingSubnetId } : {}),
    tags: { ...props.tags },
  });
}
