import { createHash } from 'crypto';
import { DEFAULT_CONFIG } from '../../core/config';
import { resolveDataLakeCommon, ResolvedDataLakeCommon } from '../../core/data-lake';
import { BlueprintConfigError } from '../../core/errors';
import { subdivideCidr, validateCidr, validateIntRange, validateOneOf } from '../../core/validate';
import {
  ExistingNetwork,
  KEY_VAULT_SKUS,
  KeyVaultSku,
  REPLICATION_TYPES,
  ReplicationType,
  SecureDataLakeProps,
} from './props';
import {
  type PrincipalType,
  validateGuid,
  validateLocation,
  validatePrincipalType,
  validateResourceGroupName,
  validateResourceId,
} from '../validate';

const P = 'SecureDataLake';
const DEFAULT_SUBNET_PREFIX = 24;

/** Props after validation, defaults applied and resource names derived. */
export interface ResolvedDataLakeProps extends ResolvedDataLakeCommon {
  readonly location: string;
  readonly tenantId?: string;
  readonly keyVaultSku: KeyVaultSku;
  readonly keyRotationDays: number;
  readonly replication: ReplicationType;
  readonly deployerAccess: boolean;
  readonly deployerPrincipalType?: PrincipalType;
  readonly existingResourceGroupName?: string;
  /** Set when the construct creates its own VNet. */
  readonly network?: { readonly vnetCidr: string; readonly subnetCidr: string };
  readonly existingNetwork?: ExistingNetwork;
  readonly names: ResourceNames;
}

export interface ResourceNames {
  readonly resourceGroup: string;
  readonly storageAccount: string;
  readonly keyVault: string;
  readonly key: string;
  readonly identity: string;
  readonly vnet: string;
  readonly subnet: string;
}

/**
 * Validates the props and applies the defaults. `path` (the construct path) feeds the name suffix
 * so two data lakes in one app get different global names, deterministically across synths.
 * @throws BlueprintConfigError naming the offending prop, e.g. `SecureDataLake.zones[1]`.
 */
export function resolveDataLakeProps(props: SecureDataLakeProps, path: string): ResolvedDataLakeProps {
  const common = resolveDataLakeCommon(P, props, {
    maxRetentionDays: 365, // Azure's soft-delete maximum
    maxProjectLength: 16, // keeps derived storage / Key Vault names within 24 characters
    maxEnvironmentLength: 12,
  });
  const { project, environment } = common;
  const location = validateLocation(`${P}.location`, props.location ?? DEFAULT_CONFIG.azure.location);
  if (props.tenantId !== undefined) validateGuid(`${P}.tenantId`, props.tenantId);
  const keyVaultSku = validateOneOf(`${P}.keyVaultSku`, props.keyVaultSku ?? 'premium', KEY_VAULT_SKUS);
  const keyRotationDays = validateIntRange(`${P}.keyRotationDays`, props.keyRotationDays ?? 180, 7, 730);
  const replication = validateOneOf(`${P}.replication`, props.replication ?? 'ZRS', REPLICATION_TYPES);
  if (props.existingResourceGroupName !== undefined) {
    validateResourceGroupName(`${P}.existingResourceGroupName`, props.existingResourceGroupName);
  }

  const suffix = hashSuffix([project, environment, location, props.nameSeed ?? '', path]);
  const names: ResourceNames = {
    resourceGroup: props.existingResourceGroupName ?? `rg-${project}-${environment}-data`,
    storageAccount: validateStorageAccountName(
      props.storageAccountName ?? `st${project}${environment}dl${suffix}`.replace(/-/g, ''),
      props.storageAccountName === undefined,
    ),
    keyVault: validateKeyVaultName(
      props.keyVaultName ?? `kv-${project}-${environment}-${suffix}`,
      props.keyVaultName === undefined,
    ),
    key: 'data-lake-cmk',
    identity: `id-${project}-${environment}-data`,
    vnet: `vnet-${project}-${environment}`,
    subnet: `snet-${project}-${environment}-pe`,
  };

  return {
    ...common,
    location,
    tenantId: props.tenantId,
    keyVaultSku,
    keyRotationDays,
    replication,
    deployerAccess: props.deployerAccess ?? true,
    deployerPrincipalType: validatePrincipalType('SecureDataLake.deployerPrincipalType', props.deployerPrincipalType),
    existingResourceGroupName: props.existingResourceGroupName,
    ...resolveNetwork(props),
    names,
  };
}

