import { TerraformStack } from 'cdktf';
import { BlueprintConfigError } from '../../lib/core/errors';
import { requireInputFilter, validateCallerLimits } from '../../lib/core/inference-limits';
import { LlmGuardrails, resolveGuardrailsProps } from '../../lib/azure/guardrails';
import { LlmInference, LlmInferenceProps, resolveInferenceProps } from '../../lib/azure/inference';
import { scratchApp } from './synth';

const TENANT = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
const CLIENT = '12345678-90ab-cdef-1234-567890abcdef';
const BASE: LlmInferenceProps = {
  tenantId: TENANT,
  apiClientId: CLIENT,
  network: {
    virtualNetworkId: 'vnet-id',
    privateEndpointSubnetId: 'pe-subnet-id',
    apiManagementSubnetId: 'apim-subnet-id',
    apiManagementSubnetCidr: '10.20.2.0/24',
    apiManagementNsg: { name: 'nsg', resourceGroupName: 'rg' },
    clientCidrs: ['10.20.1.0/24'],
    privateDnsZoneIds: { openai: 'z1', cognitiveServices: 'z2' },
  },
  encryption: { keyVaultId: 'kv-id', keyVaultName: 'kv' },
  logAnalyticsWorkspaceId: 'log-id',
};

/** Expects a BlueprintConfigError naming `prop`. */
function rejects(fn: () => unknown, prop: string): void {
  expect(fn).toThrow(expect.objectContaining({ name: BlueprintConfigError.name, prop }));
}
const resolve = (over: Partial<LlmInferenceProps>) => resolveInferenceProps({ ...BASE, ...over }, 'p');

describe('caller limits (lib/core, shared by both clouds)', () => {
  const ok = { rate: 60, ratePeriodSeconds: 60, quota: 5000, quotaPeriodSeconds: 86400 };

  it('accepts a quota at least the rate', () => {
    expect(validateCallerLimits('X', ok)).toEqual(ok);
    expect(validateCallerLimits('X', { ...ok, quota: 60 }).quota).toBe(60);
  });

  it('rejects a quota below the rate, naming the quota', () => {
    rejects(() => validateCallerLimits('X', { ...ok, quota: 59 }), 'X.quota');
    expect(() => validateCallerLimits('X', { ...ok, quota: 10 })).toThrow(/at least the rate \(60 calls per 60 s\)/);
  });

  it('rejects a quota window shorter than the rate window', () => {
    rejects(() => validateCallerLimits('X', { ...ok, quotaPeriodSeconds: 30 }), 'X.quotaPeriodSeconds');
  });

  it.each([0, -1, 1.5])('rejects a rate of %p', (rate) => {
    rejects(() => validateCallerLimits('X', { ...ok, rate }), 'X.rate');
  });

  it('a guardrail needs at least one input filter', () => {
    expect(() => requireInputFilter('G.inputs', ['Jailbreak'])).not.toThrow();
    rejects(() => requireInputFilter('G.inputs', []), 'G.inputs');
  });
});

describe('LlmInference props', () => {
  it('defaults to the documented serving path', () => {
    const r = resolve({});
    expect(r).toMatchObject({
      kind: 'OpenAI',
      model: { name: 'gpt-4o-mini', version: '2024-07-18' },
      deploymentSku: 'DataZoneStandard',
      capacity: 10,
      callerLimits: { rate: 60, ratePeriodSeconds: 60, quota: 5000, quotaPeriodSeconds: 86400 },
      tokensPerMinute: 5000,
      maxRequestBytes: 65536,
      allowLogprobs: false,
      requiredRole: 'Inference.Invoke',
      apiClientId: CLIENT,
      audience: `api://${CLIENT}`,
      gatewaySku: 'Developer_1',
    });
    expect(r.names.account).toMatch(/^oai-ztai-dev-[0-9a-f]{6}$/);
  });

  it('rejects a call quota below the call rate, naming LlmInference.callerLimits.quota', () => {
    rejects(() => resolve({ callerLimits: { rate: 100, quota: 50 } }), 'LlmInference.callerLimits.quota');
  });

  it('rejects a rate window APIM cannot renew (over 300 s)', () => {
    rejects(
      () => resolve({ callerLimits: { ratePeriodSeconds: 600, quotaPeriodSeconds: 86400 } }),
      'LlmInference.callerLimits.ratePeriodSeconds',
    );
  });

  it('rejects a per-caller token rate above the deployment capacity', () => {
    rejects(() => resolve({ capacity: 2, tokensPerMinute: 2001 }), 'LlmInference.tokensPerMinute');
    expect(resolve({ capacity: 2, tokensPerMinute: 2000 }).tokensPerMinute).toBe(2000);
  });

  it.each(['Standard_1', 'Consumption_0', 'BasicV2_1', 'Premium_0'])(
    'rejects the gateway SKU %s (no Internal VNet mode)',
    (gatewaySku) => rejects(() => resolve({ gatewaySku }), 'LlmInference.gatewaySku'),
  );

  it('accepts Premium units for production', () => {
    expect(resolve({ gatewaySku: 'Premium_2' }).gatewaySku).toBe('Premium_2');
  });

  it.each([
    [{ maxRequestBytes: 200_000 }, 'LlmInference.maxRequestBytes'],
    [{ tenantId: 'not-a-guid' }, 'LlmInference.tenantId'],
    [{ kind: 'Face' as never }, 'LlmInference.kind'],
    [{ deploymentSku: 'Cheap' }, 'LlmInference.deploymentSku'],
    [{ model: { name: 'gpt 4', version: '1' } }, 'LlmInference.model.name'],
    [{ publisherEmail: 'nobody' }, 'LlmInference.publisherEmail'],
    [{ audience: 'my-api' }, 'LlmInference.audience'],
    [{ audience: CLIENT }, 'LlmInference.audience'],
    [{ requiredRole: 'has space' }, 'LlmInference.requiredRole'],
    [{ network: { ...BASE.network, clientCidrs: [] } }, 'LlmInference.network.clientCidrs'],
    [{ network: undefined }, 'LlmInference.network'],
    [{ encryption: undefined }, 'LlmInference.encryption'],
    [{ network: { ...BASE.network, clientCidrs: ['10.0.0.0/33'] } }, 'LlmInference.network.clientCidrs[0]'],
  ])('rejects %j naming %s', (over, prop) => rejects(() => resolve(over as Partial<LlmInferenceProps>), prop));

  it('fails at construction, before synthesis', () => {
    const stack = new TerraformStack(scratchApp(), 's');
    rejects(
      () => new LlmInference(stack, 'inference', { ...BASE, callerLimits: { rate: 10, quota: 1 } }),
      'LlmInference.callerLimits.quota',
    );
  });
});

