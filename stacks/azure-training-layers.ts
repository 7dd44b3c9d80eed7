import { Construct } from 'constructs';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import type { SecureDataLake } from '../lib/azure/data-lake';
import { ModelReleaseGate } from '../lib/azure/pipeline';
import { TrainingCompute, WorkspaceStorage } from '../lib/azure/training-compute';
import type { TrainingNetwork } from '../lib/azure/training-network';
import { type BlueprintConfig, validateTrainingSettings } from '../lib/core/config';
import { governanceTags } from '../lib/core/tags';

/** What the Azure training layers expose to later layers (inference, registry). */
export interface AzureTrainingLayers {
  readonly resourceGroup: ResourceGroup;
  /** Identity of the ML workspace and its GPU cluster. */
  readonly identity: UserAssignedIdentity;
  readonly storage: WorkspaceStorage;
  readonly compute: TrainingCompute;
  /** Only the release identity registers models into the workspace; data scientists read them. */
  readonly releaseGate: ModelReleaseGate;
  /** The workspace identity's read access to the lake's training zones. */
  readonly dataGrants: readonly RoleAssignment[];
}

/**
 * Azure ML training from the one BlueprintConfig: a resource group for the ML layer, the workspace
 * identity, the workspace's own StorageV2 account (Azure ML rejects the lake's ADLS Gen2 account),
 * the private CMK-encrypted workspace with its Premium registry and GPU cluster, and the model
 * release gate on that workspace. Private endpoints go to the network's endpoint subnet and its
 * shared DNS zones; the CMK is the data lake's key. Training reads the curated and features zones
 * where the lake has them, else every zone (as on AWS).
 */
export function addAzureTrainingLayers(
  scope: Construct,
  config: BlueprintConfig,
  network: TrainingNetwork,
  lake: SecureDataLake,
): AzureTrainingLayers {
  const training = validateTrainingSettings(config.training);
  const { name: project, environment, azure } = config;
  const tags = governanceTags({
    owner: config.owner,
    classification: config.classification,
    lineage: `${project}:training-compute`,
    project,
    environment,
  });
  // One construct per layer: its path segment is the lineage tag (training-compute, pipeline).
  const layer = new Construct(scope, 'training-compute');
  const resourceGroup = new ResourceGroup(layer, 'resource-group', {
    name: `rg-${project}-${environment}-ml`,
    location: azure.location,
    tags,
    lifecycle: { preventDestroy: true },
  });
  const at = { resourceGroupName: resourceGroup.name, location: azure.location };
  const identity = new UserAssignedIdentity(layer, 'identity', {
    ...at,
    name: `id-${project}-${environment}-ml`,
    tags,
  });
  const zones = network.privateDnsZoneIds;
  const storage = new WorkspaceStorage(layer, 'workspace-storage', {
    ...at,
    privateEndpointSubnetId: network.subnets.privateEndpoints.id,
    privateDnsZoneIds: { blob: zones.blob, file: zones.file },
    keyVersionlessId: lake.key.versionlessId,
    keyResourceVersionlessId: lake.key.resourceVersionlessId,
    softDeleteDays: config.dataLake.retentionDays,
    project,
    environment,
    tags,
  });
  const compute = new TrainingCompute(layer, 'compute', {
    ...at,
    privateEndpointSubnetId: network.subnets.privateEndpoints.id,
    privateDnsZoneIds: {
      azureMlApi: zones.amlApi,
      azureMlNotebooks: zones.amlNotebooks,
      containerRegistry: zones.acr,
    },
    keyVaultId: lake.keyVault.id,
    keyId: lake.key.id,
    identity: { id: identity.id, principalId: identity.principalId },
    storageAccountId: storage.storageAccount.id,
    logAnalyticsWorkspaceId: network.workspace.id,
    networkModel: training.azureNetworkModel,
    ...(training.azureNetworkModel === 'customer-vnet' ? { trainingSubnetId: network.subnets.training.id } : {}),
    dataStorageAccountIds: [lake.storageAccount.id],
    vmSize: training.azureVmSize,
    maxInstanceCount: training.maxInstanceCount,
    project,
    environment,
    tags,
    // Azure ML reaches its storage over private link from the first call.
    dependsOn: [storage.privateEndpoints.blob, storage.privateEndpoints.file],
  });
  // The workspace's Application Insights takes no public ingestion: it must be in the monitor scope.
  network.scopeMonitoring('training-insights', compute.insights.id);
  const preferred = lake.zones.filter((z) => z === 'curated' || z === 'features');
  const dataGrants = (preferred.length > 0 ? preferred : lake.zones).map((zone) =>
    lake.grantRead(identity.principalId, zone),
  );
  const releaseGate = new ModelReleaseGate(scope, 'pipeline', {
    registryWorkspaceId: compute.workspace.id,
    resourceGroupName: resourceGroup.name,
    location: azure.location,
    project,
    environment,
    owner: config.owner,
    classification: config.classification,
  });
  return { resourceGroup, identity, storage, compute, releaseGate, dataGrants };
}
