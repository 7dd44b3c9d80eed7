import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { TerraformStack } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { buildLlmApiPolicy, LlmInference, LlmPolicyOptions } from '../../lib/azure/inference';
import { atPath, synthStack, TfJson } from './synth';

const TENANT = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
const CLIENT = '12345678-90ab-cdef-1234-567890abcdef';
const SUB = '/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-net/providers/Microsoft.Network';

type Node = Record<string, unknown> & { ':@'?: Record<string, string> };
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', preserveOrder: true });

const nameOf = (n: Node) => Object.keys(n).find((k) => k !== ':@') as string;
const kids = (n: Node) => n[nameOf(n)] as Node[];
const attrs = (n: Node) => n[':@'] ?? {};
/** Child elements (not text) of the section, in document order. */
function section(doc: Node[], name: string): Node[] {
  const policies = doc.find((n) => nameOf(n) === 'policies') as Node;
  return kids(kids(policies).find((n) => nameOf(n) === name) as Node).filter((n) => nameOf(n) !== '#text');
}
const find = (nodes: Node[], name: string) => nodes.find((n) => nameOf(n) === name) as Node;
/** Every descendant element with this name. */
function all(nodes: Node[], name: string): Node[] {
  return nodes.flatMap((n) => {
    const k = nameOf(n);
    if (k === '#text') return [];
    return [...(k === name ? [n] : []), ...all(kids(n), name)];
  });
}
const text = (n: Node) => (kids(n).find((c) => nameOf(c) === '#text') as Node)['#text'] as string;

let tf: TfJson;
let xml: string;
let inbound: Node[];

beforeAll(() => {
  tf = synthStack((app) => {
    const stack = new TerraformStack(app, 'inference-only');
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
    const network = {
      virtualNetworkId: `${SUB}/virtualNetworks/vnet`,
      privateEndpointSubnetId: `${SUB}/virtualNetworks/vnet/subnets/pe`,
      apiManagementSubnetId: `${SUB}/virtualNetworks/vnet/subnets/apim`,
      apiManagementSubnetCidr: '10.30.2.0/24',
      apiManagementNsg: { name: 'nsg-apim', resourceGroupName: 'rg-net' },
      clientCidrs: ['10.30.1.0/24', '192.168.0.0/24'],
      privateDnsZoneIds: { openai: `${SUB}/privateDnsZones/openai`, cognitiveServices: `${SUB}/privateDnsZones/cog` },
    };
    const encryption = { keyVaultId: `${SUB}/vaults/kv`, keyVaultName: 'kv-platform' };
    const logAnalyticsWorkspaceId = `${SUB}/workspaces/log`;
    // An AI Services variant in its own environment (names and NSG rule priorities stay apart).
    new LlmInference(stack, 'ai-services', {
      tenantId: TENANT,
      apiClientId: CLIENT,
      kind: 'AIServices',
      environment: 'test',
      network: { ...network, apiManagementNsg: { name: 'nsg-apim-test', resourceGroupName: 'rg-net' } },
      encryption,
      logAnalyticsWorkspaceId,
    });
    new LlmInference(stack, 'inference', {
      tenantId: TENANT,
      apiClientId: CLIENT,
      audience: 'https://inference.example.com',
      callerLimits: { rate: 20, quota: 1000 },
      tokensPerMinute: 8000,
      maxRequestBytes: 32_768,
      network,
      encryption,
      logAnalyticsWorkspaceId,
    });
    return stack;
  });
  xml = atPath(tf, 'inference-only/inference/llm-api-policy').body.xml_content;
  inbound = section(parser.parse(xml), 'inbound');
});

