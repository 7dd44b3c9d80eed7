import { PULUMI_UNKNOWN } from '../../../policies/integrations/pulumi';
import type { PulumiResource } from '../../../policies/integrations/pulumi';
import { resource, run } from './harness';

/**
 * azure-native API Management: the instance (ZT-INFERENCE-005 WAF / internal mode, -006 logging,
 * -007 TLS, ZT-MONITORING-004 alerts) and its APIs' effective policy chain through ApiPolicy,
 * ProductApi / ProductPolicy and the global Policy (ZT-INFERENCE-002, -003, -004, -010).
 */
const T = 'azure-native:apimanagement:';
const deps = (map: Record<string, { urn: string }>) => ({
  propertyDependencies: Object.fromEntries(Object.entries(map).map(([k, v]) => [k, [{ urn: v.urn }]])),
});
const SECURITY = 'Microsoft.WindowsAzure.ApiManagement.Gateway.Security.';

const service = (props: Record<string, unknown> = {}) =>
  resource(`${T}ApiManagementService`, 'gateway', {
    serviceName: 'apim-platform',
    sku: { name: 'Premium', capacity: 1 },
    publisherEmail: 'platform@example.com',
    publisherName: 'Platform',
    virtualNetworkType: 'Internal',
    customProperties: { [`${SECURITY}Protocols.Tls10`]: 'false', [`${SECURITY}Ciphers.TripleDes168`]: 'false' },
    ...props,
  });
const oai = resource('azure-native:cognitiveservices:Account', 'oai', { accountName: 'oai', kind: 'OpenAI' });
const api = (svc: PulumiResource, props: Record<string, unknown> = {}) =>
  resource(
    `${T}Api`,
    'chat',
    {
      serviceName: 'apim-platform',
      apiId: 'chat',
      path: 'chat',
      protocols: ['https'],
      serviceUrl: PULUMI_UNKNOWN,
      ...props,
    },
    deps({ serviceName: svc, serviceUrl: oai }),
  );
const INBOUND = [
  '<validate-azure-ad-token tenant-id="t"><client-application-ids><application-id>a</application-id></client-application-ids></validate-azure-ad-token>',
  '<rate-limit-by-key calls="60" renewal-period="60" counter-key="@(context.Subscription.Id)" />',
  '<quota-by-key calls="10000" renewal-period="86400" counter-key="@(context.Subscription.Id)" />',
  '<azure-openai-token-limit tokens-per-minute="20000" counter-key="@(context.Subscription.Id)" estimate-prompt-tokens="true" />',
  '<azure-openai-emit-token-metric namespace="llm"><dimension name="API ID" /><dimension name="Subscription ID" /></azure-openai-emit-token-metric>',
  '<validate-content unspecified-content-type-action="prevent" max-size="102400" size-exceeded-action="prevent" />',
  '<set-body>@{ var b = context.Request.Body.As&lt;JObject&gt;(); b.Remove("logprobs"); b.Remove("top_logprobs"); return b.ToString(); }</set-body>',
];
const xml = (inbound: string[]) =>
  `<policies><inbound>${inbound.join('')}</inbound><backend><base /></backend><outbound><base /></outbound></policies>`;
const apiPolicy = (a: PulumiResource, svc: PulumiResource, value: unknown, format?: string) =>
  resource(
    `${T}ApiPolicy`,
    'chat-policy',
    { serviceName: 'apim-platform', apiId: 'chat', policyId: 'policy', value, ...(format ? { format } : {}) },
    deps({ serviceName: svc, apiId: a }),
  );

