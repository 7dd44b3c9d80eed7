import { TerraformStack } from 'cdktf';
import { BlueprintConfigError } from '../../lib/core/errors';
import { SecureDataLake, SecureDataLakeProps } from '../../lib/azure/data-lake';
import { resolveDataLakeProps } from '../../lib/azure/data-lake/validation';
import { scratchApp } from './synth';

const VNET_ID = '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet';
const SUBNET_ID = `${VNET_ID}/subnets/pe`;

/** Builds a data lake in a fresh stack and returns the error it throws (or fails the test). */
function errorFor(props: SecureDataLakeProps): BlueprintConfigError {
  const stack = new TerraformStack(scratchApp(), 'props');
  try {
    new SecureDataLake(stack, 'lake', props);
  } catch (e) {
    if (e instanceof BlueprintConfigError) return e;
    throw e;
  }
  throw new Error(`no error for ${JSON.stringify(props)}`);
}

describe('SecureDataLake props validation', () => {
  it.each<[string, SecureDataLakeProps, string]>([
    ['an empty zone list', { zones: [] }, 'SecureDataLake.zones'],
    ['a duplicate zone', { zones: ['raw', 'curated', 'raw'] }, 'SecureDataLake.zones'],
    ['an upper-case zone', { zones: ['raw', 'Curated'] }, 'SecureDataLake.zones[1]'],
    ['a zone with an underscore', { zones: ['raw', 'cur_ated'] }, 'SecureDataLake.zones[1]'],
    ['a zone too short for a filesystem', { zones: ['raw', 'ok', 'features'] }, 'SecureDataLake.zones[1]'],
    ['a zone with a double hyphen', { zones: ['raw--x'] }, 'SecureDataLake.zones[0]'],
    ["a zone over 24 characters (the AWS twin's limit)", { zones: ['z'.repeat(25)] }, 'SecureDataLake.zones[0]'],
    ['a malformed vnetCidr', { vnetCidr: '10.20.0.0' }, 'SecureDataLake.vnetCidr'],
    ['a vnetCidr with host bits', { vnetCidr: '10.20.1.0/16' }, 'SecureDataLake.vnetCidr'],
    ['a vnetCidr with a bad octet', { vnetCidr: '10.300.0.0/16' }, 'SecureDataLake.vnetCidr'],
    ['a vnetCidr smaller than /24', { vnetCidr: '10.20.0.0/26' }, 'SecureDataLake.vnetCidr'],
    [
      'a subnet larger than the VNet',
      { vnetCidr: '10.20.0.0/24', privateEndpointSubnetPrefix: 23 },
      'SecureDataLake.privateEndpointSubnetPrefix',
    ],
    ['retentionDays 0', { retentionDays: 0 }, 'SecureDataLake.retentionDays'],
    ['retentionDays 366', { retentionDays: 366 }, 'SecureDataLake.retentionDays'],
    ['fractional retentionDays', { retentionDays: 7.5 }, 'SecureDataLake.retentionDays'],
    ['a bad project', { project: 'Zt_AI' }, 'SecureDataLake.project'],
    ['a bad environment', { environment: '-dev' }, 'SecureDataLake.environment'],
    ['a project over 16 characters', { project: 'averyveryverylong' }, 'SecureDataLake.project'],
    [
      'project + environment deriving a key vault name over 24',
      { project: 'abcdefghijkl', environment: 'x1' },
      'SecureDataLake.keyVaultName',
    ],
    [
      'project + environment deriving a storage name over 24',
      { project: 'platformname', environment: 'staging' },
      'SecureDataLake.storageAccountName',
    ],
    ['an explicit storage name with hyphens', { storageAccountName: 'st-data' }, 'SecureDataLake.storageAccountName'],
    ['an explicit storage name over 24', { storageAccountName: 's'.repeat(25) }, 'SecureDataLake.storageAccountName'],
    ['an explicit key vault name over 24', { keyVaultName: 'kv-' + 'x'.repeat(22) }, 'SecureDataLake.keyVaultName'],
    ['a key vault name starting with a digit', { keyVaultName: '1kv-data' }, 'SecureDataLake.keyVaultName'],
    ['a key vault name with a double hyphen', { keyVaultName: 'kv--data' }, 'SecureDataLake.keyVaultName'],
    ['a key vault name under 3 characters', { keyVaultName: 'kv' }, 'SecureDataLake.keyVaultName'],
    ['an unknown classification', { classification: 'secret' as never }, 'SecureDataLake.classification'],
    ['an unknown key vault SKU', { keyVaultSku: 'basic' as never }, 'SecureDataLake.keyVaultSku'],
    ['keyRotationDays below 7', { keyRotationDays: 6 }, 'SecureDataLake.keyRotationDays'],
    ['an unknown replication type', { replication: 'PREMIUM' as never }, 'SecureDataLake.replication'],
    ['a malformed tenantId', { tenantId: 'contoso' }, 'SecureDataLake.tenantId'],
    ['a location with spaces', { location: 'West Europe' }, 'SecureDataLake.location'],
    ['an owner tag with angle brackets', { owner: 'team<a>' }, 'SecureDataLake.owner'],
    ['a non-boolean objectLock', { objectLock: 'yes' as never }, 'SecureDataLake.objectLock'],
    ['an empty lineage tag', { lineage: '' }, 'SecureDataLake.lineage'],
    [
      'a bad existing resource group name',
      { existingResourceGroupName: 'rg.' },
      'SecureDataLake.existingResourceGroupName',
    ],
    [
      'a subnet ID that is not one',
      { existingNetwork: { virtualNetworkId: VNET_ID, subnetId: VNET_ID } },
      'SecureDataLake.existingNetwork.subnetId',
    ],
    [
      'a VNet ID that is not one',
      { existingNetwork: { virtualNetworkId: 'vnet', subnetId: SUBNET_ID } },
      'SecureDataLake.existingNetwork.virtualNetworkId',
    ],
    [
      'an existing network and a vnetCidr',
      { vnetCidr: '10.0.0.0/16', existingNetwork: { virtualNetworkId: VNET_ID, subnetId: SUBNET_ID } },
      'SecureDataLake.existingNetwork',
    ],
  ])('rejects %s, naming the prop', (_case, props, prop) => {
    const error = errorFor(props);
    expect(error.prop).toBe(prop);
    expect(error.message).toContain(`Invalid ${prop}: expected`);
  });

  it('tells the user how to fix a derived name that is too long', () => {
    const error = errorFor({ project: 'platformname', environment: 'staging' });
    expect(error.message).toMatch(/derived from project and environment/);
    expect(error.message).toContain('stplatformnamestagingdl');
  });

  it('accepts the boundaries: 1 and 365 retention days, a /24 VNet, 3-character zones', () => {
    const stack = new TerraformStack(scratchApp(), 'ok');
    expect(
      () => new SecureDataLake(stack, 'a', { retentionDays: 1, vnetCidr: '10.1.0.0/24', zones: ['raw'] }),
    ).not.toThrow();
    expect(() => new SecureDataLake(stack, 'b', { retentionDays: 365, zones: ['abc', 'a-b-c'] })).not.toThrow();
  });
});