describe('API-level policy of the LLM API (synthesized, parsed back)', () => {
  it('is well-formed XML with every section inheriting <base />', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = parser.parse(xml);
    for (const s of ['inbound', 'backend', 'outbound', 'on-error']) expect(nameOf(section(doc, s)[0])).toBe('base');
  });

  it('authenticates first: an Entra ID token of the tenant, for the API audience, with the app role', () => {
    const order = inbound.map(nameOf);
    expect(order.slice(0, 2)).toEqual(['base', 'validate-azure-ad-token']);
    const v = find(inbound, 'validate-azure-ad-token');
    expect(attrs(v)).toMatchObject({ 'tenant-id': TENANT, 'failed-validation-httpcode': '401' });
    // The registration's client ID (v2 tokens) and its Application ID URI (v1 tokens).
    expect(all([v], 'audience').map(text)).toEqual([CLIENT, 'https://inference.example.com']);
    const claim = all([v], 'claim')[0];
    expect(attrs(claim)).toEqual({ name: 'roles', match: 'any' });
    expect(text(all([claim], 'value')[0])).toBe('Inference.Invoke');
  });

  it("meters each caller by the token's oid: calls, quota, then tokens per minute", () => {
    const key = '@((string)context.Variables["caller-id"])';
    expect(attrs(find(inbound, 'set-variable')).value).toContain('GetValueOrDefault("oid"');
    expect(attrs(find(inbound, 'rate-limit-by-key'))).toMatchObject({
      calls: '20',
      'renewal-period': '60',
      'counter-key': key,
    });
    expect(attrs(find(inbound, 'quota-by-key'))).toMatchObject({
      calls: '1000',
      'renewal-period': '86400',
      'counter-key': key,
    });
    expect(attrs(find(inbound, 'azure-openai-token-limit'))).toMatchObject({
      'counter-key': key,
      'tokens-per-minute': '8000',
      'estimate-prompt-tokens': 'true',
    });
  });

  it('emits the token counts as a metric per API, operation and caller, after the token limit', () => {
    const order = inbound.map(nameOf);
    expect(order.indexOf('azure-openai-emit-token-metric')).toBe(order.indexOf('azure-openai-token-limit') + 1);
    const metric = find(inbound, 'azure-openai-emit-token-metric');
    expect(attrs(metric)).toEqual({ namespace: 'ztai-dev-inference' });
    expect(all([metric], 'dimension').map(attrs)).toEqual([
      { name: 'API ID' },
      { name: 'Operation ID' },
      { name: 'Caller', value: '@((string)context.Variables["caller-id"])' },
    ]);
  });

  it('limits the request size and type, and requires a JSON object', () => {
    expect(attrs(find(inbound, 'validate-content'))).toMatchObject({
      'max-size': '32768',
      'size-exceeded-action': 'prevent',
      'unspecified-content-type-action': 'prevent',
    });
    const status = all(inbound, 'set-status').map((s) => attrs(s).code);
    expect(status).toEqual(['401', '400']);
  });

  it('strips logprobs and top_logprobs from requests and responses', () => {
    const bodies = all(section(parser.parse(xml), 'inbound'), 'set-body').map(text);
    expect(bodies.some((b) => b.includes('body.Remove("logprobs")') && b.includes('body.Remove("top_logprobs")'))).toBe(
      true,
    );
    const outbound = all(section(parser.parse(xml), 'outbound'), 'set-body').map(text);
    expect(outbound).toEqual([expect.stringContaining('c.Remove("logprobs")')]);
  });

  it("calls the backend with APIM's managed identity, never a caller's key, through the private backend", () => {
    const order = inbound.map(nameOf);
    expect(order.slice(-3)).toEqual(['set-header', 'authentication-managed-identity', 'set-backend-service']);
    expect(attrs(find(inbound, 'set-header'))).toEqual({ name: 'api-key', 'exists-action': 'delete' });
    expect(attrs(find(inbound, 'authentication-managed-identity'))).toEqual({
      resource: 'https://cognitiveservices.azure.com',
    });
    expect(attrs(find(inbound, 'set-backend-service'))).toEqual({ 'backend-id': 'azure-openai-private' });
    // Metering and validation run before the backend is chosen.
    expect(order.indexOf('quota-by-key')).toBeLessThan(order.indexOf('authentication-managed-identity'));
  });

  it('admits the configured client ranges to the gateway subnet', () => {
    expect(atPath(tf, 'inference-only/inference/nsg-allow-apim-callers-inbound').body.source_address_prefixes).toEqual([
      '10.30.1.0/24',
      '192.168.0.0/24',
    ]);
  });
});

describe('an AI Services account', () => {
  it('registers its endpoint in the cognitiveservices and openai zones and uses the llm-* token policies', () => {
    expect(atPath(tf, 'inference-only/ai-services/account').body.kind).toBe('AIServices');
    expect(
      atPath(tf, 'inference-only/ai-services/account-pe').body.private_dns_zone_group.private_dns_zone_ids,
    ).toEqual([`${SUB}/privateDnsZones/cog`, `${SUB}/privateDnsZones/openai`]);
    const names = section(
      parser.parse(atPath(tf, 'inference-only/ai-services/llm-api-policy').body.xml_content),
      'inbound',
    ).map(nameOf);
    expect(names).toEqual(expect.arrayContaining(['llm-token-limit', 'llm-emit-token-metric']));
  });

  it('uses the account encryption key from the given vault, outbound only to that vault', () => {
    const account = atPath(tf, 'inference-only/ai-services/account').body;
    expect(account.fqdns).toEqual(['kv-platform.vault.azure.net']);
    expect(atPath(tf, 'inference-only/ai-services/cmk').body.key_vault_id).toBe(`${SUB}/vaults/kv`);
  });
});

describe('policy variants from typed options', () => {
  const base: LlmPolicyOptions = {
    tenantId: TENANT,
    audiences: [CLIENT, 'api://x'],
    requiredRole: 'Inference.Invoke',
    callerLimits: { rate: 10, ratePeriodSeconds: 60, quota: 100, quotaPeriodSeconds: 3600 },
    tokensPerMinute: 1000,
    maxRequestBytes: 4096,
    allowLogprobs: false,
    backendId: 'b',
    kind: 'OpenAI',
    metricNamespace: 'ns',
  };

  it('keeps logprobs when the API owner allows them', () => {
    const doc = parser.parse(buildLlmApiPolicy({ ...base, allowLogprobs: true }));
    expect(all(section(doc, 'inbound'), 'set-body').map(text).join('')).not.toContain('logprobs');
    expect(section(doc, 'outbound').map(nameOf)).toEqual(['base']);
  });

  it('uses the llm-* token policies for an AI Services account', () => {
    const names = section(parser.parse(buildLlmApiPolicy({ ...base, kind: 'AIServices' })), 'inbound').map(nameOf);
    expect(names).toEqual(expect.arrayContaining(['llm-token-limit', 'llm-emit-token-metric']));
    expect(names.some((n) => n.startsWith('azure-openai'))).toBe(false);
  });

  it('escapes values so an audience with XML metacharacters cannot break the document', () => {
    const xmlOut = buildLlmApiPolicy({ ...base, audiences: ['api://a"b<c>&d'] });
    expect(XMLValidator.validate(xmlOut)).toBe(true);
    expect(text(all(section(parser.parse(xmlOut), 'inbound'), 'audience')[0])).toBe('api://a"b<c>&d');
  });
});
