import { type Props, type Reader, defined, enabled, list, obj, snakeKeys } from './read';

/**
 * Network security groups and rules (ARM's names are azurerm's in camelCase), application
 * gateways and private endpoints: each privateLinkServiceConnections[] item (manual ones too) is a
 * private_service_connection block whose private_connection_resource_id is the privateLinkServiceId.
 */
/** A private endpoint's DNS zone group (its own ARM resource): the zones it registers the endpoint in. */
export const privateDnsZoneGroup = (p: Props): Props =>
  defined({
    name: p.privateDnsZoneGroupName,
    private_dns_zone_ids: list(p.privateDnsZoneConfigs)?.map((c) => c.privateDnsZoneId) ?? p.privateDnsZoneConfigs,
  });

function securityGroup(p: Props): Props {
  const rules = Array.isArray(p.securityRules) ? p.securityRules.map((r) => snakeKeys(obj(r))) : undefined;
  return defined({ security_rule: rules });
}

const connections = (v: unknown, manual: boolean) =>
  list(v)?.map((c) =>
    defined({
      name: c.name,
      private_connection_resource_id: c.privateLinkServiceId,
      subresource_names: c.groupIds,
      is_manual_connection: manual,
    }),
  ) ?? [];

function privateEndpoint(p: Props): Props {
  const all = [
    ...connections(p.privateLinkServiceConnections, false),
    ...connections(p.manualPrivateLinkServiceConnections, true),
  ];
  // A connection list unknown at preview is an unknown block, not a missing one.
  const unknownList = [p.privateLinkServiceConnections, p.manualPrivateLinkServiceConnections].find(
    (v) => typeof v === 'string',
  );
  return defined({
    name: p.privateEndpointName,
    subnet_id: obj(p.subnet).id,
    private_service_connection: unknownList ?? (all.length > 0 ? all : undefined),
  });
}

/**
 * An Application Gateway: its WAF (a firewallPolicy, or the inline configuration on a WAF tier) and
 * the backends it fronts (fqdns built from an API Management instance reference it).
 */
function applicationGateway(p: Props): Props {
  const waf = p.webApplicationFirewallConfiguration;
  const pools = list(p.backendAddressPools)?.map((pool) => {
    const addresses = list(pool.backendAddresses) ?? [];
    const fqdns = addresses.map((a) => a.fqdn).filter((v) => v !== undefined);
    const ips = addresses.map((a) => a.ipAddress).filter((v) => v !== undefined);
    return defined({
      name: pool.name,
      fqdns: fqdns.length ? fqdns : undefined,
      ip_addresses: ips.length ? ips : undefined,
    });
  });
  return defined({
    name: p.applicationGatewayName,
    sku: typeof p.sku === 'string' ? p.sku : defined({ name: obj(p.sku).name, tier: obj(p.sku).tier }),
    firewall_policy_id: obj(p.firewallPolicy).id,
    waf_configuration:
      typeof waf === 'string' ? waf : waf === undefined ? undefined : defined({ enabled: obj(waf).enabled }),
    backend_address_pool: pools ?? (typeof p.backendAddressPools === 'string' ? p.backendAddressPools : undefined),
  });
}

/**
 * A subnet, its own resource or inline in a virtual network: ARM's defaultOutboundAccess is
 * azurerm's default_outbound_access_enabled (both default to on).
 */
const subnetOf = (p: Props, name: unknown): Props =>
  defined({
    name,
    address_prefixes: p.addressPrefixes ?? (p.addressPrefix === undefined ? undefined : [p.addressPrefix]),
    default_outbound_access_enabled: p.defaultOutboundAccess,
  });
const subnet = (p: Props): Props => subnetOf(p, p.subnetName);

/** A virtual network and its inline subnets (each item's `properties` in ARM's nesting, or flat). */
function virtualNetwork(p: Props): Props {
  const subnets =
    typeof p.subnets === 'string'
      ? p.subnets // unknown at preview
      : list(p.subnets)?.map((s) => subnetOf({ ...s, ...obj(s.properties) }, s.name));
  return defined({
    name: p.virtualNetworkName,
    address_space: obj(p.addressSpace).addressPrefixes,
    subnet: Array.isArray(subnets) && subnets.length === 0 ? undefined : subnets,
  });
}

/** A VNet flow log (a child of the region's network watcher) onto azurerm_network_watcher_flow_log. */
const flowLog = (p: Props): Props =>
  defined({
    name: p.flowLogName,
    target_resource_id: p.targetResourceId,
    enabled: p.enabled,
    storage_account_id: p.storageId,
  });

/** A rule group override's rules: ARM's ruleId / state as azurerm's id / enabled. */
const overrideRules = (v: unknown): unknown =>
  typeof v === 'string'
    ? v
    : list(v)?.map((r) => defined({ id: r.ruleId, enabled: enabled(r.state), action: r.action }));

/** A WAF policy (ZT-INFERENCE-012): managed rule sets with their overrides, and the policy settings. */
function wafPolicy(p: Props): Props {
  const settings = obj(p.policySettings);
  const raw = typeof p.managedRules === 'string' ? p.managedRules : obj(p.managedRules).managedRuleSets;
  const sets =
    typeof raw === 'string'
      ? raw // unknown at preview
      : list(raw)?.map((s) =>
          defined({
            type: s.ruleSetType,
            version: s.ruleSetVersion,
            rule_group_override: list(s.ruleGroupOverrides)?.map((o) =>
              defined({ rule_group_name: o.ruleGroupName, rule: overrideRules(o.rules) }),
            ),
          }),
        );
  return defined({
    name: p.policyName,
    managed_rules: sets === undefined ? undefined : typeof sets === 'string' ? sets : { managed_rule_set: sets },
    policy_settings:
      typeof p.policySettings === 'string'
        ? p.policySettings
        : defined({ enabled: enabled(settings.state), mode: settings.mode }),
  });
}

export const NETWORK: Readonly<Record<string, Reader>> = {
  'azure-native:network:WebApplicationFirewallPolicy': {
    type: 'azurerm_web_application_firewall_policy',
    read: wafPolicy,
  },
  'azure-native:network:Subnet': { type: 'azurerm_subnet', read: subnet },
  'azure-native:network:VirtualNetwork': { type: 'azurerm_virtual_network', read: virtualNetwork },
  'azure-native:network:FlowLog': {
    type: 'azurerm_network_watcher_flow_log',
    read: flowLog,
    links: [{ prop: 'targetResourceId', at: 'target_resource_id', to: ['azurerm_virtual_network'] }],
  },
  'azure-native:network:NetworkSecurityGroup': { type: 'azurerm_network_security_group', read: securityGroup },
  'azure-native:network:SecurityRule': { type: 'azurerm_network_security_rule', read: snakeKeys },
  'azure-native:network:PrivateEndpoint': {
    type: 'azurerm_private_endpoint',
    read: privateEndpoint,
    links: [
      { prop: 'privateLinkServiceConnections', at: 'private_service_connection.*.private_connection_resource_id' },
      {
        prop: 'manualPrivateLinkServiceConnections',
        at: 'private_service_connection.*.private_connection_resource_id',
      },
    ],
  },
  'azure-native:network:ApplicationGateway': {
    type: 'azurerm_application_gateway',
    read: applicationGateway,
    links: [
      {
        prop: 'backendAddressPools',
        at: 'backend_address_pool.*.fqdns.*',
        to: ['azurerm_api_management'],
        attribute: 'gateway_url',
      },
    ],
  },
};
