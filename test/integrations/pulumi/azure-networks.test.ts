import { PULUMI_UNKNOWN } from '../../../policies/integrations/pulumi';
import { resource, run } from './harness';

/** ZT-NETWORK-008 on azure-native:network:Subnet (defaultOutboundAccess, on by default in ARM as in azurerm). */
const subnet = (props: Record<string, unknown>) =>
  resource('azure-native:network:Subnet', 'sn', {
    subnetName: 'training',
    virtualNetworkName: 'vnet',
    resourceGroupName: 'rg',
    addressPrefix: '10.20.1.0/24',
    ...props,
  });

describe('ZT-NETWORK-008 on azure-native:network:Subnet', () => {
  test('default outbound access off passes; left at the default fails', async () => {
    expect(await run('ZT-NETWORK-008', [subnet({ defaultOutboundAccess: false })])).toEqual([]);
    expect(await run('ZT-NETWORK-008', [subnet({})])).toHaveLength(1);
  });
  test('unknown at preview is not a violation', async () => {
    expect(await run('ZT-NETWORK-008', [subnet({ defaultOutboundAccess: PULUMI_UNKNOWN })])).toEqual([]);
  });
});

/** Virtual networks: inline subnets (ZT-NETWORK-008) and VNet flow logs linked by targetResourceId (ZT-NETWORK-004). */
describe('azure-native:network:VirtualNetwork and :FlowLog', () => {
  const vnet = (subnets: Record<string, unknown>[]) =>
    resource('azure-native:network:VirtualNetwork', 'vnet', {
      virtualNetworkName: 'vnet',
      resourceGroupName: 'rg',
      addressSpace: { addressPrefixes: ['10.20.0.0/16'] },
      subnets,
    });
  const flowLog = (target: ReturnType<typeof vnet>, enabled: unknown) =>
    resource(
      'azure-native:network:FlowLog',
      'fl',
      {
        networkWatcherName: 'nw',
        resourceGroupName: 'NetworkWatcherRG',
        targetResourceId: PULUMI_UNKNOWN,
        storageId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/logs',
        enabled,
      },
      { propertyDependencies: { targetResourceId: [{ urn: target.urn }] } },
    );
  test('an inline subnet keeping default outbound access fails ZT-NETWORK-008', async () => {
    const closed = vnet([{ name: 'a', addressPrefix: '10.20.1.0/24', defaultOutboundAccess: false }]);
    expect(await run('ZT-NETWORK-008', [closed])).toEqual([]);
    const open = vnet([{ name: 'a', properties: { addressPrefix: '10.20.1.0/24' } }]);
    expect(await run('ZT-NETWORK-008', [open])).toHaveLength(1);
  });
  test('a VNet with an enabled flow log passes ZT-NETWORK-004; without one, or disabled, it fails', async () => {
    const v = vnet([]);
    expect(await run('ZT-NETWORK-004', [v, flowLog(v, true)])).toEqual([]);
    expect(await run('ZT-NETWORK-004', [v])).toHaveLength(1);
    expect(await run('ZT-NETWORK-004', [v, flowLog(v, false)])).toHaveLength(1);
  });
});

/** ZT-INFERENCE-012 on azure-native:network:WebApplicationFirewallPolicy: a current core rule set, Prevention, Log4j on. */
describe('ZT-INFERENCE-012 on azure-native WAF policies', () => {
  const policy = (sets: unknown, settings: Record<string, unknown> = { state: 'Enabled', mode: 'Prevention' }) =>
    resource('azure-native:network:WebApplicationFirewallPolicy', 'waf', {
      policyName: 'waf-inference',
      resourceGroupName: 'rg',
      policySettings: settings,
      managedRules: { managedRuleSets: sets },
    });
  test('OWASP 3.2 in Prevention passes; Detection mode fails', async () => {
    const owasp = [{ ruleSetType: 'OWASP', ruleSetVersion: '3.2' }];
    expect(await run('ZT-INFERENCE-012', [policy(owasp)])).toEqual([]);
    expect(await run('ZT-INFERENCE-012', [policy(owasp, { state: 'Enabled', mode: 'Detection' })])).toHaveLength(1);
  });
  test('an old rule set, or the Log4j rule turned off, fails', async () => {
    expect(await run('ZT-INFERENCE-012', [policy([{ ruleSetType: 'OWASP', ruleSetVersion: '3.0' }])])).toHaveLength(1);
    const log4jOff = [
      {
        ruleSetType: 'OWASP',
        ruleSetVersion: '3.2',
        ruleGroupOverrides: [
          { ruleGroupName: 'REQUEST-944-APPLICATION-ATTACK-JAVA', rules: [{ ruleId: '944240', state: 'Disabled' }] },
        ],
      },
    ];
    expect(await run('ZT-INFERENCE-012', [policy(log4jOff)])).toHaveLength(1);
  });
  test('managed rules unknown at preview are not a violation', async () => {
    expect(await run('ZT-INFERENCE-012', [policy(PULUMI_UNKNOWN)])).toEqual([]);
  });
});
