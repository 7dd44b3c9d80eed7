import { PULUMI_UNKNOWN } from '../../../policies/integrations/pulumi';
import { resource, run } from './harness';

/**
 * azure-native Redis caches and AI Search services: every rule that judges azurerm_redis_cache or
 * azurerm_search_service runs on them (a hardened one passes all; each setting loosened fails its
 * rule; an unknown at preview is no violation).
 */
const redis = (props: Record<string, unknown>) =>
  resource('azure-native:cache:Redis', 'cache', {
    name: 'redis-platform',
    resourceGroupName: 'rg',
    sku: { name: 'Premium', family: 'P', capacity: 1 },
    enableNonSslPort: false,
    minimumTlsVersion: '1.2',
    publicNetworkAccess: 'Disabled',
    disableAccessKeyAuthentication: true,
    redisConfiguration: { aadEnabled: 'true' },
    ...props,
  });
const search = (props: Record<string, unknown>) =>
  resource(
    'azure-native:search:Service',
    'search',
    {
      searchServiceName: 'srch-platform',
      resourceGroupName: 'rg',
      sku: { name: 'standard' },
      publicNetworkAccess: 'disabled',
      disableLocalAuth: true,
      encryptionWithCmk: { enforcement: 'Enabled' },
      ...props,
    },
    { opts: { protect: true } },
  );
const REDIS_RULES = ['ZT-DATA-003', 'ZT-DATA-004', 'ZT-NETWORK-001', 'ZT-IDENTITY-001'];
const SEARCH_RULES = ['ZT-DATA-001', 'ZT-DATA-008', 'ZT-NETWORK-001', 'ZT-NETWORK-002', 'ZT-IDENTITY-001'];

describe('azure-native:cache:Redis', () => {
  test.each(REDIS_RULES)('a hardened cache passes %s', async (rule) => {
    expect(await run(rule, [redis({})])).toEqual([]);
  });
  test.each([
    ['ZT-DATA-003', { enableNonSslPort: true }],
    ['ZT-DATA-004', { minimumTlsVersion: '1.0' }],
    ['ZT-NETWORK-001', { publicNetworkAccess: 'Enabled' }],
    ['ZT-IDENTITY-001', { disableAccessKeyAuthentication: false }],
    ['ZT-IDENTITY-001', { redisConfiguration: { aadEnabled: 'true', authnotrequired: 'true' } }],
    ['ZT-IDENTITY-001', { redisConfiguration: {} }],
  ])('%s fails on %j', async (rule, props) => {
    expect(await run(rule, [redis(props)])).toHaveLength(1);
  });
  test('ARM defaults: keys on and public access on fail; the non-SSL port stays off', async () => {
    const bare = resource('azure-native:cache:Redis', 'cache', { name: 'r', resourceGroupName: 'rg' });
    // Keys on, and Entra ID off (ARM's default): both are legacy-access findings.
    expect(await run('ZT-IDENTITY-001', [bare])).toHaveLength(2);
    expect(await run('ZT-NETWORK-001', [bare])).toHaveLength(1);
    expect(await run('ZT-DATA-003', [bare])).toEqual([]);
  });
  test('a setting unknown at preview is not a violation', async () => {
    expect(await run('ZT-NETWORK-001', [redis({ publicNetworkAccess: PULUMI_UNKNOWN })])).toEqual([]);
  });
});

