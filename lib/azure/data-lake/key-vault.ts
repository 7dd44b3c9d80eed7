import { Construct } from 'constructs';
import { ITerraformDependable } from 'cdktf';
import { KeyVault } from '@cdktf/provider-azurerm/lib/key-vault';
import { KeyVaultKey } from '@cdktf/provider-azurerm/lib/key-vault-key';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Placement } from './networking';
import type { PrincipalType } from '../validate';
import { ResolvedDataLakeProps } from './validation';

/** Days a deleted vault (and its keys) stays recoverable: Azure's maximum. */
export const SOFT_DELETE_RETENTION_DAYS = 90;
/** RSA modulus for the customer-managed key: above the 2048-bit floor, supported by storage CMK. */
export const KEY_SIZE = 3072;
/** Each key version expires this long after its rotation is due, leaving time to react to a failed rotation. */
export const KEY_EXPIRY_GRACE_DAYS = 30;

/**
 * The Key Vault holding the storage account's customer-managed key.
 *
 * Premium by default: the key is generated and used inside HSMs and never leaves them, for a
 * small per-key surcharge; "standard" keeps software-protected keys. Access is Azure RBAC only
 * (no access policies), purge protection is on, public access is off and the firewall denies
 * by default. The AzureServices bypass lets trusted services such as Storage reach the key for
 * wrap/unwrap; everything else comes in through the private endpoint.
 */
export function createKeyVault(scope: Construct, p: ResolvedDataLakeProps, at: Placement, tenantId: string): KeyVault {
  return new KeyVault(scope, 'key-vault', {
    name: p.names.keyVault,
    resourceGroupName: at.resourceGroupName,
    location: at.location,
    tenantId,
    skuName: p.keyVaultSku,
    // azurerm 4.x spelling; enable_rbac_authorization is deprecated and dropped in 5.0.
    rbacAuthorizationEnabled: true,
    purgeProtectionEnabled: true,
    softDeleteRetentionDays: SOFT_DELETE_RETENTION_DAYS,
    publicNetworkAccessEnabled: false,
    networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices', ipRules: [], virtualNetworkSubnetIds: [] },
    enabledForDeployment: false,
    enabledForDiskEncryption: false,
    enabledForTemplateDeployment: false,
    tags: at.tags,
    lifecycle: { preventDestroy: true },
  });
}

/**
 * "Key Vault Crypto Officer" for the identity running Terraform: an RBAC-only vault has no other
 * way to let it create the key and set its rotation policy. Scoped to this vault only.
 */
export function grantDeployerKeyAccess(
  scope: Construct,
  vault: KeyVault,
  deployerPrincipalId: string,
  principalType: PrincipalType | undefined,
): RoleAssignment {
  return new RoleAssignment(scope, 'deployer-key-officer', {
    scope: vault.id,
    roleDefinitionName: 'Key Vault Crypto Officer',
    principalId: deployerPrincipalId,
    principalType,
    description: 'Lets the deploying identity create and rotate the data lake CMK (RBAC-only vault).',
  });
}

/**
 * The customer-managed key: RSA 3072 (HSM-backed on premium), usable only to wrap and unwrap the
 * storage account's data encryption key, and rotated automatically by Key Vault.
 *
 * Deploy-time caveat: creating a key is a data-plane call to the vault, and the vault accepts no
 * public traffic. The identity running Terraform needs network line of sight to the vault's
 * private endpoint (a runner inside or peered with the VNet, or a VPN); `dependsOn` makes the
 * endpoint and its DNS record exist first. The defaults are not loosened for the first apply.
 */
export function createKey(
  scope: Construct,
  p: ResolvedDataLakeProps,
  at: Placement,
  vault: KeyVault,
  dependsOn: ITerraformDependable[],
): KeyVaultKey {
  return new KeyVaultKey(scope, 'cmk', {
    name: p.names.key,
    keyVaultId: vault.id,
    keyType: p.keyVaultSku === 'premium' ? 'RSA-HSM' : 'RSA',
    keySize: KEY_SIZE,
    // Storage only wraps / unwraps its account key; no encrypt, decrypt, sign or verify.
    keyOpts: ['wrapKey', 'unwrapKey'],
    rotationPolicy: {
      // Rotate on a schedule counted from version creation: the first version has no expiry date,
      // so an "N days before expiry" trigger would never fire for it.
      automatic: { timeAfterCreation: `P${p.keyRotationDays}D` },
      expireAfter: `P${p.keyRotationDays + KEY_EXPIRY_GRACE_DAYS}D`,
      notifyBeforeExpiry: `P${KEY_EXPIRY_GRACE_DAYS - 1}D`,
    },
    tags: at.tags,
    dependsOn,
    lifecycle: { preventDestroy: true },
  });
}
