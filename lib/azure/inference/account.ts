import { Construct } from 'constructs';
import { CognitiveAccount } from '@cdktf/provider-azurerm/lib/cognitive-account';
import { CognitiveDeployment } from '@cdktf/provider-azurerm/lib/cognitive-deployment';
import { KeyVaultKey } from '@cdktf/provider-azurerm/lib/key-vault-key';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { InferenceEncryption, InferenceNetwork, ResolvedInferenceProps } from './props';

export interface Placement {
  readonly resourceGroupName: string;
  readonly location: string;
  readonly tags: Record<string, string>;
}

/** Azure AI services accept RSA keys of 2048 bits only for customer-managed encryption. */
export const ACCOUNT_KEY_SIZE = 2048;
/** Days between automatic rotations of the account key; the account follows the versionless ID. */
export const ACCOUNT_KEY_ROTATION_DAYS = 90;

export interface AccountEncryption {
  readonly identity: UserAssignedIdentity;
  readonly key: KeyVaultKey;
  readonly keyAccess: RoleAssignment;
}

/**
 * The account's customer-managed key in the platform vault (HSM-backed, wrap/unwrap only, rotated),
 * and the user-assigned identity that may use that one key ("Key Vault Crypto Service Encryption
 * User" scoped to the key, not the vault).
 */
export function createAccountEncryption(
  scope: Construct,
  r: ResolvedInferenceProps,
  at: Placement,
  enc: InferenceEncryption,
): AccountEncryption {
  const identity = new UserAssignedIdentity(scope, 'cmk-identity', {
    name: r.names.identity,
    resourceGroupName: at.resourceGroupName,
    location: at.location,
    tags: at.tags,
  });
  const key = new KeyVaultKey(scope, 'cmk', {
    name: r.names.key,
    keyVaultId: enc.keyVaultId,
    keyType: 'RSA-HSM',
    keySize: ACCOUNT_KEY_SIZE,
    // Get comes with the role; the service only wraps and unwraps its data encryption key.
    keyOpts: ['wrapKey', 'unwrapKey'],
    rotationPolicy: {
      automatic: { timeAfterCreation: `P${ACCOUNT_KEY_ROTATION_DAYS}D` },
      expireAfter: `P${ACCOUNT_KEY_ROTATION_DAYS + 30}D`,
      notifyBeforeExpiry: 'P29D',
    },
    tags: at.tags,
    // The vault accepts private traffic only: its endpoint and the deployer's role come first.
    dependsOn: [...(enc.dependsOn ?? [])],
    lifecycle: { preventDestroy: true },
  });
  const keyAccess = new RoleAssignment(scope, 'cmk-access', {
    scope: key.resourceVersionlessId,
    roleDefinitionName: 'Key Vault Crypto Service Encryption User',
    principalId: identity.principalId,
    principalType: 'ServicePrincipal',
    skipServicePrincipalAadCheck: true,
    description: 'Lets the Azure OpenAI account wrap/unwrap its data encryption key with this one key.',
  });
  return { identity, key, keyAccess };
}

/**
 * The Azure OpenAI / AI Services account: no public network access, no keys (Entra ID only), its
 * own subdomain (required for Entra ID and private endpoints), firewall default deny with no
 * trusted-service bypass, outbound calls restricted to the listed FQDNs, the platform's
 * customer-managed key through the user-assigned identity. Retained: it holds uploaded files,
 * fine-tunes and stored completions.
 */
export function createAccount(
  scope: Construct,
  r: ResolvedInferenceProps,
  at: Placement,
  enc: AccountEncryption,
  allowedFqdns: readonly string[],
): CognitiveAccount {
  return new CognitiveAccount(scope, 'account', {
    name: r.names.account,
    resourceGroupName: at.resourceGroupName,
    location: at.location,
    kind: r.kind,
    skuName: 'S0',
    customSubdomainName: r.names.account,
    publicNetworkAccessEnabled: false,
    localAuthEnabled: false,
    outboundNetworkAccessRestricted: true,
    fqdns: [...allowedFqdns],
    networkAcls: { defaultAction: 'Deny', bypass: 'None', ipRules: [], virtualNetworkRules: [] },
    identity: { type: 'UserAssigned', identityIds: [enc.identity.id] },
    customerManagedKey: { keyVaultKeyId: enc.key.versionlessId, identityClientId: enc.identity.clientId },
    tags: at.tags,
    dependsOn: [enc.keyAccess],
    lifecycle: { preventDestroy: true },
  });
}

/** The account's private endpoint in the endpoint subnet, registered in the shared zones. */
export function createAccountEndpoint(
  scope: Construct,
  r: ResolvedInferenceProps,
  at: Placement,
  account: CognitiveAccount,
  net: InferenceNetwork,
): PrivateEndpoint {
  const zones = net.privateDnsZoneIds;
  return new PrivateEndpoint(scope, 'account-pe', {
    name: `pe-${r.names.account}`,
    resourceGroupName: at.resourceGroupName,
    location: at.location,
    subnetId: net.privateEndpointSubnetId,
    privateServiceConnection: {
      name: `psc-${r.names.account}`,
      privateConnectionResourceId: account.id,
      subresourceNames: ['account'],
      isManualConnection: false,
    },
    // OpenAI accounts resolve in privatelink.openai.azure.com; AI Services also in cognitiveservices.
    privateDnsZoneGroup: {
      name: 'default',
      privateDnsZoneIds: r.kind === 'OpenAI' ? [zones.openai] : [zones.cognitiveServices, zones.openai],
    },
    tags: at.tags,
    dependsOn: [...(net.dependsOn ?? [])],
  });
}

/** The model deployment, bound to the platform RAI policy, pinned to its version. */
export function createDeployment(
  scope: Construct,
  r: ResolvedInferenceProps,
  account: CognitiveAccount,
  raiPolicyName: string,
): CognitiveDeployment {
  return new CognitiveDeployment(scope, 'deployment', {
    name: r.names.deployment,
    cognitiveAccountId: account.id,
    model: { format: 'OpenAI', name: r.model.name, version: r.model.version },
    sku: { name: r.deploymentSku, capacity: r.capacity },
    raiPolicyName,
    // A new model version is a new model: it ships through review, not by auto-upgrade.
    versionUpgradeOption: 'NoAutoUpgrade',
  });
}

/** Every log category and metric of a resource into the platform workspace (resource-specific tables). */
export function createDiagnostics(
  scope: Construct,
  id: string,
  targetResourceId: string,
  workspaceId: string,
  dedicated: boolean,
): MonitorDiagnosticSetting {
  return new MonitorDiagnosticSetting(scope, id, {
    name: 'to-platform-workspace',
    targetResourceId,
    logAnalyticsWorkspaceId: workspaceId,
    ...(dedicated ? { logAnalyticsDestinationType: 'Dedicated' } : {}),
    enabledLog: [{ categoryGroup: 'allLogs' }],
    enabledMetric: [{ category: 'AllMetrics' }],
  });
}
