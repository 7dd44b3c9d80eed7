import { Construct } from 'constructs';
import { ApiManagement } from '@cdktf/provider-azurerm/lib/api-management';
import { NetworkSecurityRule } from '@cdktf/provider-azurerm/lib/network-security-rule';
import { PrivateDnsARecord } from '@cdktf/provider-azurerm/lib/private-dns-a-record';
import { PrivateDnsZone } from '@cdktf/provider-azurerm/lib/private-dns-zone';
import { PrivateDnsZoneVirtualNetworkLink } from '@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link';
import { Placement } from './account';
import { InferenceNetwork, ResolvedInferenceProps } from './props';

/** One NSG rule the API Management subnet needs, with the reason it exists. */
export interface GatewayNsgRule {
  readonly name: string;
  readonly priority: number;
  readonly direction: 'Inbound' | 'Outbound';
  readonly source: string | readonly string[];
  readonly destination: string;
  readonly ports: readonly string[];
  readonly description: string;
}

/**
 * What an API Management instance in Internal mode needs on its subnet (Microsoft's documented
 * NSG requirements for VNet injection), plus the callers. Everything else stays denied by the
 * training network's closing rules; the only egress to the platform is the existing HTTPS rule
 * to the private endpoints.
 */
export function gatewayNsgRules(apimCidr: string, clients: readonly string[]): GatewayNsgRule[] {
  const out = (priority: number, tag: string, ports: string[], description: string): GatewayNsgRule => ({
    name: `allow-apim-${tag.toLowerCase()}-outbound`,
    priority,
    direction: 'Outbound',
    source: apimCidr,
    destination: tag,
    ports,
    description,
  });
  return [
    {
      name: 'allow-apim-callers-inbound',
      priority: 110,
      direction: 'Inbound',
      source: clients,
      destination: apimCidr,
      ports: ['443'],
      description: 'Callers of the inference API (the platform subnets and listed clients) over HTTPS',
    },
    {
      name: 'allow-apim-management-inbound',
      priority: 120,
      direction: 'Inbound',
      source: 'ApiManagement',
      destination: apimCidr,
      ports: ['3443'],
      description: 'Azure control plane to the API Management management endpoint (required for VNet injection)',
    },
    {
      name: 'allow-apim-load-balancer-inbound',
      priority: 130,
      direction: 'Inbound',
      source: 'AzureLoadBalancer',
      destination: apimCidr,
      ports: ['6390'],
      description: 'Azure infrastructure load balancer health probes (required for VNet injection)',
    },
    out(110, 'Storage', ['443'], 'API Management service dependency on Azure Storage (configuration, packages)'),
    out(120, 'Sql', ['1433'], 'API Management service dependency on Azure SQL (configuration store)'),
    out(130, 'AzureKeyVault', ['443'], 'API Management service dependency on Key Vault (certificates)'),
    out(140, 'AzureMonitor', ['443', '1886'], 'Diagnostics logs and metrics of the gateway'),
    out(150, 'AzureActiveDirectory', ['443'], 'Entra ID signing keys for token validation, managed identity tokens'),
  ];
}

export function createGatewayNsgRules(
  scope: Construct,
  net: InferenceNetwork,
  r: ResolvedInferenceProps,
): NetworkSecurityRule[] {
  return gatewayNsgRules(net.apiManagementSubnetCidr, r.clientCidrs).map(
    (rule) =>
      new NetworkSecurityRule(scope, `nsg-${rule.name}`, {
        name: rule.name,
        resourceGroupName: net.apiManagementNsg.resourceGroupName,
        networkSecurityGroupName: net.apiManagementNsg.name,
        priority: rule.priority,
        direction: rule.direction,
        access: 'Allow',
        protocol: 'Tcp',
        sourcePortRange: '*',
        ...(rule.ports.length === 1
          ? { destinationPortRange: rule.ports[0] }
          : { destinationPortRanges: [...rule.ports] }),
        ...(typeof rule.source === 'string'
          ? { sourceAddressPrefix: rule.source }
          : { sourceAddressPrefixes: [...rule.source] }),
        destinationAddressPrefix: rule.destination,
        description: rule.description,
      }),
  );
}

export interface GatewayDns {
  readonly zone: PrivateDnsZone;
  readonly link: PrivateDnsZoneVirtualNetworkLink;
  readonly record: PrivateDnsARecord;
}

/**
 * An Internal-mode gateway registers no DNS: a zone named after the gateway's own host, linked to
 * the VNet, maps it to the private IP. Scoped to this one host so other *.azure-api.net names
 * still resolve publicly.
 */
export function createGatewayDns(
  scope: Construct,
  r: ResolvedInferenceProps,
  at: Placement,
  gateway: ApiManagement,
  net: InferenceNetwork,
): GatewayDns {
  const zone = new PrivateDnsZone(scope, 'gateway-dns', {
    name: `${r.names.gateway}.azure-api.net`,
    resourceGroupName: at.resourceGroupName,
    tags: at.tags,
  });
  const link = new PrivateDnsZoneVirtualNetworkLink(scope, 'gateway-dns-link', {
    name: `link-${r.names.gateway}`,
    resourceGroupName: at.resourceGroupName,
    privateDnsZoneName: zone.name,
    virtualNetworkId: net.virtualNetworkId,
    registrationEnabled: false,
    tags: at.tags,
  });
  const record = new PrivateDnsARecord(scope, 'gateway-dns-record', {
    name: '@',
    zoneName: zone.name,
    resourceGroupName: at.resourceGroupName,
    ttl: 300,
    records: gateway.privateIpAddresses,
    tags: at.tags,
  });
  return { zone, link, record };
}