describe('SecureDataLake derived names', () => {
  it('are deterministic for the same inputs and construct path', () => {
    expect(resolveDataLakeProps({}, 'app/lake').names).toEqual(resolveDataLakeProps({}, 'app/lake').names);
  });

  it('differ by construct path and by nameSeed (global names must not collide)', () => {
    const base = resolveDataLakeProps({}, 'app/lake').names;
    expect(resolveDataLakeProps({}, 'app/other').names.storageAccount).not.toBe(base.storageAccount);
    expect(resolveDataLakeProps({ nameSeed: 'sub-2' }, 'app/lake').names.keyVault).not.toBe(base.keyVault);
  });

  it('drop hyphens for the storage account and respect explicit names', () => {
    const names = resolveDataLakeProps(
      { project: 'zt-ai', storageAccountName: 'mylake01', keyVaultName: 'kv-mine' },
      'p',
    ).names;
    expect(names).toMatchObject({ storageAccount: 'mylake01', keyVault: 'kv-mine' });
    expect(resolveDataLakeProps({ project: 'zt-ai' }, 'p').names.storageAccount).toMatch(/^stztaidevdl[0-9a-f]{6}$/);
  });

  it('default the lineage tag to <project>:data-lake and object lock to restricted data only', () => {
    expect(resolveDataLakeProps({ project: 'lake' }, 'p').lineage).toBe('lake:data-lake');
    expect(resolveDataLakeProps({}, 'p').objectLock).toBe(false);
    expect(resolveDataLakeProps({ classification: 'restricted' }, 'p').objectLock).toBe(true);
    expect(resolveDataLakeProps({ classification: 'restricted', objectLock: false }, 'p').objectLock).toBe(false);
  });

  it('carve the private-endpoint subnet from the VNet', () => {
    expect(resolveDataLakeProps({ vnetCidr: '172.16.0.0/12' }, 'p').network).toEqual({
      vnetCidr: '172.16.0.0/12',
      subnetCidr: '172.16.0.0/24',
    });
    expect(resolveDataLakeProps({ vnetCidr: '10.1.0.0/24', privateEndpointSubnetPrefix: 27 }, 'p').network).toEqual({
      vnetCidr: '10.1.0.0/24',
      subnetCidr: '10.1.0.0/27',
    });
  });
});