describe('Entra ID app registration of the API (created outside the stack)', () => {
  const without = (prop: 'tenantId' | 'apiClientId') => {
    const p: Partial<LlmInferenceProps> = { ...BASE };
    delete p[prop];
    return p as LlmInferenceProps;
  };

  it.each(['tenantId', 'apiClientId'] as const)('a missing %s fails at construction, naming it', (prop) => {
    const stack = new TerraformStack(scratchApp(), 's');
    rejects(() => new LlmInference(stack, 'inference', without(prop)), `LlmInference.${prop}`);
  });

  it('says what the client ID is and where it comes from', () => {
    expect(() => resolveInferenceProps(without('apiClientId'), 'p')).toThrow(
      /Invalid LlmInference\.apiClientId: expected the Application \(client\) ID, a GUID, of the API's Entra ID app registration/,
    );
  });

  it.each([
    ['apiClientId', 'api://ztai-dev-inference'],
    ['apiClientId', '12345678-90ab-cdef-1234-567890abcde'],
    ['apiClientId', ''],
    ['tenantId', 'contoso.onmicrosoft.com'],
    ['tenantId', ''],
  ] as const)('rejects %s %j (not a GUID), naming it', (prop, value) => {
    expect(() => resolve({ [prop]: value })).toThrow(`Invalid LlmInference.${prop}: expected`);
    rejects(() => resolve({ [prop]: value }), `LlmInference.${prop}`);
  });

  it('accepts both audiences the registration issues tokens for', () => {
    expect(resolve({ audience: 'api://ztai-inference' })).toMatchObject({
      apiClientId: CLIENT,
      audience: 'api://ztai-inference',
    });
  });
});

describe('LlmGuardrails props', () => {
  const ACC = '/subscriptions/x/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/a';

  it('rejects a policy without any input filter, naming LlmGuardrails.promptCategories', () => {
    rejects(
      () =>
        resolveGuardrailsProps(
          { cognitiveAccountId: ACC, jailbreakShield: false, indirectAttackShield: false, promptCategories: [] },
          'ztai',
          'dev',
        ),
      'LlmGuardrails.promptCategories',
    );
  });

  it('accepts a policy whose only input filter is the jailbreak shield', () => {
    const r = resolveGuardrailsProps(
      { cognitiveAccountId: ACC, indirectAttackShield: false, promptCategories: [], protectedMaterial: false },
      'ztai',
      'dev',
    );
    expect(r.filters.filter((f) => f.source === 'Prompt').map((f) => f.name)).toEqual(['Jailbreak']);
  });

  it.each([
    [{ severityThreshold: 'Extreme' }, 'LlmGuardrails.severityThreshold'],
    [{ promptCategories: ['Hate', 'Spam'] }, 'LlmGuardrails.promptCategories[1]'],
    [{ completionCategories: ['Gore'] }, 'LlmGuardrails.completionCategories[0]'],
    [{ name: 'Bad Name' }, 'LlmGuardrails.name'],
    [{ cognitiveAccountId: '' }, 'LlmGuardrails.cognitiveAccountId'],
  ])('rejects %j naming %s', (over, prop) => {
    rejects(() => resolveGuardrailsProps({ cognitiveAccountId: ACC, ...over } as never, 'ztai', 'dev'), prop);
  });

  it('the construct rejects the same input', () => {
    const stack = new TerraformStack(scratchApp(), 'g');
    rejects(
      () =>
        new LlmGuardrails(stack, 'g', {
          cognitiveAccountId: ACC,
          jailbreakShield: false,
          indirectAttackShield: false,
          promptCategories: [],
        }),
      'LlmGuardrails.promptCategories',
    );
  });
});
