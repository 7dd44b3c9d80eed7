import { ITerraformDependable, Token } from 'cdktf';
import {
  DEFAULT_AZURE_GPU_VM_SIZE,
  DEFAULT_MAX_INSTANCE_COUNT,
  validateAzureGpuVmSize,
  validateScaleBounds,
} from '../../core/compute';
import { DEFAULT_CONFIG } from '../../core/config';
import { BlueprintConfigError } from '../../core/errors';
import { validateName, validateOneOf } from '../../core/validate';
import { validateLocation, validateResourceGroupName, validateResourceId } from '../validate';

/**
 * Where training compute runs:
 * - "managed": the Azure ML managed network (AllowOnlyApprovedOutbound); compute gets no subnet of
 *   ours and reaches only the workspace's own dependencies plus the approved outbound rules;
 * - "customer-vnet": the cluster (and serverless compute) in our training subnet, governed by the
 *   training-network NSGs; the managed network still isolates workspace-managed resources.
 */
export const NETWORK_MODELS = ['managed', 'customer-vnet'] as const;
export type NetworkModel = (typeof NETWORK_MODELS)[number];

/** A user-assigned identity (azurerm_user_assigned_identity). */
export interface IdentityRef {
  /** Resource ID. */
  readonly id: string;
  /** Object (principal) ID, for role assignments. */
  readonly principalId: string;
}

/** The private DNS zones (from training-network) the construct's private endpoints register in. */
export interface ComputeDnsZoneIds {
  /** privatelink.api.azureml.ms */
  readonly azureMlApi: string;
  /** privatelink.notebooks.azure.net */
  readonly azureMlNotebooks: string;
  /** privatelink.azurecr.io */
  readonly containerRegistry: string;
}

/** Props of the Azure {@link TrainingCompute}. Network inputs come from training-network. */
export interface TrainingComputeProps {
  readonly resourceGroupName: string;
  /** Azure region, e.g. "westeurope". */
  readonly location: string;
  /** Subnet for the workspace and registry private endpoints. */
  readonly privateEndpointSubnetId: string;
  readonly privateDnsZoneIds: ComputeDnsZoneIds;
  /** Key Vault holding the CMK (the data lake's vault: purge protection on, RBAC). */
  readonly keyVaultId: string;
  /** Versioned ID of the Key Vault key encrypting workspace data (the data lake's key). */
  readonly keyId: string;
  /**
   * Identity of the workspace and cluster: reads the key, reaches storage and the registry with
   * Entra ID (the construct assigns it the roles on the vault, storage and registry).
   */
  readonly identity: IdentityRef;
  /** Workspace default storage: StorageV2 without hierarchical namespace (AML rejects ADLS Gen2 here). */
  readonly storageAccountId: string;
  /** Log Analytics workspace of the platform (workspace-based Application Insights). */
  readonly logAnalyticsWorkspaceId: string;
  /** @default "managed" */
  readonly networkModel?: NetworkModel;
  /** Training subnet; required with networkModel "customer-vnet", rejected otherwise. */
  readonly trainingSubnetId?: string;
  /**
   * Storage accounts training reads (the data lake): each gets a managed-network private-endpoint
   * outbound rule for `dfs` and `blob`. @default []
   */
  readonly dataStorageAccountIds?: readonly string[];
  /**
   * Extra FQDNs the managed network may reach (package mirrors...). Any FQDN rule makes Azure
   * provision a managed Azure Firewall (billed hourly). @default [] (no firewall)
   */
  readonly approvedFqdns?: readonly string[];
  /** GPU VM size (N-series, whole GPUs). @default "Standard_NC4as_T4_v3" */
  readonly vmSize?: string;
  /** Idle floor of the cluster. @default 0 */
  readonly minInstanceCount?: number;
  /** Node ceiling of the cluster (1-100). @default 4 */
  readonly maxInstanceCount?: number;
  /** Idle time before nodes are released, ISO 8601. @default "PT15M" */
  readonly scaleDownAfterIdle?: string;
  /** Globally unique registry name, 5-50 letters or digits. @default "acr" + project + environment + a 6-character hash */
  readonly containerRegistryName?: string;
  /** @default "ztai" */
  readonly project?: string;
  /** @default "dev" */
  readonly environment?: string;
  /** Tags for every taggable resource. @default {} */
  readonly tags?: Readonly<Record<string, string>>;
  /**
   * What the workspace must wait for besides its own role assignments, e.g. the private endpoints
   * of its storage account. @default []
   */
  readonly dependsOn?: readonly ITerraformDependable[];
}

