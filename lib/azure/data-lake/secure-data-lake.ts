import { Construct } from 'constructs';
import { ITerraformDependable } from 'cdktf';
import { DataAzurermClientConfig } from '@cdktf/provider-azurerm/lib/data-azurerm-client-config';
import { DataAzurermResourceGroup } from '@cdktf/provider-azurerm/lib/data-azurerm-resource-group';
import { KeyVault } from '@cdktf/provider-azurerm/lib/key-vault';
import { KeyVaultKey } from '@cdktf/provider-azurerm/lib/key-vault-key';
import { PrivateDnsZone } from '@cdktf/provider-azurerm/lib/private-dns-zone';
import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { StorageContainerImmutabilityPolicy } from '@cdktf/provider-azurerm/lib/storage-container-immutability-policy';
import { StorageDataLakeGen2Filesystem } from '@cdktf/provider-azurerm/lib/storage-data-lake-gen2-filesystem';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { BlueprintConfigError } from '../../core/errors';
import { governanceTags } from '../../core/tags';
import { type Principal, resolvePrincipal } from '../validate';
import { waive } from '../waive';
import { createKey, createKeyVault, grantDeployerKeyAccess } from './key-vault';
import { createNetwork, createPrivateEndpoint, Placement, PrivateLinkTarget } from './networking';
import { SecureDataLakeProps } from './props';
import {
  createEncryptionIdentity,
  createFilesystems,
  createImmutabilityPolicies,
  createStorageAccount,
  filesystemScope,
  grantDeployerDataAccess,
} from './storage';
import { resolveDataLakeProps, ResolvedDataLakeProps } from './validation';

const READ_ROLE = 'Storage Blob Data Reader';
const WRITE_ROLE = 'Storage Blob Data Contributor';

/**
 * An encrypted, private ADLS Gen2 data lake: one filesystem per zone in a storage account that is
 * encrypted with a customer-managed, auto-rotating Key Vault key, reachable only through private
 * endpoints (blob, dfs, vault) resolved by private DNS zones linked to the VNet, accessible only
 * with Entra ID, and protected from `terraform destroy` (prevent_destroy, purge protection).
 *
 * Deploy-time caveat: the key and the filesystems are created through data-plane calls to
 * endpoints that accept private traffic only. Run Terraform from a network with line of sight to
 * the private endpoints (a self-hosted runner in or peered with the VNet, or a VPN). The construct
 * orders those calls after the endpoints and DNS records exist, and never opens public access.
 */
export class SecureDataLake extends Construct {
  /** The created resource group, or the looked-up existing one. */
  public readonly resourceGroup: ResourceGroup | DataAzurermResourceGroup;
  public readonly keyVault: KeyVault;
  /** The customer-managed key of the storage account. */
  public readonly key: KeyVaultKey;
  /** The user-assigned identity the storage account uses to reach its key. */
  public readonly identity: UserAssignedIdentity;
  public readonly storageAccount: StorageAccount;
  /** One ADLS Gen2 filesystem per zone, keyed by zone name. */
  public readonly filesystems: Readonly<Record<string, StorageDataLakeGen2Filesystem>>;
  /** Per-zone WORM retention policies when objectLock is on, keyed by zone; empty otherwise. */
  public readonly immutabilityPolicies: Readonly<Record<string, StorageContainerImmutabilityPolicy>>;
  public readonly privateEndpoints: Readonly<Record<PrivateLinkTarget, PrivateEndpoint>>;
  /** Zones the lake created itself; empty when existingNetwork brought the platform's zones. */
  public readonly privateDnsZones: Readonly<Partial<Record<PrivateLinkTarget, PrivateDnsZone>>>;
  /** The created VNet; undefined when `existingNetwork` was given. */
  public readonly vnet?: VirtualNetwork;
  /** The created private-endpoint subnet; undefined when `existingNetwork` was given. */
  public readonly subnet?: Subnet;
  public readonly virtualNetworkId: string;
  public readonly subnetId: string;
  /** Zones, in the order given. */
  public readonly zones: readonly string[];
  /** Tags applied to every taggable resource of the construct. */
  public readonly tags: Readonly<Record<string, string>>;

  private readonly resolved: ResolvedDataLakeProps;
  private grantCount = 0;

