import { Construct } from 'constructs';
import { KeyVault } from '@cdktf/provider-azurerm/lib/key-vault';
import { KeyVaultKey } from '@cdktf/provider-azurerm/lib/key-vault-key';
import { LogAnalyticsWorkspace } from '@cdktf/provider-azurerm/lib/log-analytics-workspace';
import { NetworkWatcher } from '@cdktf/provider-azurerm/lib/network-watcher';
import { NetworkWatcherFlowLog } from '@cdktf/provider-azurerm/lib/network-watcher-flow-log';
import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { createKeyIdentity, hardenedStorageSettings } from '../storage-hardening';
import { ResolvedTrainingNetworkProps } from './props';

export interface Placement {
  readonly resourceGroupName: string;
  readonly location: string;
  readonly tags: Record<string, string>;
}

/** The platform's Log Analytics workspace: Entra ID only, private only, retained, retention >= 90 days. */
export function createWorkspace(
  scope: Construct,
  p: ResolvedTrainingNetworkProps,
  at: Placement,
): LogAnalyticsWorkspace {
  return new LogAnalyticsWorkspace(scope, 'workspace', {
    name: p.names.workspace,
    resourceGroupName: at.resourceGroupName,
    location: at.location,
    sku: 'PerGB2018',
    retentionInDays: p.logRetentionDays,
    // No workspace keys: agents and queries authenticate with Entra ID.
    localAuthenticationEnabled: false,
    // Agents send and users query only through the network's Azure Monitor private link scope
    // (monitor-private-link.ts). Traffic analytics and diagnostic settings are Azure-service
    // ingestion and are not affected.
    internetIngestionEnabled: false,
    internetQueryEnabled: false,
    tags: at.tags,
    lifecycle: { preventDestroy: true },
  });
}

export interface FlowLogEncryption {
  /** Vault holding the key (the data lake's). */
  readonly keyVault: KeyVault;
  /** Customer-managed key for the raw flow-log storage (the data lake's rotating key). */
  readonly key: KeyVaultKey;
}

export interface FlowLogParts {
  readonly storageAccount: StorageAccount;
  readonly identity: UserAssignedIdentity;
  readonly keyAccess: RoleAssignment;
  readonly privateEndpoint: PrivateEndpoint;
  readonly networkWatcherName: string;
  readonly networkWatcherResourceGroupName: string;
  readonly networkWatcher?: NetworkWatcher;
  readonly flowLog: NetworkWatcherFlowLog;
}

/**
 * The raw flow-log store: the platform's hardened storage settings (lib/azure/storage-hardening.ts)
 * with versioning, its key role scoped to the one key. Network Watcher writes as a trusted Azure
 * service through the firewall's AzureServices bypass.
 */
export function createFlowLogStorage(
  scope: Construct,
  p: ResolvedTrainingNetworkProps,
  at: Placement,
  enc: FlowLogEncryption,
): { storageAccount: StorageAccount; identity: UserAssignedIdentity; keyAccess: RoleAssignment } {
  const { identity, keyAccess } = createKeyIdentity(
    scope,
    { identity: 'flow-log-identity', keyAccess: 'flow-log-key-access' },
    // Key-level scope: this identity can wrap/unwrap with this one key and nothing else in the vault.
    { ...at, name: p.names.identity, keyScope: enc.key.resourceVersionlessId, purpose: 'the flow-log storage account' },
  );
  const storageAccount = new StorageAccount(scope, 'flow-log-storage', {
    ...hardenedStorageSettings({
      identityId: identity.id,
      keyVersionlessId: enc.key.versionlessId,
      softDeleteDays: p.logRetentionDays,
      versioning: true,
    }),
    name: p.names.storageAccount,
    resourceGroupName: at.resourceGroupName,
    location: at.location,
    accountReplicationType: 'ZRS',
    tags: at.tags,
    dependsOn: [keyAccess],
  });
  return { storageAccount, identity, keyAccess };
}

/**
 * VNet flow logs (version 2) of everything crossing the VNet, raw records kept `logRetentionDays`
 * in the storage account, traffic analytics every 10 minutes into the workspace.
 */
export function createFlowLog(
  scope: Construct,
  p: ResolvedTrainingNetworkProps,
  at: Placement,
  vnetId: string,
  storageAccountId: string,
  workspace: LogAnalyticsWorkspace,
): { flowLog: NetworkWatcherFlowLog; watcher?: NetworkWatcher; name: string; resourceGroupName: string } {
  let watcher: NetworkWatcher | undefined;
  let name: string;
  let resourceGroupName: string;
  if (p.existingNetworkWatcher) {
    ({ name, resourceGroupName } = p.existingNetworkWatcher);
  } else {
    // Azure allows one watcher per region and subscription: pass existingNetworkWatcher if one exists.
    watcher = new NetworkWatcher(scope, 'network-watcher', {
      name: p.names.networkWatcher,
      resourceGroupName: at.resourceGroupName,
      location: at.location,
      tags: at.tags,
    });
    name = watcher.name;
    resourceGroupName = watcher.resourceGroupName;
  }
  const flowLog = new NetworkWatcherFlowLog(scope, 'flow-log', {
    name: `fl-${p.names.vnet}`,
    networkWatcherName: name,
    resourceGroupName,
    location: at.location,
    targetResourceId: vnetId,
    storageAccountId,
    enabled: true,
    version: 2,
    retentionPolicy: { enabled: true, days: p.logRetentionDays },
    trafficAnalytics: {
      enabled: true,
      workspaceId: workspace.workspaceId,
      workspaceRegion: workspace.location,
      workspaceResourceId: workspace.id,
      intervalInMinutes: 10,
    },
    tags: at.tags,
  });
  return { flowLog, watcher, name, resourceGroupName };
}
