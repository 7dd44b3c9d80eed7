import { resolveOwnership } from '../../core/governance';
import { createHash } from 'crypto';
import { DataClassification } from '../../core/classification';
import { DEFAULT_CONFIG } from '../../core/config';
import { BlueprintConfigError } from '../../core/errors';
import { planSubnets, validateLogRetention, validateNetworkCidr, validateSubnets } from '../../core/network';
import { validateCidr, validateName, validateOneOf } from '../../core/validate';
import { validateLocation, validateResourceGroupName } from '../validate';

const P = 'TrainingNetwork';

/** Subnet roles, in carving order: the first keeps the data lake's historical address (x.x.0.0/24). */
export const SUBNET_ROLES = ['privateEndpoints', 'training', 'apiManagement'] as const;
export type SubnetRole = (typeof SUBNET_ROLES)[number];

/** The region's Network Watcher when the subscription already has one (Azure allows one per region). */
export interface ExistingNetworkWatcher {
  readonly name: string;
  readonly resourceGroupName: string;
}

/**
 * Props of the Azure {@link TrainingNetwork}. Every field is optional and every default is the
 * compliant choice; the network fields mirror BlueprintConfig.network (one plan for both clouds).
 */
export interface TrainingNetworkProps {
  /** VNet address space, /16 to /24. @default "10.20.0.0/16" (DEFAULT_CONFIG.network.cidr) */
  readonly cidr?: string;
  /** Prefix length of each subnet, up to /28. @default 24 */
  readonly subnetPrefix?: number;
  /** Explicit subnet CIDRs by role; inside `cidr`, not overlapping. @default consecutive blocks */
  readonly subnetCidrs?: Partial<Record<SubnetRole, string>>;
  /**
   * Extra sources (CIDRs) allowed to reach the private endpoints on 443, e.g. the peered network
   * of the Terraform runner or a VPN range. @default [] (only the platform's subnets)
   */
  readonly privateEndpointClientCidrs?: readonly string[];
  /** Days flow logs and the Log Analytics workspace keep records. @default 90 */
  readonly logRetentionDays?: number;
  /** Use the region's existing Network Watcher instead of creating one. @default undefined: creates one */
  readonly existingNetworkWatcher?: ExistingNetworkWatcher;
  /** Azure region. @default "westeurope" */
  readonly location?: string;
  /** Extra input to the name hash of global names (the flow-log storage account). @default "" */
  readonly nameSeed?: string;
  /** Platform name (tags, names; up to 16 characters). @default "ztai" */
  readonly project?: string;
  /** Environment label (tags, names; up to 12 characters). @default "dev" */
  readonly environment?: string;
  /** Accountable owner (tag). @default "platform-team" */
  readonly owner?: string;
  /** Sensitivity of the data the network carries (tag). @default "confidential" */
  readonly classification?: DataClassification;
}

export interface ResolvedTrainingNetworkProps {
  readonly cidr: string;
  readonly subnets: Readonly<Record<SubnetRole, string>>;
  readonly privateEndpointClientCidrs: readonly string[];
  readonly logRetentionDays: number;
  readonly existingNetworkWatcher?: ExistingNetworkWatcher;
  readonly location: string;
  readonly project: string;
  readonly environment: string;
  readonly owner: string;
  readonly classification: DataClassification;
  readonly names: {
    readonly resourceGroup: string;
    readonly vnet: string;
    readonly subnet: (role: SubnetRole) => string;
    readonly nsg: (role: SubnetRole) => string;
    readonly workspace: string;
    readonly monitorPrivateLinkScope: string;
    readonly storageAccount: string;
    readonly networkWatcher: string;
    readonly identity: string;
  };
}

const SUBNET_SUFFIX: Record<SubnetRole, string> = {
  privateEndpoints: 'pe',
  training: 'training',
  apiManagement: 'apim',
};

/** Applies defaults and validates; throws BlueprintConfigError naming `TrainingNetwork.<prop>`. */
export function resolveTrainingNetworkProps(props: TrainingNetworkProps, path: string): ResolvedTrainingNetworkProps {
  const d = DEFAULT_CONFIG.network;
  const cidr = validateNetworkCidr(`${P}.cidr`, props.cidr ?? d.cidr);
  const explicit = props.subnetCidrs ?? {};
  for (const role of Object.keys(explicit)) validateOneOf(`${P}.subnetCidrs`, role, SUBNET_ROLES);
  validateSubnets(
    `${P}.subnetCidrs`,
    cidr,
    SUBNET_ROLES.filter((r) => explicit[r] !== undefined).map((r) => ({ name: r, cidr: explicit[r] as string })),
  );
  const planned = planSubnets(P, cidr, props.subnetPrefix ?? d.subnetPrefix, SUBNET_ROLES, explicit);
  const subnets = Object.fromEntries(planned.map((s) => [s.name, s.cidr])) as Record<SubnetRole, string>;
  const clients = [...(props.privateEndpointClientCidrs ?? [])];
  clients.forEach((c, i) => validateCidr(`${P}.privateEndpointClientCidrs[${i}]`, c, 8, 32));

  const project = validateName(`${P}.project`, props.project ?? DEFAULT_CONFIG.name, 16);
  const environment = validateName(`${P}.environment`, props.environment ?? DEFAULT_CONFIG.environment, 12);
  const location = validateLocation(`${P}.location`, props.location ?? DEFAULT_CONFIG.azure.location);
  if (props.existingNetworkWatcher) {
    const { name, resourceGroupName } = props.existingNetworkWatcher;
    if (typeof name !== 'string' || !/^[\w.-]{1,80}$/.test(name)) {
      throw new BlueprintConfigError(`${P}.existingNetworkWatcher.name`, 'a Network Watcher name', name);
    }
    validateResourceGroupName(`${P}.existingNetworkWatcher.resourceGroupName`, resourceGroupName);
  }
  const suffix = createHash('sha256')
    .update([project, environment, location, props.nameSeed ?? '', path].join('|'))
    .digest('hex')
    .slice(0, 6);
  const base = `${project}-${environment}`;
  return {
    cidr,
    subnets,
    privateEndpointClientCidrs: clients,
    logRetentionDays: validateLogRetention(`${P}.logRetentionDays`, props.logRetentionDays ?? d.logRetentionDays),
    existingNetworkWatcher: props.existingNetworkWatcher,
    location,
    project,
    environment,
    ...resolveOwnership(P, props),
    names: {
      resourceGroup: `rg-${base}-network`,
      vnet: `vnet-${base}`,
      subnet: (role) => `snet-${base}-${SUBNET_SUFFIX[role]}`,
      nsg: (role) => `nsg-${base}-${SUBNET_SUFFIX[role]}`,
      workspace: `log-${base}-${suffix}`,
      monitorPrivateLinkScope: `ampls-${base}`,
      // 3-24 lower-case letters and digits: the name part is cut to 14 so the "fl" + hash suffix always fits.
      storageAccount: `st${`${project}${environment}`.replace(/-/g, '').slice(0, 14)}fl${suffix}`,
      networkWatcher: `nw-${base}-${location}`,
      identity: `id-${base}-flow-logs`,
    },
  };
}
