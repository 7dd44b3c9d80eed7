import { Construct } from 'constructs';
import { LogAnalyticsWorkspace } from '@cdktf/provider-azurerm/lib/log-analytics-workspace';
import { MonitorPrivateLinkScopedService } from '@cdktf/provider-azurerm/lib/monitor-private-link-scoped-service';
import { NetworkSecurityGroup } from '@cdktf/provider-azurerm/lib/network-security-group';
import { NetworkSecurityRule } from '@cdktf/provider-azurerm/lib/network-security-rule';
import { PrivateDnsZone } from '@cdktf/provider-azurerm/lib/private-dns-zone';
import { PrivateDnsZoneVirtualNetworkLink } from '@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link';
import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { SubnetNetworkSecurityGroupAssociation } from '@cdktf/provider-azurerm/lib/subnet-network-security-group-association';
import { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { BlueprintConfigError } from '../../core/errors';
import { governanceTags } from '../../core/tags';
import { createPrivateDnsZones, PrivateDnsZoneKey } from './dns';
import {
  createFlowLog,
  createFlowLogStorage,
  createWorkspace,
  FlowLogEncryption,
  FlowLogParts,
  Placement,
} from './flow-logs';
import { createMonitorPrivateLink, MonitorPrivateLinkParts, scopeMonitorResource } from './monitor-private-link';
import { NsgRule, nsgRules } from './nsg-rules';
import {
  resolveTrainingNetworkProps,
  ResolvedTrainingNetworkProps,
  SUBNET_ROLES,
  SubnetRole,
  TrainingNetworkProps,
} from './props';

/**
 * The platform's private network on Azure: one VNet with subnets for training, private endpoints
 * and API Management, each behind an NSG that denies internet traffic both ways and everything
 * not explicitly allowed; the one set of Private Link DNS zones every private endpoint uses; the
 * Log Analytics workspace behind an Azure Monitor private link scope (layers scope their Application
 * Insights with scopeMonitoring); and VNet flow logs with traffic analytics (see enableFlowLogs).
 */
export class TrainingNetwork extends Construct {
  public readonly resourceGroup: ResourceGroup;
  public readonly vnet: VirtualNetwork;
  public readonly subnets: Readonly<Record<SubnetRole, Subnet>>;
  public readonly networkSecurityGroups: Readonly<Record<SubnetRole, NetworkSecurityGroup>>;
  public readonly securityRules: Readonly<Record<SubnetRole, readonly NetworkSecurityRule[]>>;
  /** Private DNS zones by key (blob, dfs, vault, amlApi, ...), linked to the VNet. */
  public readonly privateDnsZones: Readonly<Record<PrivateDnsZoneKey, PrivateDnsZone>>;
  public readonly privateDnsZoneLinks: Readonly<Record<PrivateDnsZoneKey, PrivateDnsZoneVirtualNetworkLink>>;
  /** The platform's Log Analytics workspace (traffic analytics, and later diagnostics). */
  public readonly workspace: LogAnalyticsWorkspace;
  /** Azure Monitor private link scope (private-only ingestion and query), its endpoint and the workspace's link. */
  public readonly monitorPrivateLink: MonitorPrivateLinkParts;
  public readonly tags: Readonly<Record<string, string>>;
  /** Address blocks by subnet role. */
  public readonly subnetCidrs: Readonly<Record<SubnetRole, string>>;

  private readonly resolved: ResolvedTrainingNetworkProps;
  private readonly placement: Placement;
  private flowLogParts?: FlowLogParts;

  constructor(scope: Construct, id: string, props: TrainingNetworkProps = {}) {
    super(scope, id);
    const p = resolveTrainingNetworkProps(props, this.node.path);
    this.resolved = p;
    this.subnetCidrs = p.subnets;
    this.tags = governanceTags({
      owner: p.owner,
      classification: p.classification,
      lineage: `${p.project}:training-network`,
      project: p.project,
      environment: p.environment,
    });
    this.resourceGroup = new ResourceGroup(this, 'resource-group', {
      name: p.names.resourceGroup,
      location: p.location,
      tags: this.tags,
      lifecycle: { preventDestroy: true },
    });
    const at: Placement = { resourceGroupName: this.resourceGroup.name, location: p.location, tags: this.tags };
    this.placement = at;

    this.vnet = new VirtualNetwork(this, 'vnet', {
      name: p.names.vnet,
      resourceGroupName: at.resourceGroupName,
      location: at.location,
      addressSpace: [p.cidr],
      tags: at.tags,
    });

    const rules = nsgRules(p.subnets, p.privateEndpointClientCidrs);
    const subnets = {} as Record<SubnetRole, Subnet>;
    const nsgs = {} as Record<SubnetRole, NetworkSecurityGroup>;
    const securityRules = {} as Record<SubnetRole, NetworkSecurityRule[]>;
    for (const role of SUBNET_ROLES) {
      subnets[role] = new Subnet(this, `subnet-${role}`, {
        name: p.names.subnet(role),
        resourceGroupName: at.resourceGroupName,
        virtualNetworkName: this.vnet.name,
        addressPrefixes: [p.subnets[role]],
        // No implicit internet egress (Azure's default outbound access) from any subnet.
        defaultOutboundAccessEnabled: false,
        // NSGs and route tables apply to private endpoints only with network policies on.
        ...(role === 'privateEndpoints' ? { privateEndpointNetworkPolicies: 'Enabled' } : {}),
      });
      nsgs[role] = new NetworkSecurityGroup(this, `nsg-${role}`, {
        name: p.names.nsg(role),
        resourceGroupName: at.resourceGroupName,
        location: at.location,
        tags: at.tags,
      });
      securityRules[role] = rules[role].map((r) => this.rule(nsgs[role], role, r));
      new SubnetNetworkSecurityGroupAssociation(this, `nsg-${role}-association`, {
        subnetId: subnets[role].id,
        networkSecurityGroupId: nsgs[role].id,
      });
    }
    this.subnets = subnets;
    this.networkSecurityGroups = nsgs;
    this.securityRules = securityRules;

    const dns = createPrivateDnsZones(this, {
      resourceGroupName: at.resourceGroupName,
      virtualNetworkId: this.vnet.id,
      vnetName: p.names.vnet,
      tags: at.tags,
    });
    this.privateDnsZones = dns.zones;
    this.privateDnsZoneLinks = dns.links;
    this.workspace = createWorkspace(this, p, at);
    this.monitorPrivateLink = createMonitorPrivateLink(this, at, {
      name: p.names.monitorPrivateLinkScope,
      subnetId: this.subnets.privateEndpoints.id,
      workspaceId: this.workspace.id,
      zones: dns.zones,
      links: dns.links,
    });

    // A VNet without flow logs would be a silent gap: synth fails until enableFlowLogs() is called.
    this.node.addValidation({
      validate: () =>
        this.flowLogParts
          ? []
          : [`${this.node.path}: flow logs are off; call enableFlowLogs() with a customer-managed key`],
    });
  }

  /** Resource IDs of the private DNS zones, by key: what a private endpoint's zone group takes. */
  public get privateDnsZoneIds(): Readonly<Record<PrivateDnsZoneKey, string>> {
    const ids = {} as Record<PrivateDnsZoneKey, string>;
    for (const [key, zone] of Object.entries(this.privateDnsZones)) ids[key as PrivateDnsZoneKey] = zone.id;
    return ids;
  }

  /**
   * Puts an Application Insights component (or another workspace) into the monitor private link
   * scope, so that private-only ingestion and query reach it from the VNet. `key` names the link
   * (lower-case letters, digits, dashes; unique per network).
   */
  public scopeMonitoring(key: string, linkedResourceId: string): MonitorPrivateLinkScopedService {
    if (typeof key !== 'string' || !/^[a-z0-9][a-z0-9-]{0,40}$/.test(key)) {
      throw new BlueprintConfigError(
        'TrainingNetwork.scopeMonitoring.key',
        'lower-case letters, digits and dashes',
        key,
      );
    }
    if (this.node.tryFindChild(`monitor-scoped-${key}`)) {
      throw new BlueprintConfigError(
        'TrainingNetwork.scopeMonitoring.key',
        'a key not used before ("workspace" is the network\'s own)',
        key,
      );
    }
    return scopeMonitorResource(this, this.monitorPrivateLink.scope, key, linkedResourceId);
  }

  /** The flow-log resources, once enableFlowLogs() has run. */
  public get flowLogs(): FlowLogParts | undefined {
    return this.flowLogParts;
  }

  /**
   * Turns on VNet flow logs: a hardened storage account for the raw records (encrypted with `key`,
   * reachable through a blob private endpoint), the Network Watcher (or the existing one), and the
   * flow log with traffic analytics into the workspace. Called once the key exists (the stack passes
   * the data lake's vault and key, which itself uses this network).
   */
  public enableFlowLogs(encryption: FlowLogEncryption): FlowLogParts {
    if (this.flowLogParts) {
      throw new BlueprintConfigError('TrainingNetwork.enableFlowLogs', 'a single call', 'a second call');
    }
    const p = this.resolved;
    const at = this.placement;
    const store = createFlowLogStorage(this, p, at, encryption);
    const privateEndpoint = new PrivateEndpoint(this, 'flow-log-storage-pe', {
      name: `pe-${p.names.storageAccount}-blob`,
      resourceGroupName: at.resourceGroupName,
      location: at.location,
      subnetId: this.subnets.privateEndpoints.id,
      privateServiceConnection: {
        name: `psc-${p.names.storageAccount}-blob`,
        privateConnectionResourceId: store.storageAccount.id,
        subresourceNames: ['blob'],
        isManualConnection: false,
      },
      privateDnsZoneGroup: { name: 'default', privateDnsZoneIds: [this.privateDnsZones.blob.id] },
      tags: at.tags,
      dependsOn: [this.privateDnsZoneLinks.blob],
    });
    const log = createFlowLog(this, p, at, this.vnet.id, store.storageAccount.id, this.workspace);
    this.flowLogParts = {
      ...store,
      privateEndpoint,
      networkWatcher: log.watcher,
      networkWatcherName: log.name,
      networkWatcherResourceGroupName: log.resourceGroupName,
      flowLog: log.flowLog,
    };
    return this.flowLogParts;
  }

  private rule(nsg: NetworkSecurityGroup, role: SubnetRole, r: NsgRule): NetworkSecurityRule {
    const addr = (v: string | readonly string[], one: 'sourceAddressPrefix' | 'destinationAddressPrefix') =>
      typeof v === 'string' ? { [one]: v } : { [`${one}es`]: [...v] };
    return new NetworkSecurityRule(this, `nsg-${role}-${r.name}`, {
      name: r.name,
      resourceGroupName: this.placement.resourceGroupName,
      networkSecurityGroupName: nsg.name,
      priority: r.priority,
      direction: r.direction,
      access: r.access,
      protocol: r.protocol,
      sourcePortRange: '*',
      destinationPortRange: r.ports,
      ...addr(r.source, 'sourceAddressPrefix'),
      ...addr(r.destination, 'destinationAddressPrefix'),
      description: r.description,
    });
  }
}