function resolveNetwork(props: SecureDataLakeProps): Pick<ResolvedDataLakeProps, 'network' | 'existingNetwork'> {
  if (props.existingNetwork) {
    if (props.vnetCidr !== undefined || props.privateEndpointSubnetPrefix !== undefined) {
      throw new BlueprintConfigError(
        `${P}.existingNetwork`,
        'either existingNetwork or vnetCidr/privateEndpointSubnetPrefix, not both',
      );
    }
    const { virtualNetworkId, subnetId } = props.existingNetwork;
    validateResourceId(`${P}.existingNetwork.virtualNetworkId`, virtualNetworkId, /\/virtualNetworks\/[^/]+$/i);
    validateResourceId(`${P}.existingNetwork.subnetId`, subnetId, /\/virtualNetworks\/[^/]+\/subnets\/[^/]+$/i);
    const zoneIds = props.existingNetwork.privateDnsZoneIds;
    if (zoneIds !== undefined) {
      for (const target of ['blob', 'dfs', 'vault'] as const) {
        validateResourceId(
          `${P}.existingNetwork.privateDnsZoneIds.${target}`,
          zoneIds[target],
          /\/privateDnsZones\/[^/]+$/i,
        );
      }
    }
    return { existingNetwork: { virtualNetworkId, subnetId, ...(zoneIds ? { privateDnsZoneIds: zoneIds } : {}) } };
  }
  const vnetCidr = validateCidr(`${P}.vnetCidr`, props.vnetCidr ?? DEFAULT_CONFIG.network.cidr, 8, 24);
  const vnetPrefix = Number(vnetCidr.split('/')[1]);
  const subnetPrefix = validateIntRange(
    `${P}.privateEndpointSubnetPrefix`,
    props.privateEndpointSubnetPrefix ?? Math.max(DEFAULT_SUBNET_PREFIX, vnetPrefix),
    vnetPrefix,
    28, // Azure's smallest useful subnet keeps 11 usable addresses after its 5 reserved ones.
  );
  // The first block of the VNet; later layers carve their subnets after it.
  const [subnetCidr] = subdivideCidr(vnetCidr, subnetPrefix, 1);
  return { network: { vnetCidr, subnetCidr } };
}

/** Storage account names: 3-24 lower-case letters or digits (global DNS label). */
function validateStorageAccountName(value: string, derived: boolean): string {
  if (!/^[a-z0-9]{3,24}$/.test(value)) {
    throw new BlueprintConfigError(
      `${P}.storageAccountName`,
      `3-24 lower-case letters or digits${hint(derived)}`,
      value,
    );
  }
  return value;
}

/** Key Vault names: 3-24 letters, digits, single hyphens; starts with a letter, ends alphanumeric. */
function validateKeyVaultName(value: string, derived: boolean): string {
  if (!/^[a-zA-Z][a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$/.test(value) || value.includes('--')) {
    throw new BlueprintConfigError(
      `${P}.keyVaultName`,
      `3-24 letters, digits or single hyphens, starting with a letter${hint(derived)}`,
      value,
    );
  }
  return value;
}

function hint(derived: boolean): string {
  return derived ? ' (derived from project and environment: shorten them or set the name explicitly)' : '';
}

function hashSuffix(parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('|')).digest('hex').slice(0, 6);
}