  constructor(scope: Construct, id: string, props: SecureDataLakeProps = {}) {
    super(scope, id);
    const p = resolveDataLakeProps(props, this.node.path);
    this.resolved = p;
    this.zones = p.zones;
    this.tags = governanceTags({
      owner: p.owner,
      classification: p.classification,
      lineage: p.lineage,
      project: p.project,
      environment: p.environment,
    });

    this.resourceGroup = p.existingResourceGroupName
      ? new DataAzurermResourceGroup(this, 'resource-group', { name: p.existingResourceGroupName })
      : new ResourceGroup(this, 'resource-group', {
          name: p.names.resourceGroup,
          location: p.location,
          tags: this.tags,
          lifecycle: { preventDestroy: true },
        });
    const at: Placement = { resourceGroupName: this.resourceGroup.name, location: p.location, tags: this.tags };

    const needsClient = p.tenantId === undefined || p.deployerAccess;
    const client = needsClient ? new DataAzurermClientConfig(this, 'client') : undefined;
    const tenantId = p.tenantId ?? (client as DataAzurermClientConfig).tenantId;

    const net = createNetwork(this, p, at);
    this.vnet = net.vnet;
    this.subnet = net.subnet;
    this.virtualNetworkId = net.virtualNetworkId;
    this.subnetId = net.subnetId;
    this.privateDnsZones = net.dnsZones;

    this.keyVault = createKeyVault(this, p, at, tenantId);
    const vaultEndpoint = createPrivateEndpoint(this, net, at, {
      subresource: 'vault',
      resourceId: this.keyVault.id,
      resourceName: p.names.keyVault,
    });
    const keyDeps: ITerraformDependable[] = [vaultEndpoint];
    // The client config is also read for the tenant alone: grant only when deployer access is on.
    if (client && p.deployerAccess)
      keyDeps.push(grantDeployerKeyAccess(this, this.keyVault, client.objectId, p.deployerPrincipalType));
    this.key = createKey(this, p, at, this.keyVault, keyDeps);

    const enc = createEncryptionIdentity(this, p, at, this.keyVault);
    this.identity = enc.identity;
    this.storageAccount = createStorageAccount(this, p, at, this.key, enc);
    waive(this.storageAccount, {
      ruleId: 'ZT-DATA-007',
      reason:
        'Blob versioning cannot be enabled on a hierarchical-namespace (ADLS Gen2) account: the pinned azurerm ' +
        "provider (4.55) rejects versioning_enabled with is_hns_enabled at apply, following Azure's documented " +
        'limitation. Deleted blobs and filesystems stay recoverable through blob and container soft delete ' +
        `(${p.retentionDays} days), which is configured.`,
    });

    const endpoint = (subresource: 'blob' | 'dfs'): PrivateEndpoint =>
      createPrivateEndpoint(this, net, at, {
        subresource,
        resourceId: this.storageAccount.id,
        resourceName: p.names.storageAccount,
      });
    this.privateEndpoints = { blob: endpoint('blob'), dfs: endpoint('dfs'), vault: vaultEndpoint };

    const fsDeps: ITerraformDependable[] = [this.privateEndpoints.dfs];
    if (client && p.deployerAccess)
      fsDeps.push(grantDeployerDataAccess(this, this.storageAccount, client.objectId, p.deployerPrincipalType));
    this.filesystems = createFilesystems(this, p, this.storageAccount, fsDeps);
    this.immutabilityPolicies = p.objectLock
      ? createImmutabilityPolicies(this, p, this.storageAccount, this.filesystems)
      : {};
  }

  /**
   * Lets a principal read data ("Storage Blob Data Reader") in one zone, or in every zone when
   * `zone` is omitted. No key permission is needed: storage decrypts with its own identity.
   */
  public grantRead(principal: Principal, zone?: string): RoleAssignment {
    return this.grant('read', READ_ROLE, principal, zone);
  }

  /**
   * Lets a principal read, write and delete data ("Storage Blob Data Contributor") in one zone, or
   * in every zone when `zone` is omitted. It cannot change ACLs, keys or account settings.
   */
  public grantWrite(principal: Principal, zone?: string): RoleAssignment {
    return this.grant('write', WRITE_ROLE, principal, zone);
  }

  private grant(kind: string, role: string, principal: Principal, zone: string | undefined): RoleAssignment {
    const method = kind === 'read' ? 'grantRead' : 'grantWrite';
    const { id, type } = resolvePrincipal(`SecureDataLake.${method}.principalId`, principal);
    if (zone !== undefined && !this.resolved.zones.includes(zone)) {
      throw new BlueprintConfigError(`SecureDataLake.${method}.zone`, `one of ${this.zones.join(', ')}`, zone);
    }
    this.grantCount += 1;
    return new RoleAssignment(this, `grant-${kind}-${zone ?? 'all-zones'}-${this.grantCount}`, {
      // The narrowest scope that covers the request: one filesystem, else the account.
      scope: zone ? filesystemScope(this.storageAccount, zone) : this.storageAccount.id,
      roleDefinitionName: role,
      principalId: id,
      principalType: type,
      // A role scoped to a filesystem can only be assigned once the filesystem exists.
      ...(zone ? { dependsOn: [this.filesystems[zone]] } : {}),
    });
  }
}
