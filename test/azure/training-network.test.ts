import { DEFAULT_CONFIG } from '../../lib/core/config';
import { PRIVATE_DNS_ZONES, SUBNET_ROLES, TRAINING_SERVICE_TAGS } from '../../lib/azure/training-network';
import { AzurePlatformStack } from '../../stacks/azure-platform-stack';
import { allOf, atPath, Body, Found, synthStack, TfJson } from './synth';

const NET = 'azure-platform/training-network';
let tf: TfJson;
let vnet: Found;
/** NSG rules of one subnet role, as synthesized. */
let rulesOf: (role: string) => Body[];

beforeAll(() => {
  tf = synthStack((app) => new AzurePlatformStack(app, 'azure-platform', DEFAULT_CONFIG));
  vnet = atPath(tf, `${NET}/vnet`);
  rulesOf = (role) => {
    const nsg = atPath(tf, `${NET}/nsg-${role}`);
    // The network's own rules; layers (e.g. inference for API Management) add theirs elsewhere.
    return allOf(tf, 'azurerm_network_security_rule')
      .filter((r) => r.body['//'].metadata.path.startsWith(`${NET}/`))
      .filter((r) => r.body.network_security_group_name === nsg.ref('name'))
      .map((r) => r.body);
  };
});

describe('TrainingNetwork VNet and subnets', () => {
  it('one VNet from the configured CIDR', () => {
    expect(allOf(tf, 'azurerm_virtual_network')).toHaveLength(1);
    expect(vnet.body.address_space).toEqual([DEFAULT_CONFIG.network.cidr]);
  });

  it.each([
    ['privateEndpoints', '10.20.0.0/24'],
    ['training', '10.20.1.0/24'],
    ['apiManagement', '10.20.2.0/24'],
  ])('the %s subnet is %s without default outbound access', (role, cidr) => {
    expect(atPath(tf, `${NET}/subnet-${role}`).body).toMatchObject({
      virtual_network_name: vnet.ref('name'),
      address_prefixes: [cidr],
      default_outbound_access_enabled: false,
    });
  });

  it('private endpoints are subject to their NSG (network policies on)', () => {
    expect(atPath(tf, `${NET}/subnet-privateEndpoints`).body.private_endpoint_network_policies).toBe('Enabled');
  });

  it('every subnet of the stack has an NSG', () => {
    const subnets = allOf(tf, 'azurerm_subnet').map((s) => s.ref('id'));
    const associated = allOf(tf, 'azurerm_subnet_network_security_group_association').map((a) => a.body.subnet_id);
    expect(subnets).toHaveLength(3);
    expect(associated.sort()).toEqual(subnets.sort());
  });
});

describe.each(SUBNET_ROLES)('the %s NSG', (role) => {
  it('denies the internet both ways, then everything else both ways', () => {
    const deny = rulesOf(role).filter((r) => r.access === 'Deny');
    expect(
      deny.map((r) => [r.direction, r.priority, r.source_address_prefix, r.destination_address_prefix]).sort(),
    ).toEqual(
      [
        ['Inbound', 4000, 'Internet', '*'],
        ['Inbound', 4096, '*', '*'],
        ['Outbound', 4000, '*', 'Internet'],
        ['Outbound', 4096, '*', '*'],
      ].sort(),
    );
  });

  it('allows nothing from or to the internet, any address or 0.0.0.0/0, and every allow precedes the denies', () => {
    for (const r of rulesOf(role).filter((x) => x.access === 'Allow')) {
      const peers = [
        r.source_address_prefix,
        r.destination_address_prefix,
        ...(r.source_address_prefixes ?? []),
        ...(r.destination_address_prefixes ?? []),
      ].filter((x) => x !== undefined);
      for (const peer of peers)
        expect({ rule: r.name, peer }).not.toEqual({
          rule: r.name,
          peer: expect.stringMatching(/^(\*|Internet|0\.0\.0\.0\/0|Any)$/i),
        });
      expect(r.priority).toBeLessThan(4000);
    }
  });
});

describe('NSG allows, by role', () => {
  it('training: peers, the private endpoints on 443, and only the justified service tags on 443', () => {
    const allows = rulesOf('training').filter((r) => r.access === 'Allow');
    const tags = allows
      .filter((r) => r.direction === 'Outbound' && !/^\d/.test(r.destination_address_prefix))
      .map((r) => [r.destination_address_prefix, r.protocol, r.destination_port_range]);
    expect(tags.sort()).toEqual(TRAINING_SERVICE_TAGS.map((t) => [t.tag, 'Tcp', '443']).sort());
    expect(allows.filter((r) => r.direction === 'Inbound')).toEqual([
      expect.objectContaining({ source_address_prefix: '10.20.1.0/24', destination_address_prefix: '10.20.1.0/24' }),
    ]);
    expect(allows).toContainEqual(
      expect.objectContaining({ destination_address_prefix: '10.20.0.0/24', destination_port_range: '443' }),
    );
    for (const t of TRAINING_SERVICE_TAGS) expect(t.reason.length).toBeGreaterThan(20);
  });

  it('private endpoints: HTTPS in from the training and API Management subnets only, nothing out', () => {
    const allows = rulesOf('privateEndpoints').filter((r) => r.access === 'Allow');
    expect(allows).toEqual([
      expect.objectContaining({
        direction: 'Inbound',
        protocol: 'Tcp',
        destination_port_range: '443',
        source_address_prefixes: ['10.20.1.0/24', '10.20.2.0/24'],
      }),
    ]);
  });

  it('API Management: only HTTPS out to the private endpoints until its layer adds its rules', () => {
    const allows = rulesOf('apiManagement').filter((r) => r.access === 'Allow');
    expect(allows.map((r) => [r.direction, r.destination_address_prefix, r.destination_port_range])).toEqual([
      ['Outbound', '10.20.0.0/24', '443'],
    ]);
  });
});

