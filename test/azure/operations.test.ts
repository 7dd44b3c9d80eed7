import { resolveConfig } from '../../lib/core/config';
import { AzurePlatformStack } from '../../stacks/azure-platform-stack';
import { allOf, synthStack } from './synth';

// Synthesized once, with contacts and the Defender plans on; and once with the defaults.
const config = resolveConfig({
  azure: { subscriptionId: '11111111-2222-3333-4444-555555555555' },
  operations: { alertEmails: ['sec@example.com'], defenderPlans: true },
});
const tf = synthStack((app) => new AzurePlatformStack(app, 'azure-platform', config));
const plain = synthStack((app) => new AzurePlatformStack(app, 'azure-platform', resolveConfig()));
const diag = allOf(tf, 'azurerm_monitor_diagnostic_setting');
const workspace = allOf(tf, 'azurerm_log_analytics_workspace')[0];

describe('Azure audit', () => {
  test('the reused workspace keeps 90 days and accepts Entra ID only', () => {
    expect(allOf(tf, 'azurerm_log_analytics_workspace')).toHaveLength(1);
    expect(workspace.body).toMatchObject({ retention_in_days: 90, local_authentication_enabled: false });
  });

  test('a diagnostic setting into the workspace for the vault, the lake blob service and the flow-log blob service', () => {
    const targets = diag.map((d) => d.body.target_resource_id as string);
    expect(targets).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\$\{azurerm_key_vault\.[^}]+\.id\}$/),
        expect.stringMatching(/^\$\{azurerm_storage_account\.data-lake[^}]*\.id\}\/blobServices\/default$/),
        expect.stringMatching(/^\$\{azurerm_storage_account\.training-network[^}]*\.id\}\/blobServices\/default$/),
      ]),
    );
    for (const d of diag) expect(d.body.log_analytics_workspace_id).toBe(workspace.ref('id'));
    const vault = diag.find((d) => /azurerm_key_vault/.test(d.body.target_resource_id))!;
    expect(vault.body.enabled_log).toEqual([{ category: 'AuditEvent' }]);
    expect(vault.body.log_analytics_destination_type).toBe('Dedicated');
  });

  test('the subscription activity log exports Administrative, Security, Policy and Alert', () => {
    const activity = diag.find((d) => d.body.target_resource_id === `/subscriptions/${config.azure.subscriptionId}`)!;
    expect(activity.body.enabled_log.map((l: { category: string }) => l.category)).toEqual([
      'Administrative',
      'Security',
      'Policy',
      'Alert',
    ]);
  });

  test('Defender for Cloud plans only when opted in', () => {
    const plans = allOf(tf, 'azurerm_security_center_subscription_pricing').map((p) => [
      p.body.resource_type,
      p.body.tier,
    ]);
    expect(plans.sort()).toEqual([
      ['AI', 'Standard'],
      ['Arm', 'Standard'],
      ['KeyVaults', 'Standard'],
      ['StorageAccounts', 'Standard'],
    ]);
    expect(allOf(plain, 'azurerm_security_center_subscription_pricing')).toHaveLength(0);
  });
});

describe('Azure monitoring', () => {
  test('an action group with the configured contacts', () => {
    const [group] = allOf(tf, 'azurerm_monitor_action_group');
    expect(group.body.short_name.length).toBeLessThanOrEqual(12);
    expect(group.body.email_receiver).toEqual([
      { name: 'contact-1', email_address: 'sec@example.com', use_common_alert_schema: true },
    ]);
  });

  test('four platform KQL alerts and three on the API gateway, each over the workspace and notifying the action group', () => {
    const all = allOf(tf, 'azurerm_monitor_scheduled_query_rules_alert_v2');
    const alerts = all.filter((a) => !a.name.includes('apim'));
    const [group] = allOf(tf, 'azurerm_monitor_action_group');
    expect(alerts).toHaveLength(4);
    expect(all.filter((a) => a.name.includes('apim')).map((a) => a.body.criteria[0].query as string)).toEqual([
      expect.stringContaining('ResponseCode == 401'),
      expect.stringContaining('ResponseCode == 429'),
      expect.stringContaining('AppMetrics'),
    ]);
    const queries = alerts.map((a) => a.body.criteria[0].query as string).join('\n');
    for (const signal of ['KeyDelete', 'ROLEASSIGNMENTS/WRITE', 'GetBlob', 'JOBS/WRITE'])
      expect(queries).toContain(signal);
    for (const a of alerts) {
      expect(a.body.scopes).toEqual([workspace.ref('id')]);
      expect(a.body.action.action_groups).toEqual([group.ref('id')]);
      expect(a.body).toMatchObject({ evaluation_frequency: 'PT5M', window_duration: 'PT5M' });
    }
  });
});
