import { App, TerraformStack } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { LogAnalyticsWorkspace } from '@cdktf/provider-azurerm/lib/log-analytics-workspace';
import { PrivateDnsZone } from '@cdktf/provider-azurerm/lib/private-dns-zone';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { TrainingCompute, TrainingComputeProps } from '../../lib/azure/training-compute';
import { compliantVault, vaultKey } from '../support/azure-resources';

const at = { resourceGroupName: 'rg-ztai-dev', location: 'westeurope' };

/**
 * Minimal stand-ins for training-network and the data lake: a VNet with a training and a
 * private-endpoint subnet, the three private DNS zones, a vault and key, an identity, workspace
 * storage, a data-lake account and Log Analytics.
 */
export function computeFixture(app: App, id: string, extra: Partial<TrainingComputeProps> = {}) {
  const stack = new TerraformStack(app, id);
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  const vnet = new VirtualNetwork(stack, 'vnet', { ...at, name: 'vnet', addressSpace: ['10.20.0.0/16'] });
  const subnet = (name: string, cidr: string) =>
    new Subnet(stack, name, {
      name,
      resourceGroupName: at.resourceGroupName,
      virtualNetworkName: vnet.name,
      addressPrefixes: [cidr],
      defaultOutboundAccessEnabled: false,
    });
  const training = subnet('training', '10.20.1.0/24');
  const endpoints = subnet('endpoints', '10.20.2.0/24');
  const zone = (key: string, name: string) =>
    new PrivateDnsZone(stack, key, { name, resourceGroupName: at.resourceGroupName });
  const zones = {
    azureMlApi: zone('dns-api', 'privatelink.api.azureml.ms'),
    azureMlNotebooks: zone('dns-notebooks', 'privatelink.notebooks.azure.net'),
    containerRegistry: zone('dns-acr', 'privatelink.azurecr.io'),
  };
  const vault = compliantVault(stack);
  const key = vaultKey(stack, 'cmk', vault);
  const identity = new UserAssignedIdentity(stack, 'identity', { ...at, name: 'id-ml' });
  const account = (key: string, hns: boolean) =>
    new StorageAccount(stack, key, {
      ...at,
      name: `st${key}`,
      accountTier: 'Standard',
      accountReplicationType: 'ZRS',
      isHnsEnabled: hns,
      sharedAccessKeyEnabled: false,
      publicNetworkAccessEnabled: false,
    });
  const storage = account('mlws', false);
  const lake = account('lake', true);
  const logs = new LogAnalyticsWorkspace(stack, 'logs', { ...at, name: 'log-ztai', retentionInDays: 90 });
  const compute = new TrainingCompute(stack, 'compute', {
    ...at,
    privateEndpointSubnetId: endpoints.id,
    privateDnsZoneIds: {
      azureMlApi: zones.azureMlApi.id,
      azureMlNotebooks: zones.azureMlNotebooks.id,
      containerRegistry: zones.containerRegistry.id,
    },
    keyVaultId: vault.id,
    keyId: key.id,
    identity: { id: identity.id, principalId: identity.principalId },
    storageAccountId: storage.id,
    logAnalyticsWorkspaceId: logs.id,
    dataStorageAccountIds: [lake.id],
    tags: { owner: 'platform-team' },
    ...(extra.networkModel === 'customer-vnet' ? { trainingSubnetId: training.id } : {}),
    ...extra,
  });
  return { stack, compute, training, endpoints, zones, vault, key, identity, storage, lake, logs };
}
