import { PULUMI_UNKNOWN } from '../../../policies/integrations/pulumi';
import { resource, run } from './harness';

/**
 * azure-native PostgreSQL flexible servers and their parameters (dbforpostgresql:Server and
 * :Configuration, linked by serverName): every rule that judges the azurerm server runs on them.
 */
const SERVER = 'azure-native:dbforpostgresql:Server';
const server = (props: Record<string, unknown>, protect = true) =>
  resource(
    SERVER,
    'pg',
    {
      serverName: 'pg-platform',
      resourceGroupName: 'rg',
      version: '16',
      network: { publicNetworkAccess: 'Disabled' },
      authConfig: { passwordAuth: 'Disabled', activeDirectoryAuth: 'Enabled' },
      backup: { backupRetentionDays: 14, geoRedundantBackup: 'Enabled' },
      dataEncryption: {
        type: 'AzureKeyVault',
        primaryKeyURI: 'https://kv-platform.vault.azure.net/keys/pg',
        primaryUserAssignedIdentityId:
          '/subscriptions/s/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/pg',
      },
      ...props,
    },
    { opts: { protect } },
  );
const parameter = (s: { urn: string }, configurationName: string, value: unknown) =>
  resource(
    'azure-native:dbforpostgresql:Configuration',
    configurationName,
    { serverName: 'pg-platform', resourceGroupName: 'rg', configurationName, value, source: 'user-override' },
    { propertyDependencies: { serverName: [{ urn: s.urn }] } },
  );
const RULES = [
  'ZT-DATA-001',
  'ZT-DATA-003',
  'ZT-DATA-004',
  'ZT-DATA-008',
  'ZT-DATA-011',
  'ZT-NETWORK-001',
  'ZT-IDENTITY-001',
];

describe('azure-native:dbforpostgresql:Server', () => {
  test.each(RULES)('a hardened server passes %s', async (rule) => {
    expect(await run(rule, [server({})])).toEqual([]);
  });
  test.each([
    ['ZT-DATA-001', { dataEncryption: { type: 'SystemManaged' } }],
    ['ZT-NETWORK-001', { network: { publicNetworkAccess: 'Enabled' } }],
    ['ZT-IDENTITY-001', { authConfig: { passwordAuth: 'Enabled', activeDirectoryAuth: 'Enabled' } }],
    ['ZT-IDENTITY-001', { authConfig: undefined }],
    ['ZT-DATA-011', { backup: { backupRetentionDays: 7, geoRedundantBackup: 'Disabled' } }],
  ])('%s fails on %j', async (rule, props) => {
    expect((await run(rule, [server(props)])).length).toBeGreaterThan(0);
  });
  test('a VNet-integrated server without a public access setting passes ZT-NETWORK-001', async () => {
    const vnet = server({
      network: {
        delegatedSubnetResourceId:
          '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/pg',
      },
    });
    expect(await run('ZT-NETWORK-001', [vnet])).toEqual([]);
  });
  test('an unprotected server fails retention on delete; an encryption unknown at preview is no violation', async () => {
    expect(await run('ZT-DATA-008', [server({}, false)])).toHaveLength(1);
    expect(await run('ZT-DATA-001', [server({ dataEncryption: PULUMI_UNKNOWN })])).toEqual([]);
  });
});

describe('azure-native:dbforpostgresql:Configuration', () => {
  test('require_secure_transport off fails the server; on passes', async () => {
    const s = server({});
    expect(await run('ZT-DATA-003', [s, parameter(s, 'require_secure_transport', 'off')])).toHaveLength(1);
    expect(await run('ZT-DATA-003', [s, parameter(s, 'require_secure_transport', 'on')])).toEqual([]);
  });
  test('ssl_min_protocol_version TLSv1.1 fails; TLSv1.3 passes', async () => {
    const s = server({});
    expect(await run('ZT-DATA-004', [s, parameter(s, 'ssl_min_protocol_version', 'TLSv1.1')])).toHaveLength(1);
    expect(await run('ZT-DATA-004', [s, parameter(s, 'ssl_min_protocol_version', 'TLSv1.3')])).toEqual([]);
  });
});
