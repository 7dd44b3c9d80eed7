import { PULUMI_UNKNOWN } from '../../../policies/integrations/pulumi';
import { resource, run } from './harness';

/**
 * azure-native Azure OpenAI accounts, deployments and RAI policies, judged by the azurerm checks
 * (ZT-INFERENCE-001, -008, -009) through the stack policies, with the private endpoint and the RAI
 * policy matched through propertyDependencies.
 */
const ACCOUNT = 'azure-native:cognitiveservices:Account';
const KEY = { keyName: 'openai-cmk', keyVaultUri: 'https://kv-platform.vault.azure.net/' };
const lockedDown = {
  accountName: 'oai-platform',
  kind: 'OpenAI',
  sku: { name: 'S0' },
  properties: {
    customSubDomainName: 'oai-platform',
    publicNetworkAccess: 'Disabled',
    disableLocalAuth: true,
    networkAcls: { defaultAction: 'Deny' },
    encryption: { keySource: 'Microsoft.KeyVault', keyVaultProperties: KEY },
  },
};
const account = (properties: Record<string, unknown> = {}) =>
  resource(ACCOUNT, 'oai', { ...lockedDown, properties: { ...lockedDown.properties, ...properties } });

/** privateLinkServiceId is account.id: known after creation, unknown at preview, a dependency either way. */
const endpointTo = (target: { urn: string }, id: unknown = PULUMI_UNKNOWN) =>
  resource(
    'azure-native:network:PrivateEndpoint',
    'oai-pe',
    {
      privateEndpointName: 'pe-oai',
      subnet: { id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/pe' },
      privateLinkServiceConnections: [{ name: 'oai', privateLinkServiceId: id, groupIds: ['account'] }],
    },
    { propertyDependencies: { privateLinkServiceConnections: [{ urn: target.urn }] } },
  );

describe('ZT-INFERENCE-001 on azure-native:cognitiveservices:Account', () => {
  test('public access off, ACL deny and a private endpoint to it pass', async () => {
    const a = account();
    expect(await run('ZT-INFERENCE-001', [a, endpointTo(a)])).toEqual([]);
  });
  test('the endpoint also matches when its id is known (pulumi up) and when pasted as the account id', async () => {
    const id = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/oai-platform';
    const a = account();
    expect(await run('ZT-INFERENCE-001', [a, endpointTo(a, id)])).toEqual([]);
    const withId = { ...a, props: { ...a.props, id } };
    const pasted = { ...endpointTo(a, id), propertyDependencies: {} };
    expect(await run('ZT-INFERENCE-001', [withId, pasted])).toEqual([]);
  });
  test('public network access enabled and an Allow ACL fail, each on its property', async () => {
    const a = account({ publicNetworkAccess: 'Enabled', networkAcls: { defaultAction: 'Allow' } });
    const v = await run('ZT-INFERENCE-001', [a, endpointTo(a)]);
    expect(v.map((x) => x.message)).toEqual([
      expect.stringMatching(/property public_network_access_enabled/),
      expect.stringMatching(/property network_acls\.default_action/),
    ]);
    expect(v.every((x) => x.urn === a.urn)).toBe(true);
  });
  test('no private endpoint, or one to another resource, fails on the account', async () => {
    const a = account();
    const other = resource('azure-native:storage:StorageAccount', 'lake', { kind: 'StorageV2' });
    for (const stack of [[a], [a, other, endpointTo(other)]]) {
      const v = await run('ZT-INFERENCE-001', stack);
      expect(v).toEqual([{ message: expect.stringMatching(/no azurerm_private_endpoint connects/), urn: a.urn }]);
    }
  });
  test('a public network access unknown at preview is not a violation', async () => {
    const a = account({ publicNetworkAccess: PULUMI_UNKNOWN });
    expect(await run('ZT-INFERENCE-001', [a, endpointTo(a)])).toEqual([]);
  });
});

describe('ZT-INFERENCE-008 customer-managed key on the account', () => {
  test('a Key Vault key passes', async () => {
    expect(await run('ZT-INFERENCE-008', [account()])).toEqual([]);
  });
  test('Microsoft-managed keys (no encryption, or keySource Microsoft.CognitiveServices) fail', async () => {
    for (const encryption of [undefined, { keySource: 'Microsoft.CognitiveServices' }]) {
      const v = await run('ZT-INFERENCE-008', [account({ encryption })]);
      expect(v.map((x) => x.message)).toEqual([expect.stringMatching(/property customer_managed_key/)]);
    }
  });
  test('a key source unknown at preview is not a violation', async () => {
    expect(await run('ZT-INFERENCE-008', [account({ encryption: { keySource: PULUMI_UNKNOWN } })])).toEqual([]);
  });
});

describe('ZT-INFERENCE-009 deployments and RAI policies', () => {
  const blocking = (name: string, source: string) => ({ name, source, enabled: true, blocking: true });
  const FILTERS = [
    blocking('Jailbreak', 'Prompt'),
    blocking('Indirect Attack', 'Prompt'),
    ...['Hate', 'Sexual', 'Violence', 'SelfHarm'].flatMap((n) => [blocking(n, 'Prompt'), blocking(n, 'Completion')]),
  ];
  const a = account();
  const policy = (contentFilters: unknown, mode = 'Blocking') =>
    resource(
      'azure-native:cognitiveservices:RaiPolicy',
      'platform-rai',
      { accountName: 'oai-platform', raiPolicyName: 'platform-rai', properties: { mode, contentFilters } },
      { propertyDependencies: { accountName: [{ urn: a.urn }] } },
    );
  const deployment = (raiPolicyName: unknown, on?: { urn: string }) =>
    resource(
      'azure-native:cognitiveservices:Deployment',
      'gpt-4o',
      {
        accountName: 'oai-platform',
        deploymentName: 'gpt-4o',
        sku: { name: 'Standard', capacity: 10 },
        properties: { model: { format: 'OpenAI', name: 'gpt-4o', version: '2024-08-06' }, raiPolicyName },
      },
      { propertyDependencies: { accountName: [{ urn: a.urn }], ...(on ? { properties: [{ urn: on.urn }] } : {}) } },
    );

  test('a deployment naming the platform policy, which blocks every required filter, passes', async () => {
    const p = policy(FILTERS);
    expect(await run('ZT-INFERENCE-009', [a, p, deployment('platform-rai', p)])).toEqual([]);
  });
  test("the policy's name unknown at preview still names the policy it depends on", async () => {
    const p = policy(FILTERS);
    expect(await run('ZT-INFERENCE-009', [a, p, deployment(PULUMI_UNKNOWN, p)])).toEqual([]);
  });
  test('a deployment without a RAI policy, or on Microsoft.DefaultV2, fails on the deployment', async () => {
    for (const name of [undefined, 'Microsoft.DefaultV2']) {
      const d = deployment(name);
      const v = await run('ZT-INFERENCE-009', [a, d]);
      expect(v).toEqual([{ message: expect.stringMatching(/property rai_policy_name/), urn: d.urn }]);
    }
  });
  test('a policy missing the indirect-attack shield, or filtering asynchronously, fails on the policy', async () => {
    const weak = policy(FILTERS.filter((f) => f.name !== 'Indirect Attack'));
    const v = await run('ZT-INFERENCE-009', [a, weak, deployment('platform-rai', weak)]);
    expect(v).toEqual([{ message: expect.stringMatching(/Indirect Attack filter on Prompt/), urn: weak.urn }]);
    const async = policy(FILTERS, 'Asynchronous_filter');
    expect((await run('ZT-INFERENCE-009', [a, async])).map((x) => x.message)).toEqual([
      expect.stringMatching(/property mode/),
    ]);
  });
  test('content filters unknown at preview are not a violation', async () => {
    expect(await run('ZT-INFERENCE-009', [a, policy(PULUMI_UNKNOWN)])).toEqual([]);
  });
});
