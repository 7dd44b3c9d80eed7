import { Construct } from 'constructs';
import { PrivateDnsZone } from '@cdktf/provider-azurerm/lib/private-dns-zone';
import { PrivateDnsZoneVirtualNetworkLink } from '@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link';
import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { ResolvedDataLakeProps } from './validation';

/** Private Link sub-resources the data lake exposes, and the DNS zone each one resolves in. */
export const PRIVATE_LINK_ZONES = {
  blob: 'privatelink.blob.core.windows.net',
  dfs: 'privatelink.dfs.core.windows.net',
  vault: 'privatelink.vaultcore.azure.net',
} as const;
export type PrivateLinkTarget = keyof typeof PRIVATE_LINK_ZONES;

/** Where resources go: the resource group's name (a literal or a reference). */
export interface Placement {
  readonly resourceGroupName: string;
  readonly location: string;
  readonly tags: Record<string, string>;
}

export interface DataLakeNetwork {
  /** Created VNet, undefined when an existing network was supplied. */
  readonly vnet?: VirtualNetwork;
  /** Created private-endpoint subnet, undefined when an existing network was supplied. */
  readonly subnet?: Subnet;
  readonly virtualNetworkId: string;
  readonly subnetId: string;
  /** Zones the data lake created; empty when the network supplied its zones. */
  readonly dnsZones: Partial<Record<PrivateLinkTarget, PrivateDnsZone>>;
  readonly dnsLinks: Partial<Record<PrivateLinkTarget, PrivateDnsZoneVirtualNetworkLink>>;
  /** The zone each private endpoint registers in: the network's when given, else the lake's own. */
  readonly dnsZoneIds: Record<PrivateLinkTarget, string>;
}

/**
 * The VNet (or the supplied one), the private-endpoint subnet carved from vnetCidr, and one private
 * DNS zone per Private Link target linked to the VNet, so names resolve to private addresses. When
 * the supplied network brings its zones (the platform's TrainingNetwork does), the lake creates
 * none: the platform keeps one set of privatelink zones for every private endpoint.
 */
export function createNetwork(scope: Construct, p: ResolvedDataLakeProps, at: Placement): DataLakeNetwork {
  let vnet: VirtualNetwork | undefined;
  let subnet: Subnet | undefined;
  let virtualNetworkId: string;
  let subnetId: string;
  if (p.network) {
    vnet = new VirtualNetwork(scope, 'vnet', {
      name: p.names.vnet,
      resourceGroupName: at.resourceGroupName,
      location: at.location,
      addressSpace: [p.network.vnetCidr],
      tags: at.tags,
    });
    subnet = new Subnet(scope, 'pe-subnet', {
      name: p.names.subnet,
      resourceGroupName: at.resourceGroupName,
      virtualNetworkName: vnet.name,
      addressPrefixes: [p.network.subnetCidr],
      // NSGs and route tables apply to private endpoints only with network policies on.
      privateEndpointNetworkPolicies: 'Enabled',
      // Endpoints only receive traffic; nothing here needs implicit internet egress.
      defaultOutboundAccessEnabled: false,
    });
    virtualNetworkId = vnet.id;
    subnetId = subnet.id;
  } else if (p.existingNetwork) {
    virtualNetworkId = p.existingNetwork.virtualNetworkId;
    subnetId = p.existingNetwork.subnetId;
  } else {
    throw new Error('unreachable: resolveDataLakeProps yields a network or an existing one');
  }

  const shared = p.existingNetwork?.privateDnsZoneIds;
  if (shared)
    return { vnet, subnet, virtualNetworkId, subnetId, dnsZones: {}, dnsLinks: {}, dnsZoneIds: { ...shared } };

  const dnsZones = {} as Record<PrivateLinkTarget, PrivateDnsZone>;
  const dnsLinks = {} as Record<PrivateLinkTarget, PrivateDnsZoneVirtualNetworkLink>;
  for (const target of Object.keys(PRIVATE_LINK_ZONES) as PrivateLinkTarget[]) {
    dnsZones[target] = new PrivateDnsZone(scope, `dns-${target}`, {
      name: PRIVATE_LINK_ZONES[target],
      resourceGroupName: at.resourceGroupName,
      tags: at.tags,
    });
    dnsLinks[target] = new PrivateDnsZoneVirtualNetworkLink(scope, `dns-${target}-link`, {
      name: `link-${target}-${p.names.vnet}`,
      resourceGroupName: at.resourceGroupName,
      privateDnsZoneName: dnsZones[target].name,
      virtualNetworkId,
      // Endpoint records come from the DNS zone group; VMs must not register themselves here.
      registrationEnabled: false,
      tags: at.tags,
    });
  }
  const dnsZoneIds = {} as Record<PrivateLinkTarget, string>;
  for (const target of Object.keys(dnsZones) as PrivateLinkTarget[]) dnsZoneIds[target] = dnsZones[target].id;
  return { vnet, subnet, virtualNetworkId, subnetId, dnsZones, dnsLinks, dnsZoneIds };
}

export interface PrivateEndpointTarget {
  /** Private Link sub-resource: blob, dfs or vault. */
  readonly subresource: PrivateLinkTarget;
  /** Resource ID of the storage account or Key Vault. */
  readonly resourceId: string;
  /** Name of the target, used to name the endpoint. */
  readonly resourceName: string;
}

/** A private endpoint for one sub-resource, registered in its private DNS zone via a zone group. */
export function createPrivateEndpoint(
  scope: Construct,
  net: DataLakeNetwork,
  at: Placement,
  target: PrivateEndpointTarget,
): PrivateEndpoint {
  const name = `pe-${target.resourceName}-${target.subresource}`;
  return new PrivateEndpoint(scope, `pe-${target.subresource}`, {
    name,
    resourceGroupName: at.resourceGroupName,
    location: at.location,
    subnetId: net.subnetId,
    privateServiceConnection: {
      name: `psc-${target.resourceName}-${target.subresource}`,
      privateConnectionResourceId: target.resourceId,
      subresourceNames: [target.subresource],
      isManualConnection: false,
    },
    privateDnsZoneGroup: {
      name: 'default',
      privateDnsZoneIds: [net.dnsZoneIds[target.subresource]],
    },
    tags: at.tags,
    // The record is only resolvable from the VNet once the zone is linked to it (the network's
    // zones are linked by the network itself).
    ...(net.dnsLinks[target.subresource] ? { dependsOn: [net.dnsLinks[target.subresource]!] } : {}),
  });
}
