import { PULUMI_UNKNOWN } from '../../../policies/integrations/pulumi';
import { resource, run } from './harness';

/**
 * azure-native Key Vault secrets (ZT-DATA-010: an expiry, ARM's attributes.exp in Unix seconds),
 * Log Analytics workspaces (ZT-MONITORING-003: at least 90 days, ARM's default 30) and blob
 * containers (ZT-DATA-005).
 */
const secret = (attributes: unknown) =>
  resource('azure-native:keyvault:Secret', 'api-token', {
    vaultName: 'kv-platform',
    resourceGroupName: 'rg',
    secretName: 'api-token',
    properties: { value: PULUMI_UNKNOWN, contentType: 'text/plain', attributes },
  });
const workspace = (props: Record<string, unknown>) =>
  resource('azure-native:operationalinsights:Workspace', 'logs', {
    workspaceName: 'log-platform',
    resourceGroupName: 'rg',
    sku: { name: 'PerGB2018' },
    ...props,
  });

describe('ZT-DATA-010 on azure-native:keyvault:Secret', () => {
  test('a secret with an expiry passes; one without fails', async () => {
    expect(await run('ZT-DATA-010', [secret({ exp: 1798761600 })])).toEqual([]);
    expect(await run('ZT-DATA-010', [secret({ enabled: true })])).toHaveLength(1);
  });
  test('an expiry unknown at preview is not a violation', async () => {
    expect(await run('ZT-DATA-010', [secret({ exp: PULUMI_UNKNOWN })])).toEqual([]);
  });
});

describe('ZT-MONITORING-003 on azure-native:operationalinsights:Workspace', () => {
  test('90 days passes; the default (30) and 60 fail', async () => {
    expect(await run('ZT-MONITORING-003', [workspace({ retentionInDays: 90 })])).toEqual([]);
    expect(await run('ZT-MONITORING-003', [workspace({})])).toHaveLength(1);
    expect(await run('ZT-MONITORING-003', [workspace({ retentionInDays: 60 })])).toHaveLength(1);
  });
});

/** ZT-DATA-005 on azure-native:storage:BlobContainer (publicAccess None / Blob / Container). */
describe('ZT-DATA-005 on azure-native blob containers', () => {
  const container = (publicAccess: unknown) =>
    resource('azure-native:storage:BlobContainer', 'raw', {
      accountName: 'stplatform',
      resourceGroupName: 'rg',
      containerName: 'raw',
      publicAccess,
    });
  test('a private container passes (also by default); anonymous blob access fails', async () => {
    expect(await run('ZT-DATA-005', [container('None')])).toEqual([]);
    expect(await run('ZT-DATA-005', [container(undefined)])).toEqual([]);
    expect(await run('ZT-DATA-005', [container('Blob')])).toHaveLength(1);
  });
  test('access unknown at preview is not a violation', async () => {
    expect(await run('ZT-DATA-005', [container(PULUMI_UNKNOWN)])).toEqual([]);
  });
});
