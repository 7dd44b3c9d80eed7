import { Construct } from 'constructs';
import { BlueprintConfig } from '../lib/core/config';
import { SecureDataLake } from '../lib/azure/data-lake';
import { LlmInference } from '../lib/azure/inference';
import { TrainingNetwork } from '../lib/azure/training-network';

/** What the inference layers build on: the platform network and the data lake's vault. */
export interface AzureInferenceFoundation {
  readonly network: TrainingNetwork;
  readonly dataLake: SecureDataLake;
}

/**
 * The Azure serving path from BlueprintConfig: Azure OpenAI behind internal API Management, its
 * RAI policy (guardrails) bound to the deployment. The account's endpoint sits in the network's
 * endpoint subnet and registers in its shared zones; the gateway lives in the API Management
 * subnet and takes callers from the training subnet; the key lives in the data lake's vault;
 * diagnostics go to the network's Log Analytics workspace, and the gateway's Application Insights
 * joins the network's Azure Monitor private link scope.
 */
export function addAzureInferenceLayers(
  scope: Construct,
  config: BlueprintConfig,
  { network, dataLake }: AzureInferenceFoundation,
): LlmInference {
  const zones = network.privateDnsZoneIds;
  const links = network.privateDnsZoneLinks;
  const nsg = network.networkSecurityGroups.apiManagement;
  const inference = new LlmInference(scope, 'inference', {
    ...config.azure.inference,
    project: config.name,
    environment: config.environment,
    owner: config.owner,
    classification: config.classification,
    location: config.azure.location,
    tenantId: config.azure.tenantId,
    apiClientId: config.azure.inferenceApiClientId,
    nameSeed: config.azure.subscriptionId,
    network: {
      virtualNetworkId: network.vnet.id,
      privateEndpointSubnetId: network.subnets.privateEndpoints.id,
      apiManagementSubnetId: network.subnets.apiManagement.id,
      apiManagementSubnetCidr: network.subnetCidrs.apiManagement,
      apiManagementNsg: { name: nsg.name, resourceGroupName: network.resourceGroup.name },
      clientCidrs: [network.subnetCidrs.training],
      privateDnsZoneIds: { openai: zones.openai, cognitiveServices: zones.cognitiveServices },
      dependsOn: [links.openai, links.cognitiveServices],
    },
    encryption: {
      keyVaultId: dataLake.keyVault.id,
      keyVaultName: dataLake.keyVault.name,
      dependsOn: [dataLake.privateEndpoints.vault, dataLake.key],
    },
    logAnalyticsWorkspaceId: network.workspace.id,
  });
  // The gateway's Application Insights takes no public ingestion: it must be in the monitor scope.
  network.scopeMonitoring('gateway-insights', inference.telemetry.insights.id);
  return inference;
}
