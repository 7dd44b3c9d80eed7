import { TerraformStack } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { BlueprintConfigError } from '../../lib/core/errors';
import { SecureDataLake } from '../../lib/azure/data-lake';
import { allOf, atPath, synthStack, TfJson } from './synth';

const VNET_ID = '/subscriptions/0/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/hub';
const SUBNET_ID = `${VNET_ID}/subnets/private-endpoints`;
const TENANT = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
const READER = '11111111-1111-1111-1111-111111111111';
const WRITER = '22222222-2222-2222-2222-222222222222';

let tf: TfJson;
const errors: Record<string, unknown> = {};

/**
 * One stack, two lakes: "main" with defaults plus grants, "byo" on an existing resource group and
 * network with a standard vault, an explicit tenant and no deployer roles.
 */
beforeAll(() => {
  tf = synthStack((app) => {
    const stack = new TerraformStack(app, 'options');
    new AzurermProvider(stack, 'azurerm', { features: [{}], storageUseAzuread: true });
    const main = new SecureDataLake(stack, 'main', { zones: ['bronze', 'silver', 'gold'] });
    main.grantRead(READER, 'gold');
    main.grantRead(READER);
    main.grantWrite(WRITER, 'bronze');
    main.grantWrite(WRITER);
    for (const [key, fn] of Object.entries({
      unknownZone: () => main.grantRead(READER, 'platinum'),
      emptyPrincipal: () => main.grantWrite('  ', 'gold'),
    })) {
      try {
        fn();
      } catch (e) {
        errors[key] = e;
      }
    }
    new SecureDataLake(stack, 'byo', {
      existingResourceGroupName: 'rg-shared',
      existingNetwork: { virtualNetworkId: VNET_ID, subnetId: SUBNET_ID },
      keyVaultSku: 'standard',
      tenantId: TENANT,
      deployerAccess: false,
      keyRotationDays: 30,
      replication: 'GZRS',
    });
    return stack;
  });
});

describe('SecureDataLake grants', () => {
  const grant = (role: string, principal: string) =>
    allOf(tf, 'azurerm_role_assignment').filter(
      (r) => r.body.role_definition_name === role && r.body.principal_id === principal,
    );

  it('scopes a zone grant to that filesystem only, after it exists', () => {
    const storage = atPath(tf, 'options/main/storage');
    const gold = atPath(tf, 'options/main/fs-gold');
    const zoned = grant('Storage Blob Data Reader', READER).find((r) => r.body.scope !== storage.ref('id'));
    expect(zoned?.body.scope).toBe(`${storage.ref('id')}/blobServices/default/containers/gold`);
    expect(zoned?.body.depends_on).toEqual([`${gold.type}.${gold.name}`]);
  });

  it('scopes an all-zones grant to the storage account', () => {
    const storage = atPath(tf, 'options/main/storage');
    expect(grant('Storage Blob Data Reader', READER).map((r) => r.body.scope)).toContain(storage.ref('id'));
    expect(grant('Storage Blob Data Contributor', WRITER).map((r) => r.body.scope)).toEqual(
      expect.arrayContaining([storage.ref('id'), `${storage.ref('id')}/blobServices/default/containers/bronze`]),
    );
  });

  it('uses the read role for grantRead and the contributor role for grantWrite, nothing broader', () => {
    expect(grant('Storage Blob Data Reader', READER)).toHaveLength(2);
    expect(grant('Storage Blob Data Contributor', WRITER)).toHaveLength(2);
    const roles = new Set(allOf(tf, 'azurerm_role_assignment').map((r) => r.body.role_definition_name));
    expect(roles).not.toContain('Owner');
    expect(roles).not.toContain('Contributor');
  });

  it.each([
    ['unknownZone', 'SecureDataLake.grantRead.zone'],
    ['emptyPrincipal', 'SecureDataLake.grantWrite.principalId'],
  ])('rejects %s naming %s', (key, prop) => {
    expect(errors[key]).toBeInstanceOf(BlueprintConfigError);
    expect((errors[key] as BlueprintConfigError).prop).toBe(prop);
  });

  it('creates filesystems for custom zones', () => {
    const names = allOf(tf, 'azurerm_storage_data_lake_gen2_filesystem')
      .filter((f) => f.body['//'].metadata.path.startsWith('options/main/'))
      .map((f) => f.body.name);
    expect(names.sort()).toEqual(['bronze', 'gold', 'silver']);
  });
});

