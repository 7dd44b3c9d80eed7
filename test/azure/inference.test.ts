import { resolveConfig } from '../../lib/core/config';
import { GATEWAY_SECURITY, MIN_API_VERSION, OPENAI_USER_ROLE } from '../../lib/azure/inference';
import { AzurePlatformStack } from '../../stacks/azure-platform-stack';
import { allOf, atPath, Body, Found, synthStack, TfJson } from './synth';

const TENANT = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
const INF = 'azure-platform/inference';
const NET = 'azure-platform/training-network';
let tf: TfJson;
let account: Found;
let gateway: Found;

beforeAll(() => {
  const config = resolveConfig({ azure: { tenantId: TENANT } });
  tf = synthStack((app) => new AzurePlatformStack(app, 'azure-platform', config));
  account = atPath(tf, `${INF}/account`);
  gateway = atPath(tf, `${INF}/gateway`);
});

describe('Azure OpenAI account: private, keyless, customer-managed key', () => {
  it('has public network access off, local (key) auth off, its own subdomain', () => {
    expect(account.body).toMatchObject({
      kind: 'OpenAI',
      sku_name: 'S0',
      public_network_access_enabled: false,
      local_auth_enabled: false,
      custom_subdomain_name: account.body.name,
    });
  });

  it('denies by default with no trusted-service bypass and no IP or VNet rules', () => {
    expect(account.body.network_acls).toEqual({
      default_action: 'Deny',
      bypass: 'None',
      ip_rules: [],
      virtual_network_rules: [],
    });
  });

  it('restricts outbound calls to the listed FQDNs: the platform vault only', () => {
    const vault = atPath(tf, 'azure-platform/data-lake/key-vault');
    expect(account.body.outbound_network_access_restricted).toBe(true);
    expect(account.body.fqdns).toEqual([`${vault.ref('name')}.vault.azure.net`]);
  });

  it('encrypts with a 2048-bit HSM key in the platform vault through a user-assigned identity', () => {
    const key = atPath(tf, `${INF}/cmk`);
    const identity = atPath(tf, `${INF}/cmk-identity`);
    expect(key.body).toMatchObject({
      key_vault_id: atPath(tf, 'azure-platform/data-lake/key-vault').ref('id'),
      key_type: 'RSA-HSM',
      key_size: 2048,
      key_opts: ['wrapKey', 'unwrapKey'],
    });
    expect(key.body.rotation_policy.automatic).toEqual({ time_after_creation: 'P90D' });
    expect(account.body.identity).toEqual({ type: 'UserAssigned', identity_ids: [identity.ref('id')] });
    expect(account.body.customer_managed_key).toEqual({
      key_vault_key_id: key.ref('versionless_id'),
      identity_client_id: identity.ref('client_id'),
    });
  });

  it('lets that identity use the one key (crypto service role scoped to the key) before the account exists', () => {
    const access = atPath(tf, `${INF}/cmk-access`);
    expect(access.body).toMatchObject({
      scope: atPath(tf, `${INF}/cmk`).ref('resource_versionless_id'),
      role_definition_name: 'Key Vault Crypto Service Encryption User',
      principal_id: atPath(tf, `${INF}/cmk-identity`).ref('principal_id'),
    });
    expect(account.body.depends_on).toEqual([`${access.type}.${access.name}`]);
  });

  it('creates the key only after the vault endpoint and the lake key (deployer role) exist', () => {
    const deps = atPath(tf, `${INF}/cmk`).body.depends_on;
    const pe = atPath(tf, 'azure-platform/data-lake/pe-vault');
    const lakeKey = atPath(tf, 'azure-platform/data-lake/cmk');
    expect(deps).toEqual(expect.arrayContaining([`${pe.type}.${pe.name}`, `${lakeKey.type}.${lakeKey.name}`]));
  });

  it('is reachable through one private endpoint in the endpoint subnet, registered in the shared openai zone', () => {
    const pe = atPath(tf, `${INF}/account-pe`);
    expect(pe.body).toMatchObject({
      subnet_id: atPath(tf, `${NET}/subnet-privateEndpoints`).ref('id'),
      private_service_connection: {
        private_connection_resource_id: account.ref('id'),
        subresource_names: ['account'],
        is_manual_connection: false,
      },
      private_dns_zone_group: { private_dns_zone_ids: [atPath(tf, `${NET}/dns-openai`).ref('id')] },
    });
  });
});

