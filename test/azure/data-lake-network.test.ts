import { TerraformStack } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { DEFAULT_CONFIG } from '../../lib/core/config';
import { PRIVATE_LINK_ZONES, SecureDataLake } from '../../lib/azure/data-lake';
import { AzurePlatformStack } from '../../stacks/azure-platform-stack';
import { allOf, atPath, Found, synthStack, TfJson } from './synth';

// A data lake on its own creates its VNet, subnet and zones; in the platform stack it uses the
// training network's (see the last describe block and training-network.test.ts).
const LAKE = 'lake-only/data-lake';
let tf: TfJson;
let platform: TfJson;
let vnet: Found;
let subnet: Found;

beforeAll(() => {
  tf = synthStack((app) => {
    const stack = new TerraformStack(app, 'lake-only');
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
    new SecureDataLake(stack, 'data-lake', { vnetCidr: DEFAULT_CONFIG.network.cidr });
    return stack;
  });
  platform = synthStack((app) => new AzurePlatformStack(app, 'azure-platform', DEFAULT_CONFIG));
  vnet = atPath(tf, `${LAKE}/vnet`);
  subnet = atPath(tf, `${LAKE}/pe-subnet`);
});

describe('SecureDataLake network (standalone)', () => {
  it('creates the VNet from the configured vnetCidr', () => {
    expect(vnet.body.address_space).toEqual([DEFAULT_CONFIG.network.cidr]);
  });

  it('carves the private-endpoint subnet as the first /24 of the VNet', () => {
    expect(subnet.body).toMatchObject({
      virtual_network_name: vnet.ref('name'),
      address_prefixes: ['10.20.0.0/24'],
      private_endpoint_network_policies: 'Enabled',
      default_outbound_access_enabled: false,
    });
  });
});

describe.each([
  ['blob', 'storage', 'privatelink.blob.core.windows.net'],
  ['dfs', 'storage', 'privatelink.dfs.core.windows.net'],
  ['vault', 'key-vault', 'privatelink.vaultcore.azure.net'],
] as const)('private endpoint for %s', (subresource, targetId, zoneName) => {
  let pe: Found;
  let zone: Found;
  let link: Found;
  let target: Found;

  beforeAll(() => {
    pe = atPath(tf, `${LAKE}/pe-${subresource}`);
    zone = atPath(tf, `${LAKE}/dns-${subresource}`);
    link = atPath(tf, `${LAKE}/dns-${subresource}-link`);
    target = atPath(tf, `${LAKE}/${targetId}`);
  });

  it(`has a private DNS zone named ${zoneName}`, () => {
    expect(zone.body.name).toBe(zoneName);
    expect(PRIVATE_LINK_ZONES[subresource]).toBe(zoneName);
  });

  it('links the zone to the VNet without auto-registration', () => {
    expect(link.body).toMatchObject({
      private_dns_zone_name: zone.ref('name'),
      virtual_network_id: vnet.ref('id'),
      registration_enabled: false,
    });
  });

  it('connects the subnet to the target sub-resource automatically', () => {
    expect(pe.body.subnet_id).toBe(subnet.ref('id'));
    expect(pe.body.private_service_connection).toMatchObject({
      private_connection_resource_id: target.ref('id'),
      subresource_names: [subresource],
      is_manual_connection: false,
    });
  });

  it('registers its address in the zone through a DNS zone group', () => {
    expect(pe.body.private_dns_zone_group).toEqual({ name: 'default', private_dns_zone_ids: [zone.ref('id')] });
  });

  it('is created after the zone is linked to the VNet', () => {
    expect(pe.body.depends_on).toEqual([`${link.type}.${link.name}`]);
  });
});

describe('SecureDataLake private endpoints overall (standalone)', () => {
  it('creates exactly blob, dfs and vault endpoints, zones and links', () => {
    expect(allOf(tf, 'azurerm_private_endpoint')).toHaveLength(3);
    expect(
      allOf(tf, 'azurerm_private_dns_zone')
        .map((z) => z.body.name)
        .sort(),
    ).toEqual(Object.values(PRIVATE_LINK_ZONES).sort());
    expect(allOf(tf, 'azurerm_private_dns_zone_virtual_network_link')).toHaveLength(3);
  });
});

describe('SecureDataLake in the platform stack: the training network brings subnet and zones', () => {
  const NET = 'azure-platform/training-network';

  it('creates no VNet, subnet, zone or link of its own', () => {
    const lakeOwned = (type: string) =>
      allOf(platform, type).filter((r) => r.body['//'].metadata.path.startsWith('azure-platform/data-lake/'));
    for (const type of [
      'azurerm_virtual_network',
      'azurerm_subnet',
      'azurerm_private_dns_zone',
      'azurerm_private_dns_zone_virtual_network_link',
    ]) {
      expect({ type, count: lakeOwned(type).length }).toEqual({ type, count: 0 });
    }
  });

  it.each(['blob', 'dfs', 'vault'] as const)(
    'puts the %s endpoint in the network endpoint subnet and registers it in the network zone',
    (subresource) => {
      const pe = atPath(platform, `azure-platform/data-lake/pe-${subresource}`);
      expect(pe.body.subnet_id).toBe(atPath(platform, `${NET}/subnet-privateEndpoints`).ref('id'));
      expect(pe.body.private_dns_zone_group.private_dns_zone_ids).toEqual([
        atPath(platform, `${NET}/dns-${subresource}`).ref('id'),
      ]);
    },
  );

  it('leaves exactly one zone per privatelink name in the stack', () => {
    const names = allOf(platform, 'azurerm_private_dns_zone').map((z) => z.body.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(Object.values(PRIVATE_LINK_ZONES)));
  });
});