describe('SecureDataLake on an existing resource group and network', () => {
  it('looks the resource group up instead of creating (and protecting) one', () => {
    const rg = atPath(tf, 'options/byo/resource-group', true);
    expect(rg.type).toBe('azurerm_resource_group');
    expect(rg.body.name).toBe('rg-shared');
    expect(atPath(tf, 'options/byo/storage').body.resource_group_name).toBe(rg.ref('name'));
    const created = allOf(tf, 'azurerm_resource_group').map((r) => r.body['//'].metadata.path);
    expect(created).toEqual(['options/main/resource-group']);
  });

  it('creates no VNet or subnet and puts endpoints into the given subnet', () => {
    const paths = [...allOf(tf, 'azurerm_virtual_network'), ...allOf(tf, 'azurerm_subnet')].map(
      (r) => r.body['//'].metadata.path,
    );
    expect(paths.every((p) => p.startsWith('options/main/'))).toBe(true);
    for (const sub of ['blob', 'dfs', 'vault']) {
      expect(atPath(tf, `options/byo/pe-${sub}`).body.subnet_id).toBe(SUBNET_ID);
      expect(atPath(tf, `options/byo/dns-${sub}-link`).body.virtual_network_id).toBe(VNET_ID);
    }
  });

  it('uses a standard vault with a software RSA 3072 key when asked', () => {
    expect(atPath(tf, 'options/byo/key-vault').body.sku_name).toBe('standard');
    expect(atPath(tf, 'options/byo/cmk').body).toMatchObject({ key_type: 'RSA', key_size: 3072 });
  });

  it('applies keyRotationDays and replication', () => {
    expect(atPath(tf, 'options/byo/cmk').body.rotation_policy).toMatchObject({
      automatic: { time_after_creation: 'P30D' },
      expire_after: 'P60D',
    });
    expect(atPath(tf, 'options/byo/storage').body.account_replication_type).toBe('GZRS');
  });

  it('uses the given tenant and, without deployer access, neither reads the client nor grants it roles', () => {
    expect(atPath(tf, 'options/byo/key-vault').body.tenant_id).toBe(TENANT);
    expect(() => atPath(tf, 'options/byo/client', true)).toThrow();
    const byoRoles = allOf(tf, 'azurerm_role_assignment').filter((r) =>
      r.body['//'].metadata.path.startsWith('options/byo/'),
    );
    expect(byoRoles.map((r) => r.body.role_definition_name)).toEqual(['Key Vault Crypto Service Encryption User']);
    const pe = atPath(tf, 'options/byo/pe-vault');
    expect(atPath(tf, 'options/byo/cmk').body.depends_on).toEqual([`${pe.type}.${pe.name}`]);
  });

  it('keeps every hardening default', () => {
    const storage = atPath(tf, 'options/byo/storage').body;
    expect(storage).toMatchObject({
      public_network_access_enabled: false,
      shared_access_key_enabled: false,
      infrastructure_encryption_enabled: true,
      lifecycle: { prevent_destroy: true },
    });
    expect(atPath(tf, 'options/byo/key-vault').body).toMatchObject({
      purge_protection_enabled: true,
      public_network_access_enabled: false,
    });
  });

  it('gets global names different from the other lake in the same app', () => {
    const name = (path: string) => atPath(tf, path).body.name;
    expect(name('options/byo/storage')).not.toBe(name('options/main/storage'));
    expect(name('options/byo/key-vault')).not.toBe(name('options/main/key-vault'));
  });
});
