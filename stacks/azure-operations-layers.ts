import type { Construct } from 'constructs';
import { type DiagnosedResource, PlatformAudit } from '../lib/azure/audit';
import type { SecureDataLake } from '../lib/azure/data-lake';
import { PlatformAlerts, addApimAlerts } from '../lib/azure/monitoring';
import { CALLER_DIMENSION, type LlmInference, TOTAL_TOKENS_METRIC } from '../lib/azure/inference';
import type { AzureTrainingLayers } from './azure-training-layers';
import type { TrainingNetwork } from '../lib/azure/training-network';
import type { BlueprintConfig } from '../lib/core/config';
import { governanceTags } from '../lib/core/tags';

export interface AzureOperationsLayers {
  readonly audit: PlatformAudit;
  readonly alerts: PlatformAlerts;
}

const BLOB_LOGS = ['StorageRead', 'StorageWrite', 'StorageDelete'];

/**
 * Diagnostics for every store of the reference stack (the lake's vault and account, the flow-log
 * account), the subscription activity log and the KQL alerts, all into the network's workspace.
 * Storage logs come from the blob service (dfs calls are logged there too).
 */
export function addOperationsLayers(
  scope: Construct,
  config: BlueprintConfig,
  network: TrainingNetwork,
  lake: SecureDataLake,
  training: AzureTrainingLayers,
  inference: LlmInference,
): AzureOperationsLayers {
  const ws = training.compute.workspace;
  const resources: DiagnosedResource[] = [
    { name: 'key-vault', targetResourceId: lake.keyVault.id, categories: ['AuditEvent'] },
    { name: 'lake-blob', targetResourceId: `${lake.storageAccount.id}/blobServices/default`, categories: BLOB_LOGS },
    {
      name: 'workspace-blob',
      targetResourceId: `${training.storage.storageAccount.id}/blobServices/default`,
      categories: BLOB_LOGS,
    },
    // Who ran which job and who read or changed which model: lineage and unauthorized GPU use.
    {
      name: 'ml-workspace',
      targetResourceId: ws.id,
      categories: ['AmlComputeJobEvent', 'AmlRunStatusChangedEvent', 'ModelsChangeEvent', 'ModelsReadEvent'],
    },
    {
      name: 'registry',
      targetResourceId: training.compute.registry.id,
      categories: ['ContainerRegistryRepositoryEvents', 'ContainerRegistryLoginEvents'],
    },
  ];
  const flowLogStore = network.flowLogs?.storageAccount;
  if (flowLogStore) {
    resources.push({
      name: 'flow-log-blob',
      targetResourceId: `${flowLogStore.id}/blobServices/default`,
      categories: BLOB_LOGS,
    });
  }
  const audit = new PlatformAudit(scope, 'audit', {
    workspace: network.workspace,
    subscriptionId: config.azure.subscriptionId,
    resources,
    defenderPlans: config.operations.defenderPlans,
  });
  const monitoringTags = governanceTags({
    owner: config.owner,
    classification: config.classification,
    lineage: `${config.name}:monitoring`,
    project: config.name,
    environment: config.environment,
  });
  const alerts = new PlatformAlerts(scope, 'monitoring', {
    workspace: network.workspace,
    resourceGroupName: network.resourceGroup.name,
    location: config.azure.location,
    namePrefix: `${config.name}-${config.environment}`,
    operations: config.operations,
    tags: monitoringTags,
  });
  addApimAlerts(alerts, {
    apimId: inference.gateway.id,
    apimName: inference.gateway.name,
    workspaceId: network.workspace.id,
    actionGroupId: alerts.actionGroup.id,
    resourceGroupName: network.resourceGroup.name,
    location: config.azure.location,
    namePrefix: `${config.name}-${config.environment}`,
    tags: monitoringTags,
    // Over 80 % of the per-caller token limit, sustained for 5 minutes.
    tokens: {
      insightsId: inference.telemetry.insights.id,
      perCallerPer5Minutes: Math.floor(inference.resolved.tokensPerMinute * 5 * 0.8),
      metricName: TOTAL_TOKENS_METRIC,
      callerDimension: CALLER_DIMENSION,
    },
  });
  return { audit, alerts };
}
