import { computeFixture } from './training-compute.fixture';
import { atPath, Body, everyResource, Found, synthStack, TfJson } from './synth';

/** The synthesized Terraform JSON of both network models, each built once. */
let f!: ReturnType<typeof computeFixture>;
let g!: ReturnType<typeof computeFixture>;
const managed: TfJson = synthStack((app) => (f = computeFixture(app, 'managed')).stack);
const vnet: TfJson = synthStack(
  (app) => (g = computeFixture(app, 'vnet', { networkModel: 'customer-vnet', approvedFqdns: ['pypi.org'] })).stack,
);
const at = (tf: TfJson, path: string): Found => atPath(tf, path);
const ref = (construct: { node: { path: string } }, tf: TfJson, attr = 'id') =>
  at(tf, `${construct.node.path}`).ref(attr);
const ws = (tf: TfJson): Body =>
  at(tf, 'managed/compute/workspace'.replace('managed', tf === vnet ? 'vnet' : 'managed')).body;

describe('Azure ML workspace', () => {
  const body = ws(managed);
  test('private, high business impact, no v1 legacy mode, managed network with approved outbound only', () => {
    expect(body).toMatchObject({
      public_network_access_enabled: false,
      high_business_impact: true,
      v1_legacy_mode_enabled: false,
      managed_network: { isolation_mode: 'AllowOnlyApprovedOutbound' },
    });
  });
  test("the data lake's Key Vault key is the CMK, used through the user-assigned identity", () => {
    const identity = ref(f.identity, managed);
    expect(body.encryption).toEqual({
      key_vault_id: ref(f.vault, managed),
      key_id: ref(f.key, managed),
      user_assigned_identity_id: identity,
    });
    expect(body.identity).toEqual({ type: 'UserAssigned', identity_ids: [identity] });
    expect(body.primary_user_assigned_identity).toBe(identity);
  });
  test('workspace-based Application Insights and the private registry are its dependencies', () => {
    expect(body.application_insights_id).toBe(at(managed, 'managed/compute/insights').ref('id'));
    expect(body.container_registry_id).toBe(at(managed, 'managed/compute/registry').ref('id'));
    // Plain references (Terraform rejects "${...}" templates in depends_on): the four role assignments.
    expect(body.depends_on).toHaveLength(4);
    for (const dep of body.depends_on) expect(dep).toMatch(/^azurerm_role_assignment\.[\w-]+$/);
  });
  test('retained', () => expect(body.lifecycle).toEqual({ prevent_destroy: true }));
  test('customer-VNet model: serverless compute in the training subnet without public IPs', () => {
    expect(ws(vnet).serverless_compute).toEqual({ subnet_id: ref(g.training, vnet), public_ip_enabled: false });
    expect(body.serverless_compute).toBeUndefined();
  });
});

describe('private endpoints', () => {
  test('workspace: amlworkspace in the endpoint subnet with the api and notebooks zones', () => {
    const pe = at(managed, 'managed/compute/pe-workspace').body;
    expect(pe.subnet_id).toBe(ref(f.endpoints, managed));
    expect(pe.private_service_connection).toMatchObject({
      subresource_names: ['amlworkspace'],
      is_manual_connection: false,
    });
    expect(pe.private_dns_zone_group.private_dns_zone_ids).toEqual([
      ref(f.zones.azureMlApi, managed),
      ref(f.zones.azureMlNotebooks, managed),
    ]);
  });
  test('registry: registry subresource with the azurecr.io zone', () => {
    const pe = at(managed, 'managed/compute/pe-registry').body;
    expect(pe.private_service_connection.subresource_names).toEqual(['registry']);
    expect(pe.private_dns_zone_group.private_dns_zone_ids).toEqual([ref(f.zones.containerRegistry, managed)]);
  });
});

describe('container registry', () => {
  const acr = at(managed, 'managed/compute/registry').body;
  test('Premium, no admin, no anonymous pull, no public network, no export; retained', () => {
    expect(acr).toMatchObject({
      sku: 'Premium',
      admin_enabled: false,
      anonymous_pull_enabled: false,
      public_network_access_enabled: false,
      export_policy_enabled: false,
      lifecycle: { prevent_destroy: true },
    });
    expect(acr.name).toMatch(/^[a-z0-9]{5,50}$/);
  });
});

describe('Application Insights', () => {
  test('workspace-based, Entra ID only, no public ingestion or query; retained', () => {
    expect(at(managed, 'managed/compute/insights').body).toMatchObject({
      workspace_id: ref(f.logs, managed),
      local_authentication_disabled: true,
      internet_ingestion_enabled: false,
      internet_query_enabled: false,
      lifecycle: { prevent_destroy: true },
    });
  });
});

describe('GPU compute cluster', () => {
  const c = at(managed, 'managed/compute/gpu-cluster').body;
  test('GPU size, scale 0..4, no public IP, no local auth, no SSH, managed identity', () => {
    expect(c).toMatchObject({
      vm_size: 'Standard_NC4as_T4_v3',
      scale_settings: { min_node_count: 0, max_node_count: 4 },
      node_public_ip_enabled: false,
      local_auth_enabled: false,
      ssh_public_access_enabled: false,
      identity: { type: 'UserAssigned', identity_ids: [ref(f.identity, managed)] },
    });
    expect(c.ssh).toBeUndefined();
  });
  test('managed model: no subnet; customer-VNet model: the training subnet', () => {
    expect(c.subnet_resource_id).toBeUndefined();
    expect(at(vnet, 'vnet/compute/gpu-cluster').body.subnet_resource_id).toBe(ref(g.training, vnet));
  });
});

describe('managed-network outbound rules', () => {
  test('only private endpoints to the data lake (dfs, blob) by default: no FQDN rule, so no managed firewall', () => {
    const rules = everyResource(managed).filter((r) =>
      r.type.startsWith('azurerm_machine_learning_workspace_network_outbound_rule'),
    );
    expect(rules.map((r) => [r.type, r.body.sub_resource_target, r.body.service_resource_id]).sort()).toEqual([
      ['azurerm_machine_learning_workspace_network_outbound_rule_private_endpoint', 'blob', ref(f.lake, managed)],
      ['azurerm_machine_learning_workspace_network_outbound_rule_private_endpoint', 'dfs', ref(f.lake, managed)],
    ]);
  });
  test('approved FQDNs become FQDN rules', () => {
    const fqdn = everyResource(vnet).filter(
      (r) => r.type === 'azurerm_machine_learning_workspace_network_outbound_rule_fqdn',
    );
    expect(fqdn.map((r) => r.body.destination_fqdn)).toEqual(['pypi.org']);
  });
});

describe('identity roles', () => {
  test('key use on the vault, data roles on storage, push on the registry; no owner or contributor role', () => {
    const roles = everyResource(managed).filter((r) => r.type === 'azurerm_role_assignment');
    expect(roles.map((r) => [r.body.role_definition_name, r.body.scope]).sort()).toEqual(
      [
        ['AcrPush', at(managed, 'managed/compute/registry').ref('id')],
        ['Key Vault Crypto Service Encryption User', ref(f.vault, managed)],
        ['Storage Blob Data Contributor', ref(f.storage, managed)],
        ['Storage File Data Privileged Contributor', ref(f.storage, managed)],
      ].sort(),
    );
    for (const r of roles) expect(r.body.principal_id).toBe(ref(f.identity, managed, 'principal_id'));
  });
});
