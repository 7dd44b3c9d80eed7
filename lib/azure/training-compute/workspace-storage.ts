import { createHash } from 'crypto';
import { Construct } from 'constructs';
import { Token } from 'cdktf';
import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { DEFAULT_CONFIG } from '../../core/config';
import { BlueprintConfigError } from '../../core/errors';
import { validateIntRange, validateName, validateOneOf } from '../../core/validate';
import { createKeyIdentity, hardenedStorageSettings, MAX_SOFT_DELETE_DAYS } from '../storage-hardening';
import { validateLocation, validateResourceGroupName, validateResourceId } from '../validate';

/** Replication of the workspace storage; zone- or geo-zone-redundant, never single-copy LRS. */
export const WORKSPACE_STORAGE_REPLICATION = ['ZRS', 'GZRS', 'RAGZRS'] as const;

/** Props of {@link WorkspaceStorage}. */
export interface WorkspaceStorageProps {
  readonly resourceGroupName: string;
  readonly location: string;
  /** Subnet of the blob and file private endpoints (training-network's endpoint subnet). */
  readonly privateEndpointSubnetId: string;
  /** The shared private DNS zones the endpoints register in. */
  readonly privateDnsZoneIds: { readonly blob: string; readonly file: string };
  /** Versionless ID of the Key Vault key (the data lake's CMK); storage follows its rotations. */
  readonly keyVersionlessId: string;
  /** Versionless resource ID of that key: the scope of the storage identity's key role. */
  readonly keyResourceVersionlessId: string;
  /** Days deleted blobs, containers and file shares stay recoverable (7-365). @default 90 */
  readonly softDeleteDays?: number;
  /** @default "ZRS" */
  readonly replication?: (typeof WORKSPACE_STORAGE_REPLICATION)[number];
  /** Globally unique account name, 3-24 lower-case letters or digits. @default "st" + project + environment + "ml" + 6 hash characters */
  readonly storageAccountName?: string;
  /** @default "ztai" */
  readonly project?: string;
  /** @default "dev" */
  readonly environment?: string;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

const P = 'WorkspaceStorage';
const SUBNET = /\/virtualNetworks\/[^/]+\/subnets\/[^/]+$/i;
const DNS_ZONE = /\/privateDnsZones\/[^/]+$/i;

/**
 * The Azure ML workspace's default storage (artifacts, snapshots, notebooks on the file share).
 * Azure ML rejects hierarchical-namespace accounts here, so the data lake's ADLS Gen2 account
 * cannot serve: this is a plain StorageV2 account with the platform's hardened settings
 * (lib/azure/storage-hardening.ts: the data lake's CMK through its own identity, infrastructure
 * encryption, TLS 1.2, no public network, no shared keys, soft delete, versioning, retained) and
 * file-share soft delete, reachable through blob and file private endpoints in the shared zones.
 */
export class WorkspaceStorage extends Construct {
  public readonly storageAccount: StorageAccount;
  /** Identity the account reaches its key with (key-scoped role). */
  public readonly identity: UserAssignedIdentity;
  public readonly keyAccess: RoleAssignment;
  public readonly privateEndpoints: { readonly blob: PrivateEndpoint; readonly file: PrivateEndpoint };
  public readonly name: string;

