import type { DataLakeCommonProps } from '../../core/data-lake';
import type { PrincipalType } from '../validate';

/** Storage redundancy options the construct accepts (all keep data in at least three copies). */
export const REPLICATION_TYPES = ['LRS', 'ZRS', 'GRS', 'RAGRS', 'GZRS', 'RAGZRS'] as const;
export type ReplicationType = (typeof REPLICATION_TYPES)[number];

export const KEY_VAULT_SKUS = ['premium', 'standard'] as const;
export type KeyVaultSku = (typeof KEY_VAULT_SKUS)[number];

/** An existing VNet and the subnet the private endpoints go into. */
export interface ExistingNetwork {
  /** Resource ID of the VNet the private DNS zones are linked to. */
  readonly virtualNetworkId: string;
  /** Resource ID of a subnet in that VNet that may host private endpoints. */
  readonly subnetId: string;
  /**
   * The platform's private DNS zones for blob, dfs and vault (e.g. TrainingNetwork.privateDnsZoneIds),
   * so every private endpoint registers in one set of zones. Without them the data lake creates its
   * own zones and links them to the VNet.
   * @default undefined
   */
  readonly privateDnsZoneIds?: Readonly<Record<'blob' | 'dfs' | 'vault', string>>;
}

/**
 * Props of the Azure {@link SecureDataLake}. Every field is optional and every default is the
 * compliant choice; names match the AWS twin (lib/aws/data-lake) where the concept is the same.
 */
export interface SecureDataLakeProps extends DataLakeCommonProps {
  /** Azure region (lower-case name, e.g. "westeurope"). @default "westeurope" */
  readonly location?: string;
  /**
   * Entra ID tenant of the Key Vault.
   * @default the tenant of the identity running Terraform (data azurerm_client_config)
   */
  readonly tenantId?: string;
  /**
   * Extra input to the deterministic name suffix, e.g. the subscription ID, so the same
   * configuration deployed to two subscriptions gets different globally unique names.
   * @default ""
   */
  readonly nameSeed?: string;
  /**
   * Storage account name, 3-24 lower-case letters or digits, globally unique.
   * @default "st" + project + environment + "dl" + a 6-character hash (hyphens dropped)
   */
  readonly storageAccountName?: string;
  /**
   * Key Vault name, 3-24 letters, digits or single hyphens, starting with a letter, globally unique.
   * @default "kv-" + project + "-" + environment + "-" + a 6-character hash
   */
  readonly keyVaultName?: string;
  /**
   * Name of an existing resource group to deploy into instead of creating one. The construct then
   * neither owns nor protects it.
   * @default undefined: creates "rg-<project>-<environment>-data" with prevent_destroy
   */
  readonly existingResourceGroupName?: string;
  /**
   * Address space of the VNet the construct creates for its private endpoints (/8 to /24).
   * Ignored when existingNetwork is set.
   * @default "10.20.0.0/16"
   */
  readonly vnetCidr?: string;
  /**
   * Prefix length of the private-endpoint subnet, carved as the first block of vnetCidr.
   * @default 24, or the VNet's own prefix when the VNet is smaller than a /24
   */
  readonly privateEndpointSubnetPrefix?: number;
  /**
   * Use an existing VNet and subnet instead of creating them (mutually exclusive with vnetCidr).
   * @default undefined: creates a VNet from vnetCidr
   */
  readonly existingNetwork?: ExistingNetwork;
  /**
   * Key Vault SKU. "premium" keeps the customer-managed key in HSMs (key type RSA-HSM);
   * "standard" uses software-protected keys (key type RSA).
   * @default "premium"
   */
  readonly keyVaultSku?: KeyVaultSku;
  /**
   * Days after which Key Vault creates a new version of the customer-managed key (7-730). Each
   * version expires 30 days after its rotation is due; storage follows the newest version itself.
   * @default 180
   */
  readonly keyRotationDays?: number;
  /** Storage redundancy. @default "ZRS" */
  readonly replication?: ReplicationType;
  /**
   * Grant the identity running Terraform the data-plane roles it needs to create the key
   * ("Key Vault Crypto Officer" on the vault) and the filesystems ("Storage Blob Data Owner" on the
   * account): with RBAC-only vaults and shared keys off there is no other way in. Turn off when
   * the pipeline identity already holds these roles.
   * @default true
   */
  readonly deployerAccess?: boolean;
  /**
   * What the identity running Terraform is, written on its role assignments (ARM rejects a wrong
   * one, so only the deployer knows it). A pipeline's service principal is the zero-trust choice;
   * "User" states that a person holds the data-plane roles above, which ZT-IDENTITY-007 fails. Unset,
   * the assignments name no type and the pack reports them unknown (it cannot tell who deploys).
   * @default undefined
   */
  readonly deployerPrincipalType?: PrincipalType;
}