describe('private DNS zones: one set for the platform', () => {
  it.each(Object.entries(PRIVATE_DNS_ZONES))('%s: %s linked to the VNet without auto-registration', (key, name) => {
    const zone = atPath(tf, `${NET}/dns-${key}`);
    expect(zone.body.name).toBe(name);
    expect(atPath(tf, `${NET}/dns-${key}-link`).body).toMatchObject({
      private_dns_zone_name: zone.ref('name'),
      virtual_network_id: vnet.ref('id'),
      registration_enabled: false,
    });
  });

  it('the network holds exactly these zones and links', () => {
    const own = (type: string) => allOf(tf, type).filter((r) => r.body['//'].metadata.path.startsWith(`${NET}/`));
    expect(
      own('azurerm_private_dns_zone')
        .map((z) => z.body.name)
        .sort(),
    ).toEqual(Object.values(PRIVATE_DNS_ZONES).sort());
    expect(own('azurerm_private_dns_zone_virtual_network_link')).toHaveLength(Object.keys(PRIVATE_DNS_ZONES).length);
  });
});

describe('Log Analytics workspace and VNet flow logs', () => {
  it('workspace: Entra ID only, no internet ingestion or query, 90-day retention, prevent_destroy', () => {
    expect(atPath(tf, `${NET}/workspace`).body).toMatchObject({
      sku: 'PerGB2018',
      retention_in_days: 90,
      local_authentication_enabled: false,
      internet_ingestion_enabled: false,
      internet_query_enabled: false,
      lifecycle: { prevent_destroy: true },
    });
  });

  it('the flow log targets the VNet (not an NSG), keeps 90 days and feeds traffic analytics', () => {
    const workspace = atPath(tf, `${NET}/workspace`);
    const watcher = atPath(tf, `${NET}/network-watcher`);
    expect(allOf(tf, 'azurerm_network_watcher_flow_log')).toHaveLength(1);
    const flow = atPath(tf, `${NET}/flow-log`).body;
    expect(flow).toMatchObject({
      target_resource_id: vnet.ref('id'),
      network_watcher_name: watcher.ref('name'),
      resource_group_name: watcher.ref('resource_group_name'),
      storage_account_id: atPath(tf, `${NET}/flow-log-storage`).ref('id'),
      enabled: true,
      version: 2,
      retention_policy: { enabled: true, days: 90 },
      traffic_analytics: {
        enabled: true,
        workspace_id: workspace.ref('workspace_id'),
        workspace_region: workspace.ref('location'),
        workspace_resource_id: workspace.ref('id'),
        interval_in_minutes: 10,
      },
    });
    expect(flow.network_security_group_id).toBeUndefined();
  });

  it('the raw flow-log account is hardened like the lake: CMK, private, Entra only, recoverable, retained', () => {
    const key = atPath(tf, 'azure-platform/data-lake/cmk');
    const identity = atPath(tf, `${NET}/flow-log-identity`);
    expect(atPath(tf, `${NET}/flow-log-storage`).body).toMatchObject({
      customer_managed_key: {
        key_vault_key_id: key.ref('versionless_id'),
        user_assigned_identity_id: identity.ref('id'),
      },
      infrastructure_encryption_enabled: true,
      https_traffic_only_enabled: true,
      min_tls_version: 'TLS1_2',
      public_network_access_enabled: false,
      network_rules: {
        default_action: 'Deny',
        bypass: ['AzureServices'],
        ip_rules: [],
        virtual_network_subnet_ids: [],
      },
      shared_access_key_enabled: false,
      allow_nested_items_to_be_public: false,
      blob_properties: { versioning_enabled: true, delete_retention_policy: { days: 90 } },
      lifecycle: { prevent_destroy: true },
    });
  });

  it("the account's identity may use the one key, not the vault", () => {
    expect(atPath(tf, `${NET}/flow-log-key-access`).body).toMatchObject({
      scope: atPath(tf, 'azure-platform/data-lake/cmk').ref('resource_versionless_id'),
      role_definition_name: 'Key Vault Crypto Service Encryption User',
    });
  });

  it('operators read the raw logs through a blob private endpoint registered in the shared zone', () => {
    expect(atPath(tf, `${NET}/flow-log-storage-pe`).body).toMatchObject({
      subnet_id: atPath(tf, `${NET}/subnet-privateEndpoints`).ref('id'),
      private_service_connection: { subresource_names: ['blob'] },
      private_dns_zone_group: { private_dns_zone_ids: [atPath(tf, `${NET}/dns-blob`).ref('id')] },
    });
  });
});