describe('azure-native:search:Service', () => {
  test.each(SEARCH_RULES)('a hardened service passes %s', async (rule) => {
    expect(await run(rule, [search({})])).toEqual([]);
  });
  test.each([
    ['ZT-DATA-001', { encryptionWithCmk: { enforcement: 'Unspecified' } }],
    ['ZT-NETWORK-001', { publicNetworkAccess: 'enabled' }],
    ['ZT-NETWORK-001', { sku: { name: 'free' } }],
    ['ZT-NETWORK-002', { publicNetworkAccess: 'enabled' }],
    ['ZT-IDENTITY-001', { disableLocalAuth: false }],
  ])('%s fails on %j', async (rule, props) => {
    expect(await run(rule, [search(props)])).toHaveLength(1);
  });
  test('public access limited to listed addresses passes the firewall rule', async () => {
    const listed = search({
      publicNetworkAccess: 'enabled',
      networkRuleSet: { ipRules: [{ value: '203.0.113.0/24' }] },
    });
    expect(await run('ZT-NETWORK-002', [listed])).toEqual([]);
  });
  test('an unprotected service fails retention on delete', async () => {
    const bare = resource('azure-native:search:Service', 's', { searchServiceName: 's', resourceGroupName: 'rg' });
    expect(await run('ZT-DATA-008', [bare])).toHaveLength(1);
  });
});

describe('azure-native:documentdb:DatabaseAccount (Cosmos DB)', () => {
  const KEY = 'https://kv-platform.vault.azure.net/keys/cosmos';
  const cosmos = (props: Record<string, unknown>, opts = { protect: true }) =>
    resource(
      'azure-native:documentdb:DatabaseAccount',
      'cosmos',
      {
        accountName: 'cosmos-platform',
        resourceGroupName: 'rg',
        databaseAccountOfferType: 'Standard',
        locations: [{ locationName: 'westeurope' }],
        keyVaultKeyUri: KEY,
        minimalTlsVersion: 'Tls12',
        publicNetworkAccess: 'Disabled',
        isVirtualNetworkFilterEnabled: true,
        disableLocalAuth: true,
        backupPolicy: { type: 'Continuous', continuousModeProperties: { tier: 'Continuous30Days' } },
        ...props,
      },
      { opts },
    );
  const RULES = ['ZT-DATA-001', 'ZT-DATA-004', 'ZT-DATA-008', 'ZT-DATA-011', 'ZT-NETWORK-001', 'ZT-NETWORK-002'];
  test.each([...RULES, 'ZT-IDENTITY-001'])('a hardened account passes %s', async (rule) => {
    expect(await run(rule, [cosmos({})])).toEqual([]);
  });
  test.each([
    ['ZT-DATA-001', { keyVaultKeyUri: undefined }],
    ['ZT-DATA-004', { minimalTlsVersion: 'Tls11' }],
    ['ZT-NETWORK-001', { publicNetworkAccess: 'Enabled' }],
    ['ZT-NETWORK-002', { isVirtualNetworkFilterEnabled: false }],
    ['ZT-IDENTITY-001', { disableLocalAuth: false }],
    ['ZT-DATA-011', { backupPolicy: undefined }],
    [
      'ZT-DATA-011',
      {
        backupPolicy: {
          type: 'Periodic',
          periodicModeProperties: { backupRetentionIntervalInHours: 8, backupStorageRedundancy: 'Local' },
        },
      },
    ],
  ])('%s fails on %j', async (rule, props) => {
    expect((await run(rule, [cosmos(props)])).length).toBeGreaterThan(0);
  });
  test('a geo-redundant periodic backup kept a week passes; listed addresses pass the firewall', async () => {
    const periodic = {
      type: 'Periodic',
      periodicModeProperties: { backupRetentionIntervalInHours: 168, backupStorageRedundancy: 'Geo' },
    };
    expect(await run('ZT-DATA-011', [cosmos({ backupPolicy: periodic })])).toEqual([]);
    const listed = cosmos({ isVirtualNetworkFilterEnabled: false, ipRules: [{ ipAddressOrRange: '203.0.113.0/24' }] });
    expect(await run('ZT-NETWORK-002', [listed])).toEqual([]);
  });
  test('an unprotected account fails retention on delete; a backup unknown at preview is no violation', async () => {
    expect(await run('ZT-DATA-008', [cosmos({}, { protect: false })])).toHaveLength(1);
    expect(await run('ZT-DATA-011', [cosmos({ backupPolicy: PULUMI_UNKNOWN })])).toEqual([]);
  });
});
