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
import { ResolvedTrainingNetworkProps } from './props';

export interface Placement {
  readonly resourceGroupName: string;
  readonly location: string;
  readonly tags: Record<string, string>;
}

/** The platform's Log Analytics workspace: Entra ID only, retained, retention >= 90 days. */
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
    // Agents may not send over the internet. Traffic analytics and diagnostic settings are Azure-service
    // ingestion and are not affected; queries stay open to Entra-authenticated users until the
    // monitoring layer adds an Azure Monitor private link scope.
    internetIngestionEnabled: false,
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
 * The raw flow-log store, hardened like the data lake's account: customer-managed key through a
 * user-assigned identity (role scoped to the one key), infrastructure encryption, HTTPS and TLS 1.2,
 * no public network access (Network Watcher writes as a trusted Azure service), Entra ID only,
 * versioning and soft delete, retained.
 */
export function createFlowLogStorage(
  scope: Construct,
  p: ResolvedTrainingNetworkProps,
  at: Placement,
  enc: FlowLogEncryption,
): { storageAccount: StorageAccount; identity: UserAssignedIdentity; keyAccess: RoleAssignment } {
  const identity = new UserAssignedIdentity(scope, 'flow-log-identity', {
    name: p.names.identity,
    resourceGroupName: at.resourceGroupName,
    location: at.location,
    tags: at.tags,
  });
  const keyAccess = new RoleAssignment(scope, 'flow-log-key-access', {
    // Key-level scope: this identity can wrap/unwrap with this one key and nothing else in the vault.
    scope: enc.key.resourceVersionlessId,
    roleDefinitionName: 'Key Vault Crypto Service Encryption User',
    principalId: identity.principalId,
    principalType: 'ServicePrincipal',
    skipServicePrincipalAadCheck: true,
    description: 'Lets the flow-log storage account wrap/unwrap its data encryption key.',
  });
  const storageAccount = new StorageAccount(scope, 'flow-log-storage', {
    name: p.names.storageAccount,
    resourceGroupName: at.resourceGroupName,
    location: at.location,
    accountKind: 'StorageV2',
    accountTier: 'Standard',
    accountReplicationType: 'ZRS',
    accessTier: 'Hot',
    identity: { type: 'UserAssigned', identityIds: [identity.id] },
    customerManagedKey: { keyVaultKeyId: enc.key.versionlessId, userAssignedIdentityId: identity.id },
    infrastructureEncryptionEnabled: true,
    queueEncryptionKeyType: 'Account',
    tableEncryptionKeyType: 'Account',
    httpsTrafficOnlyEnabled: true,
    minTlsVersion: 'TLS1_2',
    publicNetworkAccessEnabled: false,
    networkRules: { defaultAction: 'Deny', bypass: ['AzureServices'], ipRules: [], virtualNetworkSubnetIds: [] },
    allowedCopyScope: 'PrivateLink',
    crossTenantReplicationEnabled: false,
    sharedAccessKeyEnabled: false,
    defaultToOauthAuthentication: true,
    localUserEnabled: false,
    sftpEnabled: false,
    allowNestedItemsToBePublic: false,
    blobProperties: {
      versioningEnabled: true,
      deleteRetentionPolicy: { days: p.logRetentionDays > 365 ? 365 : p.logRetentionDays },
      containerDeleteRetentionPolicy: { days: p.logRetentionDays > 365 ? 365 : p.logRetentionDays },
    },
    tags: at.tags,
    dependsOn: [keyAccess],
    lifecycle: { preventDestroy: true },
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