describe('guardrails: RAI policy bound to the deployment', () => {
  let policy: Body;
  beforeAll(() => {
    policy = atPath(tf, `${INF}/guardrails/rai-policy`).body;
  });

  it('belongs to the account and blocks synchronously', () => {
    expect(policy).toMatchObject({
      cognitive_account_id: account.ref('id'),
      base_policy_name: 'Microsoft.DefaultV2',
      mode: 'Blocking',
    });
  });

  it('shields prompts against jailbreak and indirect attacks', () => {
    const shields = policy.content_filter.filter((f: Body) => ['Jailbreak', 'Indirect Attack'].includes(f.name));
    expect(shields).toEqual([
      expect.objectContaining({ name: 'Jailbreak', source: 'Prompt', filter_enabled: true, block_enabled: true }),
      expect.objectContaining({ name: 'Indirect Attack', source: 'Prompt', filter_enabled: true, block_enabled: true }),
    ]);
  });

  it.each(['Prompt', 'Completion'])('filters the four harm categories on %s at Medium, blocking', (source) => {
    const harms = policy.content_filter.filter(
      (f: Body) => f.source === source && !/Jailbreak|Attack|Protected/.test(f.name),
    );
    expect(harms).toEqual(
      ['Hate', 'Sexual', 'Violence', 'SelfHarm'].map((name) => ({
        name,
        source,
        severity_threshold: 'Medium',
        filter_enabled: true,
        block_enabled: true,
      })),
    );
  });

  it('has every filter enabled and blocking', () => {
    expect(policy.content_filter).toHaveLength(12);
    for (const f of policy.content_filter) expect([f.filter_enabled, f.block_enabled]).toEqual([true, true]);
  });

  it('is what the only deployment uses; the version is pinned', () => {
    const deployments = allOf(tf, 'azurerm_cognitive_deployment');
    expect(deployments).toHaveLength(1);
    const rai = atPath(tf, `${INF}/guardrails/rai-policy`);
    expect(deployments[0].body).toMatchObject({
      cognitive_account_id: account.ref('id'),
      rai_policy_name: rai.ref('name'),
      model: { format: 'OpenAI', name: 'gpt-4o-mini', version: '2024-07-18' },
      sku: { name: 'DataZoneStandard', capacity: 10 },
      version_upgrade_option: 'NoAutoUpgrade',
    });
  });
});