  constructor(scope: Construct, id: string, props: WorkspaceStorageProps) {
    super(scope, id);
    const r = resolveWorkspaceStorageProps(props, this.node.path);
    this.name = r.name;
    const tags = { ...props.tags };
    const at = { resourceGroupName: props.resourceGroupName, location: props.location, tags };
    const enc = createKeyIdentity(
      this,
      { identity: 'identity', keyAccess: 'key-access' },
      {
        ...at,
        name: `id-${r.project}-${r.environment}-mlstorage`,
        keyScope: props.keyResourceVersionlessId,
        purpose: 'the ML workspace storage account',
      },
    );
    this.identity = enc.identity;
    this.keyAccess = enc.keyAccess;
    this.storageAccount = new StorageAccount(this, 'storage', {
      ...hardenedStorageSettings({
        identityId: enc.identity.id,
        keyVersionlessId: props.keyVersionlessId,
        softDeleteDays: r.softDeleteDays,
        versioning: true,
      }),
      name: r.name,
      ...at,
      accountReplicationType: r.replication,
      // Azure ML refuses ADLS Gen2 as workspace storage.
      isHnsEnabled: false,
      // Notebooks and code snapshots live on the file share: deleted shares stay recoverable too.
      shareProperties: { retentionPolicy: { days: r.softDeleteDays } },
      dependsOn: [enc.keyAccess],
    });
    const endpoint = (sub: 'blob' | 'file') =>
      new PrivateEndpoint(this, `pe-${sub}`, {
        name: `pe-${r.name}-${sub}`,
        ...at,
        subnetId: props.privateEndpointSubnetId,
        privateServiceConnection: {
          name: `psc-${r.name}-${sub}`,
          privateConnectionResourceId: this.storageAccount.id,
          subresourceNames: [sub],
          isManualConnection: false,
        },
        privateDnsZoneGroup: { name: 'default', privateDnsZoneIds: [props.privateDnsZoneIds[sub]] },
      });
    this.privateEndpoints = { blob: endpoint('blob'), file: endpoint('file') };
  }
}

export interface ResolvedWorkspaceStorageProps {
  readonly name: string;
  readonly softDeleteDays: number;
  readonly replication: string;
  readonly project: string;
  readonly environment: string;
}

/** Applies defaults and validates; throws BlueprintConfigError naming `WorkspaceStorage.<prop>`. */
export function resolveWorkspaceStorageProps(
  props: WorkspaceStorageProps,
  path: string,
): ResolvedWorkspaceStorageProps {
  if (!props || typeof props !== 'object') throw new BlueprintConfigError(P, 'a props object', props);
  validateResourceGroupName(`${P}.resourceGroupName`, props.resourceGroupName);
  validateLocation(`${P}.location`, props.location);
  validateResourceId(`${P}.privateEndpointSubnetId`, props.privateEndpointSubnetId, SUBNET);
  for (const sub of ['blob', 'file'] as const) {
    validateResourceId(`${P}.privateDnsZoneIds.${sub}`, props.privateDnsZoneIds?.[sub], DNS_ZONE);
  }
  for (const k of ['keyVersionlessId', 'keyResourceVersionlessId'] as const) {
    if (typeof props[k] !== 'string' || props[k].trim() === '') {
      throw new BlueprintConfigError(`${P}.${k}`, 'the Key Vault key of the data lake (required)', props[k]);
    }
  }
  const project = validateName(`${P}.project`, props.project ?? DEFAULT_CONFIG.name);
  const environment = validateName(`${P}.environment`, props.environment ?? DEFAULT_CONFIG.environment);
  const derived = props.storageAccountName === undefined;
  const seed = [project, environment, props.location, props.resourceGroupName, path].join('|');
  const name =
    props.storageAccountName ??
    `st${project}${environment}`.replace(/-/g, '').slice(0, 14) +
      `ml${createHash('sha256').update(seed).digest('hex').slice(0, 6)}`;
  if (!Token.isUnresolved(name) && !/^[a-z0-9]{3,24}$/.test(name)) {
    throw new BlueprintConfigError(
      `${P}.storageAccountName`,
      `3-24 lower-case letters or digits${derived ? ' (derived: set the name explicitly)' : ''}`,
      name,
    );
  }
  return {
    name,
    softDeleteDays: validateIntRange(`${P}.softDeleteDays`, props.softDeleteDays ?? 90, 7, MAX_SOFT_DELETE_DAYS),
    replication: validateOneOf(`${P}.replication`, props.replication ?? 'ZRS', WORKSPACE_STORAGE_REPLICATION),
    project,
    environment,
  };
}
