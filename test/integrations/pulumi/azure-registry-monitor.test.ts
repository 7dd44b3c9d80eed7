import { PULUMI_UNKNOWN } from '../../../policies/integrations/pulumi';
import { resource, run } from './harness';

/**
 * azure-native container registries (ZT-MODEL-001, -002) and diagnostic settings (ZT-MONITORING-002
 * on the store their resourceUri names, ZT-MONITORING-001 on the subscription's activity log).
 */
const REGISTRY = 'azure-native:containerregistry:Registry';
const privateRegistry = {
  registryName: 'acrplatform',
  sku: { name: 'Premium' },
  adminUserEnabled: false,
  anonymousPullEnabled: false,
  publicNetworkAccess: 'Disabled',
  policies: { exportPolicy: { status: 'disabled' }, retentionPolicy: { status: 'enabled', days: 30 } },
};
const registry = (props: Record<string, unknown> = {}) => resource(REGISTRY, 'acr', { ...privateRegistry, ...props });

describe('ZT-MODEL-001 / ZT-MODEL-002 on azure-native:containerregistry:Registry', () => {
  test('a Premium registry with admin, anonymous pull, public access and export off passes both', async () => {
    expect(await run('ZT-MODEL-001', [registry()])).toEqual([]);
    expect(await run('ZT-MODEL-002', [registry()])).toEqual([]);
  });
  test('ARM defaults (public network, export enabled) and a Basic admin registry fail, one per setting', async () => {
    const r = registry({
      sku: { name: 'Basic' },
      adminUserEnabled: true,
      publicNetworkAccess: undefined,
      policies: undefined,
    });
    const v = await run('ZT-MODEL-001', [r]);
    expect(v.map((x) => /property (\S+)\)$/.exec(x.message)?.[1]).sort()).toEqual([
      'admin_enabled',
      'export_policy_enabled',
      'public_network_access_enabled',
      'sku',
    ]);
    expect((await run('ZT-MODEL-002', [r])).map((x) => /property (\S+)\)$/.exec(x.message)?.[1])).toEqual([
      'sku',
      'retention_policy_in_days',
    ]);
  });
  test('retention enabled without days keeps ARM default of 7; disabled fails', async () => {
    const on = registry({ policies: { exportPolicy: { status: 'disabled' }, retentionPolicy: { status: 'enabled' } } });
    expect(await run('ZT-MODEL-002', [on])).toEqual([]);
    const off = registry({
      policies: { exportPolicy: { status: 'disabled' }, retentionPolicy: { status: 'disabled' } },
    });
    expect(await run('ZT-MODEL-002', [off])).toHaveLength(1);
  });
  test('settings unknown at preview are not violations', async () => {
    const r = registry({
      adminUserEnabled: PULUMI_UNKNOWN,
      publicNetworkAccess: PULUMI_UNKNOWN,
      policies: PULUMI_UNKNOWN,
    });
    expect(await run('ZT-MODEL-001', [r])).toEqual([]);
    expect(await run('ZT-MODEL-002', [r])).toEqual([]);
  });
});

const WORKSPACE = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/audit';
const diagnostic = (target: { urn: string } | undefined, props: Record<string, unknown>) =>
  resource(
    'azure-native:insights:DiagnosticSetting',
    'diag',
    { name: 'to-audit', resourceUri: PULUMI_UNKNOWN, workspaceId: WORKSPACE, ...props },
    target ? { propertyDependencies: { resourceUri: [{ urn: target.urn }] } } : {},
  );
const AUDIT_LOGS = { logs: [{ categoryGroup: 'audit', enabled: true }] };