export interface ResolvedComputeProps {
  readonly networkModel: NetworkModel;
  readonly trainingSubnetId?: string;
  readonly vmSize: string;
  readonly minInstanceCount: number;
  readonly maxInstanceCount: number;
  readonly scaleDownAfterIdle: string;
  readonly dataStorageAccountIds: readonly string[];
  readonly approvedFqdns: readonly string[];
  readonly names: { workspace: string; registry: string; insights: string; cluster: string };
}

const P = 'TrainingCompute';
const SUBNET = /\/virtualNetworks\/[^/]+\/subnets\/[^/]+$/i;

export function resolveComputeProps(props: TrainingComputeProps, path: string): ResolvedComputeProps {
  validateResourceGroupName(`${P}.resourceGroupName`, props.resourceGroupName);
  validateLocation(`${P}.location`, props.location);
  validateResourceId(`${P}.privateEndpointSubnetId`, props.privateEndpointSubnetId, SUBNET);
  validateResourceId(`${P}.keyVaultId`, props.keyVaultId, /\/Microsoft\.KeyVault\/vaults\/[^/]+$/i);
  validateResourceId(`${P}.storageAccountId`, props.storageAccountId, /\/Microsoft\.Storage\/storageAccounts\/[^/]+$/i);
  const networkModel = validateOneOf(`${P}.networkModel`, props.networkModel ?? 'managed', NETWORK_MODELS);
  if (networkModel === 'customer-vnet') {
    if (props.trainingSubnetId === undefined) {
      throw new BlueprintConfigError(`${P}.trainingSubnetId`, 'a training subnet ID with networkModel "customer-vnet"');
    }
    validateResourceId(`${P}.trainingSubnetId`, props.trainingSubnetId, SUBNET);
  } else if (props.trainingSubnetId !== undefined) {
    throw new BlueprintConfigError(
      `${P}.trainingSubnetId`,
      'no subnet with networkModel "managed"',
      props.trainingSubnetId,
    );
  }
  const vmSize = validateAzureGpuVmSize(`${P}.vmSize`, props.vmSize ?? DEFAULT_AZURE_GPU_VM_SIZE);
  const bounds = validateScaleBounds(
    P,
    props.minInstanceCount ?? 0,
    props.maxInstanceCount ?? DEFAULT_MAX_INSTANCE_COUNT,
  );
  const scaleDownAfterIdle = props.scaleDownAfterIdle ?? 'PT15M';
  if (!/^PT(\d+H)?(\d+M)?(\d+S)?$/.test(scaleDownAfterIdle) || scaleDownAfterIdle === 'PT') {
    throw new BlueprintConfigError(`${P}.scaleDownAfterIdle`, 'an ISO 8601 duration like PT15M', scaleDownAfterIdle);
  }
  const approvedFqdns = [...(props.approvedFqdns ?? [])];
  approvedFqdns.forEach((f, i) => {
    if (typeof f !== 'string' || !/^(\*\.)?([a-z0-9-]+\.)+[a-z]{2,}$/i.test(f)) {
      throw new BlueprintConfigError(`${P}.approvedFqdns[${i}]`, 'a host name like pypi.org or *.example.com', f);
    }
  });
  const project = validateName(`${P}.project`, props.project ?? DEFAULT_CONFIG.name, 12);
  const environment = validateName(`${P}.environment`, props.environment ?? DEFAULT_CONFIG.environment, 8);
  const registry =
    props.containerRegistryName ??
    `acr${project}${environment}${hash(`${project}|${environment}|${props.location}|${path}`)}`.replace(/-/g, '');
  if (!Token.isUnresolved(registry) && !/^[a-zA-Z0-9]{5,50}$/.test(registry)) {
    throw new BlueprintConfigError(`${P}.containerRegistryName`, '5-50 letters or digits', registry);
  }
  return {
    networkModel,
    trainingSubnetId: props.trainingSubnetId,
    vmSize,
    ...bounds,
    scaleDownAfterIdle,
    dataStorageAccountIds: [...(props.dataStorageAccountIds ?? [])],
    approvedFqdns,
    names: {
      workspace: `mlw-${project}-${environment}`,
      registry,
      insights: `appi-${project}-${environment}-ml`,
      // Compute names: 2-16 characters.
      cluster: `gpu-${environment}`.slice(0, 16),
    },
  };
}

/** 6 hex characters, stable for the same input (literal or token text). */
function hash(seed: string): string {
  let h = 2166136261;
  for (const c of seed) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return h.toString(16).padStart(8, '0').slice(0, 6);
}
