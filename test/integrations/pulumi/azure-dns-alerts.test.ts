import { PULUMI_UNKNOWN } from '../../../policies/integrations/pulumi';
import type { PulumiResource } from '../../../policies/integrations/pulumi';
import { resource, run } from './harness';

/**
 * azure-native resources azurerm folds into another: a private endpoint's DNS zone group
 * (ZT-NETWORK-007) is its own ARM resource, merged into the endpoint it depends on; alert actions
 * (ZT-MONITORING-005) are read from MetricAlert.actions[], ScheduledQueryRule.actions and
 * ActivityLogAlert.actions.actionGroups[].
 */
const dependsOn = (prop: string, r: PulumiResource) => ({ propertyDependencies: { [prop]: [{ urn: r.urn }] } });
const endpoint = () =>
  resource('azure-native:network:PrivateEndpoint', 'pe', {
    privateEndpointName: 'pe-blob',
    subnet: { id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/pe' },
    privateLinkServiceConnections: [{ name: 'c', privateLinkServiceId: '/subscriptions/s/x', groupIds: ['blob'] }],
  });
const zoneGroup = (pe: PulumiResource, configs: unknown) =>
  resource(
    'azure-native:network:PrivateDnsZoneGroup',
    'zones',
    { privateEndpointName: 'pe-blob', privateDnsZoneGroupName: 'default', privateDnsZoneConfigs: configs },
    dependsOn('privateEndpointName', pe),
  );

describe('ZT-NETWORK-007 on azure-native private endpoints', () => {
  test('an endpoint whose DNS zone group names a zone passes', async () => {
    const pe = endpoint();
    const zones = [{ name: 'blob', privateDnsZoneId: '/subscriptions/s/privateDnsZones/privatelink.blob' }];
    expect(await run('ZT-NETWORK-007', [pe, zoneGroup(pe, zones)])).toEqual([]);
  });
  test('an endpoint without a zone group fails, on the endpoint', async () => {
    const pe = endpoint();
    const v = await run('ZT-NETWORK-007', [pe]);
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ urn: pe.urn, message: expect.stringContaining('private_dns_zone_group') });
  });
  test('a zone list unknown at preview is not a violation', async () => {
    const pe = endpoint();
    expect(await run('ZT-NETWORK-007', [pe, zoneGroup(pe, PULUMI_UNKNOWN)])).toEqual([]);
  });
});

describe('ZT-MONITORING-005 on azure-native alerts', () => {
  const group = '/subscriptions/s/resourceGroups/rg/providers/microsoft.insights/actionGroups/oncall';
  const metric = (props: Record<string, unknown>) =>
    resource('azure-native:insights:MetricAlert', 'cpu', { ruleName: 'cpu', scopes: ['/subscriptions/s'], ...props });
  const query = (props: Record<string, unknown>) =>
    resource('azure-native:insights:ScheduledQueryRule', 'q', {
      ruleName: 'q',
      scopes: ['/subscriptions/s'],
      ...props,
    });

  test('alerts with an action group pass', async () => {
    expect(await run('ZT-MONITORING-005', [metric({ actions: [{ actionGroupId: group }] })])).toEqual([]);
    expect(await run('ZT-MONITORING-005', [query({ actions: { actionGroups: [group] } })])).toEqual([]);
  });
  test('alerts without actions, or disabled, fail', async () => {
    expect(await run('ZT-MONITORING-005', [metric({})])).toHaveLength(1);
    expect(await run('ZT-MONITORING-005', [query({ actions: { actionGroups: [] } })])).toHaveLength(1);
    const off = await run('ZT-MONITORING-005', [metric({ actions: [{ actionGroupId: group }], enabled: false })]);
    expect(off.map((x) => x.message)).toEqual([expect.stringContaining('property enabled')]);
  });
  test('actions unknown at preview are not a violation', async () => {
    expect(await run('ZT-MONITORING-005', [metric({ actions: PULUMI_UNKNOWN })])).toEqual([]);
    expect(await run('ZT-MONITORING-005', [query({ actions: PULUMI_UNKNOWN })])).toEqual([]);
  });
  test('activity-log alerts: actions.actionGroups[] with an id pass; none fails', async () => {
    const activity = (actions: unknown) =>
      resource('azure-native:insights:ActivityLogAlert', 'admin', {
        activityLogAlertName: 'admin-ops',
        scopes: ['/subscriptions/s'],
        enabled: true,
        actions,
      });
    expect(await run('ZT-MONITORING-005', [activity({ actionGroups: [{ actionGroupId: group }] })])).toEqual([]);
    expect(await run('ZT-MONITORING-005', [activity({ actionGroups: [] })])).toHaveLength(1);
    expect(await run('ZT-MONITORING-005', [activity(PULUMI_UNKNOWN)])).toEqual([]);
  });
});