describe('ZT-MONITORING-002: a diagnostic setting whose resourceUri names the store', () => {
  test('a registry with a diagnostic setting exporting logs to a workspace passes', async () => {
    const r = registry();
    expect(await run('ZT-MONITORING-002', [r, diagnostic(r, AUDIT_LOGS)])).toEqual([]);
  });
  test('no diagnostic setting, or one targeting another resource, fails on the registry', async () => {
    const r = registry();
    const other = registry({ registryName: 'acrother' });
    for (const stack of [[r], [r, other, diagnostic(other, AUDIT_LOGS)]]) {
      const v = (await run('ZT-MONITORING-002', stack)).filter((x) => x.urn === r.urn);
      expect(v.map((x) => x.message)).toEqual([expect.stringMatching(/no azurerm_monitor_diagnostic_setting targets/)]);
    }
  });
  test('a setting derived from a resource no rule reads targets that resource: the registry still fails', async () => {
    const r = registry();
    const sql = resource('azure-native:sql:Server', 'sql', { serverName: 'sql-platform' });
    const v = await run('ZT-MONITORING-002', [r, sql, diagnostic(sql, AUDIT_LOGS)]);
    expect(v).toEqual([
      { message: expect.stringMatching(/no azurerm_monitor_diagnostic_setting targets/), urn: r.urn },
    ]);
  });
  test('metrics only, disabled logs, or no destination fail through the setting', async () => {
    const r = registry();
    for (const props of [
      { logs: undefined, metrics: [{ category: 'AllMetrics', enabled: true }] },
      { logs: [{ categoryGroup: 'audit', enabled: false }] },
      { ...AUDIT_LOGS, workspaceId: undefined },
    ]) {
      const v = await run('ZT-MONITORING-002', [r, diagnostic(r, props)]);
      expect(v).toEqual([{ message: expect.stringMatching(/diag/), urn: r.urn }]);
    }
  });
  test("a storage account's blob service is its data plane: a setting on the blob service covers the account", async () => {
    const account = resource('azure-native:storage:StorageAccount', 'lake', { kind: 'StorageV2' });
    const blob = resource(
      'azure-native:storage:BlobServiceProperties',
      'lake-blob',
      { accountName: PULUMI_UNKNOWN, blobServicesName: 'default' },
      { propertyDependencies: { accountName: [{ urn: account.urn }] } },
    );
    const logs = {
      logs: [
        { category: 'StorageRead', enabled: true },
        { category: 'StorageWrite', enabled: true },
      ],
    };
    expect(await run('ZT-MONITORING-002', [account, blob, diagnostic(blob, logs)])).toEqual([]);
    const id = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/lake';
    const known = diagnostic(account, { ...logs, resourceUri: `${id}/blobServices/default` });
    expect(await run('ZT-MONITORING-002', [account, known])).toEqual([]);
  });
  test('whether a log is enabled, unknown at preview, is not a violation', async () => {
    const r = registry();
    expect(
      await run('ZT-MONITORING-002', [r, diagnostic(r, { logs: [{ category: 'x', enabled: PULUMI_UNKNOWN }] })]),
    ).toEqual([]);
  });
});

describe('ZT-MONITORING-001: the subscription activity log', () => {
  const subscription = (categories: string[]) =>
    resource('azure-native:insights:SubscriptionDiagnosticSetting', 'activity', {
      name: 'activity-to-audit',
      workspaceId: WORKSPACE,
      logs: categories.map((category) => ({ category, enabled: true })),
    });
  test('Administrative, Security and Policy exported pass', async () => {
    expect(await run('ZT-MONITORING-001', [subscription(['Administrative', 'Security', 'Policy'])])).toEqual([]);
  });
  test('a missing category fails on the setting', async () => {
    const s = subscription(['Administrative']);
    const v = await run('ZT-MONITORING-001', [s]);
    expect(v.length).toBeGreaterThan(0);
    expect(v.every((x) => x.urn === s.urn && /enabled_log/.test(x.message))).toBe(true);
  });
  test('a DiagnosticSetting on a resource is not the activity log (judged by ZT-MONITORING-002)', async () => {
    const r = registry();
    expect(await run('ZT-MONITORING-001', [r, diagnostic(r, AUDIT_LOGS)])).toEqual([]);
  });
});