describe('the effective policy of an azure-native API', () => {
  const svc = service();
  const a = api(svc);
  const RULES = ['ZT-INFERENCE-002', 'ZT-INFERENCE-003', 'ZT-INFERENCE-004', 'ZT-INFERENCE-010'];
  test.each(RULES)('%s: an API policy applying every requirement passes', async (id) => {
    expect(await run(id, [svc, oai, a, apiPolicy(a, svc, xml(INBOUND))])).toEqual([]);
  });
  test.each([
    ['ZT-INFERENCE-002', 'validate-azure-ad-token', /token validation/],
    ['ZT-INFERENCE-003', 'azure-openai-token-limit', /token limit/],
    ['ZT-INFERENCE-004', 'validate-content', /request body validation/],
    ['ZT-INFERENCE-010', 'set-body', /logprobs/],
  ])('%s: without <%s> the API fails', async (id, element, message) => {
    const v = await run(id, [svc, oai, a, apiPolicy(a, svc, xml(INBOUND.filter((e) => !e.startsWith(`<${element}`))))]);
    expect(v).toEqual([{ message: expect.stringMatching(message), urn: a.urn }]);
  });
  test('<base/> inherits from the product the API belongs to, then from the global policy', async () => {
    const product = resource(
      `${T}Product`,
      'llm',
      { serviceName: 'apim-platform', productId: 'llm' },
      deps({ serviceName: svc }),
    );
    const link = resource(
      `${T}ProductApi`,
      'llm-chat',
      { serviceName: 'apim-platform', productId: 'llm', apiId: 'chat' },
      deps({ productId: product, apiId: a }),
    );
    const productPolicy = (inbound: string[]) =>
      resource(
        `${T}ProductPolicy`,
        'llm-policy',
        { serviceName: 'apim-platform', productId: 'llm', value: xml(inbound), format: 'rawxml' },
        deps({ productId: product }),
      );
    const global = (inbound: string[]) =>
      resource(
        `${T}Policy`,
        'global',
        { serviceName: 'apim-platform', policyId: 'policy', value: xml(inbound) },
        deps({ serviceName: svc }),
      );
    const own = apiPolicy(a, svc, xml(['<base />']));
    const stack = [svc, oai, a, own, product, link];
    expect(await run('ZT-INFERENCE-002', [...stack, productPolicy(['<base />']), global([INBOUND[0]])])).toEqual([]);
    expect(await run('ZT-INFERENCE-002', [...stack, productPolicy([INBOUND[0]])])).toEqual([]);
    const v = await run('ZT-INFERENCE-002', [...stack, productPolicy(['<base />']), global(['<cors />'])]);
    expect(v).toEqual([{ message: expect.stringMatching(/global\.xml_content/), urn: a.urn }]);
  });
  test('children naming the instance and the API by literal name (no dependency recorded) still form the chain', async () => {
    const literal = (r: PulumiResource) => ({ ...r, propertyDependencies: {} });
    const global = (inbound: string[]) =>
      resource(`${T}Policy`, 'global', { serviceName: 'apim-platform', policyId: 'policy', value: xml(inbound) });
    const chain = [svc, literal(a), literal(apiPolicy(a, svc, xml(['<base />'])))];
    expect(await run('ZT-INFERENCE-002', [...chain, global([INBOUND[0]])])).toEqual([]);
    expect(await run('ZT-INFERENCE-002', [...chain, global(['<cors />'])])).toEqual([
      { message: expect.stringMatching(/global\.xml_content: inbound lacks token validation/), urn: a.urn },
    ]);
  });
  test('a policy fetched from a link, or a value unknown at preview, is not a violation', async () => {
    for (const p of [
      apiPolicy(a, svc, 'https://example.com/policy.xml', 'rawxml-link'),
      apiPolicy(a, svc, PULUMI_UNKNOWN),
    ])
      expect(await run('ZT-INFERENCE-002', [svc, oai, a, p])).toEqual([]);
  });
});

