import { Construct } from 'constructs';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { StorageAccountConfig } from '@cdktf/provider-azurerm/lib/storage-account';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';

/**
 * The one definition of a hardened platform storage account on Azure, shared by the data lake
 * (ADLS Gen2), the flow-log store and the ML workspace storage, so a hardening change lands on
 * every account at once. Callers add what differs: name, placement, replication, HNS, tags,
 * dependencies, and whatever their workload needs on top.
 */
export interface HardenedStorageOptions {
  /** User-assigned identity the account reaches its key with. */
  readonly identityId: string;
  /** Versionless Key Vault key ID, so storage follows each key rotation. */
  readonly keyVersionlessId: string;
  /** Days deleted blobs and containers stay recoverable (1-365). */
  readonly softDeleteDays: number;
  /**
   * Blob versioning. Azure rejects it on hierarchical-namespace accounts, so the data lake turns it
   * off (and records a waiver); every other account keeps it on.
   */
  readonly versioning: boolean;
}

/** The settings keys hardenedStorageSettings fills; callers must not override them. */
export type HardenedStorageSettings = Required<
  Pick<
    StorageAccountConfig,
    | 'accountKind'
    | 'accountTier'
    | 'accessTier'
    | 'identity'
    | 'customerManagedKey'
    | 'infrastructureEncryptionEnabled'
    | 'queueEncryptionKeyType'
    | 'tableEncryptionKeyType'
    | 'httpsTrafficOnlyEnabled'
    | 'minTlsVersion'
    | 'publicNetworkAccessEnabled'
    | 'networkRules'
    | 'allowedCopyScope'
    | 'crossTenantReplicationEnabled'
    | 'sharedAccessKeyEnabled'
    | 'defaultToOauthAuthentication'
    | 'localUserEnabled'
    | 'sftpEnabled'
    | 'allowNestedItemsToBePublic'
    | 'blobProperties'
    | 'lifecycle'
  >
>;

/** Longest soft-delete window Azure accepts for blobs, containers and file shares. */
export const MAX_SOFT_DELETE_DAYS = 365;

/**
 * - encryption: the customer-managed key through the user-assigned identity, a second
 *   (infrastructure) encryption layer, queues and tables on the same account key;
 * - transport: HTTPS only, TLS 1.2 minimum;
 * - network: no public network access, firewall default Deny (trusted Azure services may still
 *   write, e.g. Network Watcher), copies only over private link, no cross-tenant replication;
 * - identity: Entra ID only (no shared keys, no local or SFTP users), OAuth default in the portal;
 * - data protection: no public blobs, soft delete for blobs and containers, optional versioning;
 * - lifecycle: prevent_destroy, so no `terraform destroy` removes the data.
 */
export function hardenedStorageSettings(o: HardenedStorageOptions): HardenedStorageSettings {
  const days = Math.min(o.softDeleteDays, MAX_SOFT_DELETE_DAYS);
  return {
    accountKind: 'StorageV2',
    accountTier: 'Standard',
    accessTier: 'Hot',
    identity: { type: 'UserAssigned', identityIds: [o.identityId] },
    customerManagedKey: { keyVaultKeyId: o.keyVersionlessId, userAssignedIdentityId: o.identityId },
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
      versioningEnabled: o.versioning,
      deleteRetentionPolicy: { days },
      containerDeleteRetentionPolicy: { days },
    },
    lifecycle: { preventDestroy: true },
  };
}

export interface KeyIdentityOptions {
  readonly name: string;
  readonly resourceGroupName: string;
  readonly location: string;
  readonly tags: Record<string, string>;
  /** Scope of the key role: the key's versionless resource ID (narrowest) or the vault. */
  readonly keyScope: string;
  /** What the identity encrypts, for the role assignment's description. */
  readonly purpose: string;
}

/**
 * A user-assigned identity and "Key Vault Crypto Service Encryption User" (get, wrapKey, unwrapKey
 * and nothing else) on `keyScope`: how a storage account reaches its customer-managed key.
 */
export function createKeyIdentity(
  scope: Construct,
  ids: { readonly identity: string; readonly keyAccess: string },
  o: KeyIdentityOptions,
): { identity: UserAssignedIdentity; keyAccess: RoleAssignment } {
  const identity = new UserAssignedIdentity(scope, ids.identity, {
    name: o.name,
    resourceGroupName: o.resourceGroupName,
    location: o.location,
    tags: o.tags,
  });
  const keyAccess = new RoleAssignment(scope, ids.keyAccess, {
    scope: o.keyScope,
    roleDefinitionName: 'Key Vault Crypto Service Encryption User',
    principalId: identity.principalId,
    principalType: 'ServicePrincipal',
    // A brand-new identity may not have replicated in Entra ID yet; the type is known, so skip the lookup.
    skipServicePrincipalAadCheck: true,
    description: `Lets ${o.purpose} wrap/unwrap its data encryption key.`,
  });
  return { identity, keyAccess };
}
