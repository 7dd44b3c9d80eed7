import type { Construct } from 'constructs';
import { type DiagnosedResource, PlatformAudit } from '../lib/azure/audit';
import type { SecureDataLake } from '../lib/azure/data-lake';
import { PlatformAlerts } from '../lib/azure/monitoring';
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
): AzureOperationsLayers {
  const resources: DiagnosedResource[] = [
    { name: 'key-vault', targetResourceId: lake.keyVault.id, categories: ['AuditEvent'] },
    { name: 'lake-blob', targetResourceId: `${lake.storageAccount.id}/blobServices/default`, categories: BLOB_LOGS },
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
  const alerts = new PlatformAlerts(scope, 'monitoring', {
    workspace: network.workspace,
    resourceGroupName: network.resourceGroup.name,
    location: config.azure.location,
    namePrefix: `${config.name}-${config.environment}`,
    operations: config.operations,
    tags: governanceTags({
      owner: config.owner,
      classification: config.classification,
      lineage: `${config.name}:monitoring`,
      project: config.name,
      environment: config.environment,
    }),
  });
  return { audit, alerts };
}
