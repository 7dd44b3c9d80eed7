import { Construct } from 'constructs';
import { MonitorPrivateLinkScope } from '@cdktf/provider-azurerm/lib/monitor-private-link-scope';
import { MonitorPrivateLinkScopedService } from '@cdktf/provider-azurerm/lib/monitor-private-link-scoped-service';
import { PrivateDnsZone } from '@cdktf/provider-azurerm/lib/private-dns-zone';
import { PrivateDnsZoneVirtualNetworkLink } from '@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link';
import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { PrivateDnsZoneKey } from './dns';
import { Placement } from './flow-logs';

/**
 * The zones Azure Monitor's private endpoint registers in: the global endpoints (monitor), Log
 * Analytics queries and ingestion (oms, ods), the agent service, and the blob zone for agent
 * solution packs (the shared one, not a second copy).
 */
export const MONITOR_DNS_ZONE_KEYS = [
  'monitor',
  'omsOpinsights',
  'odsOpinsights',
  'agentSvc',
  'blob',
] as const satisfies readonly PrivateDnsZoneKey[];

/** The private endpoint's subresource (group id) for an Azure Monitor private link scope. */
export const MONITOR_PRIVATE_LINK_GROUP = 'azuremonitor';

export interface MonitorPrivateLinkParts {
  readonly scope: MonitorPrivateLinkScope;
  readonly privateEndpoint: PrivateEndpoint;
  /** Scoped services created with the scope (the Log Analytics workspace). */
  readonly workspaceService: MonitorPrivateLinkScopedService;
}

export interface MonitorPrivateLinkInputs {
  readonly name: string;
  readonly subnetId: string;
  readonly workspaceId: string;
  readonly zones: Readonly<Record<PrivateDnsZoneKey, PrivateDnsZone>>;
  readonly links: Readonly<Record<PrivateDnsZoneKey, PrivateDnsZoneVirtualNetworkLink>>;
}

/**
 * An Azure Monitor private link scope with private-only ingestion and query: clients in the VNet
 * reach only the scoped workspace and components, and those (with their public ingestion and query
 * off) are reachable only through the scope's private endpoint in the endpoint subnet.
 */
export function createMonitorPrivateLink(
  scope: Construct,
  at: Placement,
  i: MonitorPrivateLinkInputs,
): MonitorPrivateLinkParts {
  const ampls = new MonitorPrivateLinkScope(scope, 'monitor-private-link-scope', {
    name: i.name,
    resourceGroupName: at.resourceGroupName,
    ingestionAccessMode: 'PrivateOnly',
    queryAccessMode: 'PrivateOnly',
    tags: at.tags,
  });
  const workspaceService = scopeMonitorResource(scope, ampls, 'workspace', i.workspaceId);
  const privateEndpoint = new PrivateEndpoint(scope, 'monitor-private-link-pe', {
    name: `pe-${i.name}`,
    resourceGroupName: at.resourceGroupName,
    location: at.location,
    subnetId: i.subnetId,
    privateServiceConnection: {
      name: `psc-${i.name}`,
      privateConnectionResourceId: ampls.id,
      subresourceNames: [MONITOR_PRIVATE_LINK_GROUP],
      isManualConnection: false,
    },
    privateDnsZoneGroup: { name: 'default', privateDnsZoneIds: MONITOR_DNS_ZONE_KEYS.map((k) => i.zones[k].id) },
    tags: at.tags,
    // The endpoint's records must resolve in the VNet from the start; scoped resources come with it.
    dependsOn: [...MONITOR_DNS_ZONE_KEYS.map((k) => i.links[k]), workspaceService],
  });
  return { scope: ampls, privateEndpoint, workspaceService };
}

/** Adds one workspace or Application Insights component to the scope; `key` names it (letters, digits, dashes). */
export function scopeMonitorResource(
  scope: Construct,
  ampls: MonitorPrivateLinkScope,
  key: string,
  linkedResourceId: string,
): MonitorPrivateLinkScopedService {
  return new MonitorPrivateLinkScopedService(scope, `monitor-scoped-${key}`, {
    name: `amplss-${key}`,
    resourceGroupName: ampls.resourceGroupName,
    scopeName: ampls.name,
    linkedResourceId,
  });
}