describe('the azure-native API Management instance', () => {
  test('ZT-INFERENCE-005: Internal mode passes; External without a WAF fails', async () => {
    expect(await run('ZT-INFERENCE-005', [service()])).toEqual([]);
    const ext = service({ virtualNetworkType: 'External' });
    expect(await run('ZT-INFERENCE-005', [ext])).toEqual([
      { message: expect.stringMatching(/virtual_network_type is External/), urn: ext.urn },
    ]);
    expect(
      await run('ZT-INFERENCE-005', [service({ virtualNetworkType: 'External', publicNetworkAccess: 'Disabled' })]),
    ).toEqual([]);
  });
  test('ZT-INFERENCE-005: an External instance fronted by a WAF_v2 Application Gateway passes', async () => {
    const ext = service({ virtualNetworkType: 'External' });
    const gateway = (tier: string, fqdn: unknown = PULUMI_UNKNOWN) =>
      resource(
        'azure-native:network:ApplicationGateway',
        'agw',
        {
          applicationGatewayName: 'agw-platform',
          sku: { name: tier, tier, capacity: 2 },
          firewallPolicy: {
            id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies/waf',
          },
          backendAddressPools: [{ name: 'apim', backendAddresses: [{ fqdn }] }],
        },
        deps({ backendAddressPools: ext }),
      );
    expect(await run('ZT-INFERENCE-005', [ext, gateway('WAF_v2')])).toEqual([]);
    expect(await run('ZT-INFERENCE-005', [ext, gateway('WAF_v2', 'apim-platform.azure-api.net')])).toEqual([]);
    expect(await run('ZT-INFERENCE-005', [ext, gateway('Standard_v2')])).toEqual([
      { message: expect.stringMatching(/agw fronts it without a WAF/), urn: ext.urn },
    ]);
  });
  test('ZT-INFERENCE-007: customProperties turning TLS 1.0, backend SSL 3.0 or a CBC cipher on fail, each by its azurerm name', async () => {
    expect(await run('ZT-INFERENCE-007', [service()])).toEqual([]);
    const weak = service({
      customProperties: {
        [`${SECURITY}Protocols.Tls10`]: 'True',
        [`${SECURITY}Backend.Protocols.Ssl30`]: 'true',
        [`${SECURITY}Ciphers.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA`]: 'true',
        'Microsoft.WindowsAzure.ApiManagement.Gateway.Protocols.Server.Http2': 'true',
      },
    });
    const v = await run('ZT-INFERENCE-007', [weak]);
    expect(v.map((x) => /property security\.(\S+)\)$/.exec(x.message)?.[1]).sort()).toEqual([
      'backend_ssl30_enabled',
      'frontend_tls10_enabled',
      'tls_ecdhe_rsa_with_aes128_cbc_sha_ciphers_enabled',
    ]);
    expect(await run('ZT-INFERENCE-007', [service({ customProperties: PULUMI_UNKNOWN })])).toEqual([]);
  });
  const logger = (svc: PulumiResource) =>
    resource(
      `${T}Logger`,
      'appi',
      { serviceName: 'apim-platform', loggerId: 'appi', loggerType: 'applicationInsights' },
      deps({ serviceName: svc }),
    );
  const diagnostic = (svc: PulumiResource, l: PulumiResource, percentage: number) =>
    resource(
      `${T}Diagnostic`,
      'applicationinsights',
      {
        serviceName: 'apim-platform',
        diagnosticId: 'applicationinsights',
        loggerId: PULUMI_UNKNOWN,
        sampling: { samplingType: 'fixed', percentage },
      },
      deps({ serviceName: svc, loggerId: l }),
    );
  test('ZT-INFERENCE-006: an unsampled APIM diagnostic, or GatewayLogs to a workspace, pass; sampling or nothing fails', async () => {
    const svc = service();
    const l = logger(svc);
    expect(await run('ZT-INFERENCE-006', [svc, l, diagnostic(svc, l, 100)])).toEqual([]);
    const setting = resource(
      'azure-native:insights:DiagnosticSetting',
      'apim-diag',
      {
        resourceUri: PULUMI_UNKNOWN,
        workspaceId: '/subscriptions/s/w',
        logs: [{ category: 'GatewayLogs', enabled: true }],
      },
      deps({ resourceUri: svc }),
    );
    expect(await run('ZT-INFERENCE-006', [svc, setting])).toEqual([]);
    expect(await run('ZT-INFERENCE-006', [svc, l, diagnostic(svc, l, 25)])).toEqual([
      { message: expect.stringMatching(/sampling_percentage is 25/), urn: svc.urn },
    ]);
    expect(await run('ZT-INFERENCE-006', [svc])).toHaveLength(1);
  });
  test('ZT-INFERENCE-011: diagnostics (service and API) logging no body pass; body bytes fail; unknown bytes are not violations', async () => {
    const svc = service();
    const l = logger(svc);
    const a = api(svc);
    const withBodies = (type: string, name: string, frontend: unknown, backend: unknown, extra = {}) =>
      resource(
        `${T}${type}`,
        name,
        {
          serviceName: 'apim-platform',
          diagnosticId: 'applicationinsights',
          loggerId: PULUMI_UNKNOWN,
          frontend,
          backend,
          ...extra,
        },
        deps({ serviceName: svc, loggerId: l }),
      );
    const headersOnly = { request: { headers: ['x-request-id'], body: { bytes: 0 } }, response: { headers: [] } };
    const clean = withBodies('Diagnostic', 'clean', headersOnly, headersOnly);
    expect(await run('ZT-INFERENCE-011', [svc, l, clean])).toEqual([]);
    const prompts = withBodies('Diagnostic', 'prompts', { request: { body: { bytes: 8192 } } }, undefined);
    expect(await run('ZT-INFERENCE-011', [svc, l, prompts])).toEqual([
      { message: expect.stringMatching(/frontend_request.body_bytes is 8192/), urn: prompts.urn },
    ]);
    const completions = withBodies(
      'ApiDiagnostic',
      'completions',
      undefined,
      { response: { body: { bytes: 1024 } } },
      {
        apiId: 'chat',
      },
    );
    expect(await run('ZT-INFERENCE-011', [svc, l, oai, a, completions])).toEqual([
      { message: expect.stringMatching(/backend_response.body_bytes is 1024/), urn: completions.urn },
    ]);
    const pending = withBodies('Diagnostic', 'pending', PULUMI_UNKNOWN, {
      response: { body: { bytes: PULUMI_UNKNOWN } },
    });
    expect(await run('ZT-INFERENCE-011', [svc, l, pending])).toEqual([]);
  });
  test('ZT-INFERENCE-013: an external Redis cache reached with ssl=True passes; without it fails; unknown is not a violation', async () => {
    const svc = service();
    const cache = (name: string, connectionString: unknown) =>
      resource(
        `${T}Cache`,
        name,
        { serviceName: 'apim-platform', cacheId: name, useFromLocation: 'westeurope', connectionString },
        deps({ serviceName: svc }),
      );
    const HOST = 'llm-cache.redis.cache.windows.net';
    const tls = cache('tls', `${HOST}:6380,password=p,ssl=True,abortConnect=False`);
    expect(await run('ZT-INFERENCE-013', [svc, tls])).toEqual([]);
    const plain = cache('plain', `${HOST}:6379,password=p,ssl=False`);
    expect(await run('ZT-INFERENCE-013', [svc, plain])).toEqual([
      { message: expect.stringMatching(/connection_string sets ssl to something other than True/), urn: plain.urn },
    ]);
    expect(await run('ZT-INFERENCE-013', [svc, cache('pending', PULUMI_UNKNOWN)])).toEqual([]);
  });
  test('ZT-MONITORING-004: a metric alert scoped to the instance passes; none fails', async () => {
    const svc = service();
    const alert = resource(
      'azure-native:insights:MetricAlert',
      'apim-401',
      {
        ruleName: 'apim-401',
        scopes: [PULUMI_UNKNOWN],
        severity: 2,
        enabled: true,
        evaluationFrequency: 'PT1M',
        windowSize: 'PT5M',
      },
      deps({ scopes: svc }),
    );
    expect(await run('ZT-MONITORING-004', [svc, alert])).toEqual([]);
    expect(await run('ZT-MONITORING-004', [svc])).toEqual([
      { message: expect.stringMatching(/no azurerm_monitor_metric_alert/), urn: svc.urn },
    ]);
  });
});
