import { Construct } from 'constructs';
import { ITerraformDependable } from 'cdktf';
import { KeyVault } from '@cdktf/provider-azurerm/lib/key-vault';
import { KeyVaultKey } from '@cdktf/provider-azurerm/lib/key-vault-key';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { StorageContainerImmutabilityPolicy } from '@cdktf/provider-azurerm/lib/storage-container-immutability-policy';
import { StorageDataLakeGen2Filesystem } from '@cdktf/provider-azurerm/lib/storage-data-lake-gen2-filesystem';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { createKeyIdentity, hardenedStorageSettings } from '../storage-hardening';
import { Placement } from './networking';
import type { PrincipalType } from '../validate';
import { ResolvedDataLakeProps } from './validation';

export interface EncryptionIdentity {
  readonly identity: UserAssignedIdentity;
  /** "Key Vault Crypto Service Encryption User" on the vault: get, wrapKey, unwrapKey and nothing else. */
  readonly keyAccess: RoleAssignment;
}

/** The identity the storage account uses to reach its key, and its narrowly scoped key role. */
export function createEncryptionIdentity(
  scope: Construct,
  p: ResolvedDataLakeProps,
  at: Placement,
  vault: KeyVault,
): EncryptionIdentity {
  return createKeyIdentity(
    scope,
    { identity: 'cmk-identity', keyAccess: 'cmk-identity-key-access' },
    { ...at, name: p.names.identity, keyScope: vault.id, purpose: 'the data lake storage account' },
  );
}

/**
 * The ADLS Gen2 account: the platform's hardened storage settings (lib/azure/storage-hardening.ts:
 * CMK, infrastructure encryption, TLS 1.2, private only, Entra ID only, soft delete for
 * retentionDays, retained) with the hierarchical namespace on.
 *
 * Blob versioning stays off: Azure and azurerm 4.x reject versioning on hierarchical-namespace
 * accounts ("versioning_enabled can't be true when is_hns_enabled is true", failing at apply).
 * Soft delete is the recovery path here; the construct records a ZT-DATA-007 waiver saying so.
 */
export function createStorageAccount(
  scope: Construct,
  p: ResolvedDataLakeProps,
  at: Placement,
  key: KeyVaultKey,
  enc: EncryptionIdentity,
): StorageAccount {
  return new StorageAccount(scope, 'storage', {
    ...hardenedStorageSettings({
      identityId: enc.identity.id,
      keyVersionlessId: key.versionlessId,
      softDeleteDays: p.retentionDays,
      versioning: false,
    }),
    name: p.names.storageAccount,
    resourceGroupName: at.resourceGroupName,
    location: at.location,
    accountReplicationType: p.replication,
    isHnsEnabled: true,
    tags: at.tags,
    // The account unwraps its key at creation: the identity's role must exist first.
    dependsOn: [enc.keyAccess],
  });
}

/**
 * "Storage Blob Data Owner" on this account for the identity running Terraform: with shared keys
 * off, the provider creates filesystems and reads their root ACL through Entra ID, which needs it.
 */
export function grantDeployerDataAccess(
  scope: Construct,
  account: StorageAccount,
  deployerPrincipalId: string,
  principalType: PrincipalType | undefined,
): RoleAssignment {
  return new RoleAssignment(scope, 'deployer-data-owner', {
    scope: account.id,
    roleDefinitionName: 'Storage Blob Data Owner',
    principalId: deployerPrincipalId,
    principalType,
    description: 'Lets the deploying identity create the data lake filesystems (shared keys are off).',
  });
}

/**
 * One filesystem per zone. Deploy-time caveat as for the key: these are data-plane calls to the
 * dfs endpoint, which only the private endpoint serves, so Terraform needs line of sight to it.
 */
export function createFilesystems(
  scope: Construct,
  p: ResolvedDataLakeProps,
  account: StorageAccount,
  dependsOn: ITerraformDependable[],
): Record<string, StorageDataLakeGen2Filesystem> {
  const filesystems: Record<string, StorageDataLakeGen2Filesystem> = {};
  for (const zone of p.zones) {
    filesystems[zone] = new StorageDataLakeGen2Filesystem(scope, `fs-${zone}`, {
      name: zone,
      storageAccountId: account.id,
      dependsOn,
    });
  }
  return filesystems;
}

/**
 * objectLock: a container-level time-based retention policy per zone, so blobs can be created and
 * read but not changed or deleted for retentionDays. Unlocked on purpose (see props.objectLock).
 */
export function createImmutabilityPolicies(
  scope: Construct,
  p: ResolvedDataLakeProps,
  account: StorageAccount,
  filesystems: Record<string, StorageDataLakeGen2Filesystem>,
): Record<string, StorageContainerImmutabilityPolicy> {
  const policies: Record<string, StorageContainerImmutabilityPolicy> = {};
  for (const zone of p.zones) {
    policies[zone] = new StorageContainerImmutabilityPolicy(scope, `worm-${zone}`, {
      storageContainerResourceManagerId: filesystemScope(account, zone),
      immutabilityPeriodInDays: p.retentionDays,
      locked: false,
      dependsOn: [filesystems[zone]],
    });
  }
  return policies;
}

/** ARM scope of one filesystem (the data-plane URL in the filesystem's `id` is not a valid scope). */
export function filesystemScope(account: StorageAccount, zone: string): string {
  return `${account.id}/blobServices/default/containers/${zone}`;
}
