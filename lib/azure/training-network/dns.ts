import { Construct } from 'constructs';
import { PrivateDnsZone } from '@cdktf/provider-azurerm/lib/private-dns-zone';
import { PrivateDnsZoneVirtualNetworkLink } from '@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link';

/**
 * The platform's one set of Private Link DNS zones, keyed by what resolves in them. Every private
 * endpoint of the platform registers here (data lake, ML workspace, registry, AI services, APIM,
 * Azure Monitor).
 */
export const PRIVATE_DNS_ZONES = {
  blob: 'privatelink.blob.core.windows.net',
  dfs: 'privatelink.dfs.core.windows.net',
  // Azure Files of the ML workspace storage (notebooks, code snapshots).
  file: 'privatelink.file.core.windows.net',
  vault: 'privatelink.vaultcore.azure.net',
  amlApi: 'privatelink.api.azureml.ms',
  amlNotebooks: 'privatelink.notebooks.azure.net',
  acr: 'privatelink.azurecr.io',
  cognitiveServices: 'privatelink.cognitiveservices.azure.com',
  openai: 'privatelink.openai.azure.com',
  apiManagement: 'privatelink.azure-api.net',
  // Azure Monitor private link scope (monitor-private-link.ts); it also registers in `blob`.
  monitor: 'privatelink.monitor.azure.com',
  omsOpinsights: 'privatelink.oms.opinsights.azure.com',
  odsOpinsights: 'privatelink.ods.opinsights.azure.com',
  agentSvc: 'privatelink.agentsvc.azure-automation.net',
} as const;
export type PrivateDnsZoneKey = keyof typeof PRIVATE_DNS_ZONES;

export interface DnsPlacement {
  readonly resourceGroupName: string;
  readonly virtualNetworkId: string;
  readonly vnetName: string;
  readonly tags: Record<string, string>;
}

/** One zone per key, each linked to the VNet without auto-registration (records come from zone groups). */
export function createPrivateDnsZones(
  scope: Construct,
  at: DnsPlacement,
): {
  zones: Record<PrivateDnsZoneKey, PrivateDnsZone>;
  links: Record<PrivateDnsZoneKey, PrivateDnsZoneVirtualNetworkLink>;
} {
  const zones = {} as Record<PrivateDnsZoneKey, PrivateDnsZone>;
  const links = {} as Record<PrivateDnsZoneKey, PrivateDnsZoneVirtualNetworkLink>;
  for (const key of Object.keys(PRIVATE_DNS_ZONES) as PrivateDnsZoneKey[]) {
    zones[key] = new PrivateDnsZone(scope, `dns-${key}`, {
      name: PRIVATE_DNS_ZONES[key],
      resourceGroupName: at.resourceGroupName,
      tags: at.tags,
    });
    links[key] = new PrivateDnsZoneVirtualNetworkLink(scope, `dns-${key}-link`, {
      name: `link-${key.toLowerCase()}-${at.vnetName}`,
      resourceGroupName: at.resourceGroupName,
      privateDnsZoneName: zones[key].name,
      virtualNetworkId: at.virtualNetworkId,
      registrationEnabled: false,
      tags: at.tags,
    });
  }
  return { zones, links };
}