describe('API Management: internal, hardened, keyless to the backend', () => {
  it('runs in Internal VNet mode in the API Management subnet, Developer SKU', () => {
    expect(gateway.body).toMatchObject({
      sku_name: 'Developer_1',
      virtual_network_type: 'Internal',
      virtual_network_configuration: { subnet_id: atPath(tf, `${NET}/subnet-apiManagement`).ref('id') },
      identity: { type: 'SystemAssigned' },
      min_api_version: MIN_API_VERSION,
    });
  });

  it('turns off SSL 3.0, TLS 1.0/1.1, triple DES and every weak cipher, frontend and backend', () => {
    expect(Object.keys(gateway.body.security)).toHaveLength(Object.keys(GATEWAY_SECURITY).length);
    expect(Object.values(gateway.body.security).every((v) => v === false)).toBe(true);
    expect(Object.keys(gateway.body.security)).toEqual(
      expect.arrayContaining([
        'frontend_ssl30_enabled',
        'frontend_tls10_enabled',
        'frontend_tls11_enabled',
        'backend_ssl30_enabled',
        'backend_tls10_enabled',
        'backend_tls11_enabled',
        'triple_des_ciphers_enabled',
        'tls_rsa_with_aes128_cbc_sha_ciphers_enabled',
        'tls_ecdhe_rsa_with_aes256_cbc_sha_ciphers_enabled',
      ]),
    );
  });

  it('has no self sign-up and no direct management API', () => {
    expect(gateway.body.sign_up.enabled).toBe(false);
    expect(gateway.body.tenant_access).toEqual({ enabled: false });
  });

  it('gives its identity only "Cognitive Services OpenAI User" on the account (RBAC, no keys)', () => {
    const grant = atPath(tf, `${INF}/gateway-openai-user`);
    expect(grant.body).toMatchObject({
      scope: account.ref('id'),
      role_definition_name: OPENAI_USER_ROLE,
      principal_id: gateway.ref('identity[0].principal_id'),
    });
  });

  it('admits callers and the APIM control plane on the subnet NSG before the service is created', () => {
    const rules = allOf(tf, 'azurerm_network_security_rule').filter((r) =>
      r.body['//'].metadata.path.startsWith(`${INF}/`),
    );
    const byName = Object.fromEntries(rules.map((r) => [r.body.name, r.body]));
    expect(byName['allow-apim-callers-inbound']).toMatchObject({
      direction: 'Inbound',
      source_address_prefixes: ['10.20.1.0/24'],
      destination_address_prefix: '10.20.2.0/24',
      destination_port_range: '443',
    });
    expect(byName['allow-apim-management-inbound']).toMatchObject({ source_address_prefix: 'ApiManagement' });
    for (const r of rules) {
      expect(r.body.access).toBe('Allow');
      expect([r.body.source_address_prefix, r.body.destination_address_prefix]).not.toContain('Internet');
      expect(r.body.network_security_group_name).toBe(atPath(tf, `${NET}/nsg-apiManagement`).ref('name'));
    }
    expect(rules).toHaveLength(8);
    expect([...gateway.body.depends_on].sort()).toEqual(rules.map((r) => `${r.type}.${r.name}`).sort());
  });

  it('resolves its host to its private IP inside the VNet only', () => {
    expect(atPath(tf, `${INF}/gateway-dns`).body.name).toBe(`${gateway.body.name}.azure-api.net`);
    expect(atPath(tf, `${INF}/gateway-dns-record`).body).toMatchObject({
      name: '@',
      records: gateway.ref('private_ip_addresses'),
    });
  });
});

describe('the LLM API', () => {
  it('is HTTPS only with one operation, callers identified by token rather than subscription keys', () => {
    const api = atPath(tf, `${INF}/llm-api`);
    expect(api.body).toMatchObject({ protocols: ['https'], path: 'openai', subscription_required: false });
    expect(allOf(tf, 'azurerm_api_management_api_operation').map((o) => [o.body.method, o.body.url_template])).toEqual([
      ['POST', '/deployments/gpt-4o-mini/chat/completions'],
    ]);
  });

  it("points to the account's endpoint (private DNS) with certificate validation", () => {
    expect(atPath(tf, `${INF}/llm-backend`).body).toMatchObject({
      name: 'azure-openai-private',
      protocol: 'http',
      url: `${account.ref('endpoint')}openai`,
      tls: { validate_certificate_chain: true, validate_certificate_name: true },
    });
  });

  it('logs every call of every API to Azure Monitor, errors always, no bodies', () => {
    const diag = atPath(tf, `${INF}/gateway-request-logs`).body;
    expect(allOf(tf, 'azurerm_api_management_diagnostic')).toHaveLength(1);
    expect(diag.depends_on).toEqual([expect.stringContaining('gateway-diagnostics')]);
    expect(diag).toMatchObject({
      identifier: 'azuremonitor',
      api_management_logger_id: `${gateway.ref('id')}/loggers/azuremonitor`,
      sampling_percentage: 100,
      always_log_errors: true,
    });
    expect(diag.frontend_request).toBeUndefined();
  });

  it.each([
    ['account', 'account-diagnostics'],
    ['gateway', 'gateway-diagnostics'],
  ])('sends every %s log and metric to the platform workspace', (target, path) => {
    const setting = atPath(tf, `${INF}/${path}`).body;
    expect(setting).toMatchObject({
      target_resource_id: (target === 'account' ? account : gateway).ref('id'),
      log_analytics_workspace_id: atPath(tf, `${NET}/workspace`).ref('id'),
      enabled_log: [{ category_group: 'allLogs' }],
      enabled_metric: [{ category: 'AllMetrics' }],
    });
  });
});
