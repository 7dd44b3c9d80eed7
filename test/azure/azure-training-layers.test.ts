import { TerraformStack } from 'cdktf';
import { resolveConfig } from '../../lib/core/config';
import { BlueprintConfigError } from '../../lib/core/errors';
import { PRIVATE_DNS_ZONES } from '../../lib/azure/training-network';
import { WorkspaceStorage } from '../../lib/azure/training-compute';
import { AzurePlatformStack } from '../../stacks/azure-platform-stack';
import { thrown } from '../support/thrown';
import { allOf, atPath, scratchApp, synthStack, TfJson } from './synth';

// One synth of the default reference stack for the template assertions.
const tf: TfJson = synthStack((app) => new AzurePlatformStack(app, 'azure-platform', resolveConfig({})));
const at = (path: string) => atPath(tf, `azure-platform/${path}`);
const TC = 'training-compute';

describe('Azure reference stack: ML workspace storage', () => {
  const storage = () => at(`${TC}/workspace-storage/storage`).body;

  test('StorageV2 without hierarchical namespace (Azure ML rejects ADLS Gen2 as workspace storage)', () => {
    expect(storage()).toMatchObject({
      account_kind: 'StorageV2',
      is_hns_enabled: false,
      account_replication_type: 'ZRS',
    });
  });

  test("encrypted with the data lake's key (versionless) through its own identity, infrastructure encryption on", () => {
    const identity = at(`${TC}/workspace-storage/identity`);
    expect(storage()).toMatchObject({
      customer_managed_key: {
        key_vault_key_id: at('data-lake/cmk').ref('versionless_id'),
        user_assigned_identity_id: identity.ref('id'),
      },
      identity: { type: 'UserAssigned', identity_ids: [identity.ref('id')] },
      infrastructure_encryption_enabled: true,
    });
    expect(at(`${TC}/workspace-storage/key-access`).body).toMatchObject({
      scope: at('data-lake/cmk').ref('resource_versionless_id'),
      role_definition_name: 'Key Vault Crypto Service Encryption User',
      principal_id: identity.ref('principal_id'),
    });
    expect(storage().depends_on).toEqual([`azurerm_role_assignment.${at(`${TC}/workspace-storage/key-access`).name}`]);
  });

  test('private, Entra ID only, TLS 1.2, HTTPS only, no public blobs', () => {
    expect(storage()).toMatchObject({
      public_network_access_enabled: false,
      network_rules: { default_action: 'Deny' },
      shared_access_key_enabled: false,
      local_user_enabled: false,
      min_tls_version: 'TLS1_2',
      https_traffic_only_enabled: true,
      allow_nested_items_to_be_public: false,
      cross_tenant_replication_enabled: false,
    });
  });

  test('versioning and soft delete for blobs, containers and file shares; retained', () => {
    expect(storage().blob_properties).toEqual({
      versioning_enabled: true,
      delete_retention_policy: { days: 90 },
      container_delete_retention_policy: { days: 90 },
    });
    expect(storage().share_properties).toEqual({ retention_policy: { days: 90 } });
    expect(storage().lifecycle).toEqual({ prevent_destroy: true });
  });

  test.each(['blob', 'file'] as const)('a %s private endpoint in the endpoint subnet, in the shared zone', (sub) => {
    expect(at(`${TC}/workspace-storage/pe-${sub}`).body).toMatchObject({
      subnet_id: at('training-network/subnet-privateEndpoints').ref('id'),
      private_service_connection: {
        private_connection_resource_id: at(`${TC}/workspace-storage/storage`).ref('id'),
        subresource_names: [sub],
        is_manual_connection: false,
      },
      private_dns_zone_group: { private_dns_zone_ids: [at(`training-network/dns-${sub}`).ref('id')] },
    });
  });

  test('the shared zone set holds privatelink.file.core.windows.net, linked to the VNet', () => {
    expect(PRIVATE_DNS_ZONES.file).toBe('privatelink.file.core.windows.net');
    expect(at('training-network/dns-file').body.name).toBe('privatelink.file.core.windows.net');
    expect(at('training-network/dns-file-link').body.registration_enabled).toBe(false);
    expect(allOf(tf, 'azurerm_private_dns_zone').filter((z) => z.body.name.includes('.file.'))).toHaveLength(1);
  });
});

describe('Azure reference stack: training compute', () => {
  const ws = () => at(`${TC}/compute/workspace`);

  test("the workspace: private, high business impact, the lake's vault and key as CMK, its own storage", () => {
    expect(ws().body).toMatchObject({
      public_network_access_enabled: false,
      high_business_impact: true,
      key_vault_id: at('data-lake/key-vault').ref('id'),
      storage_account_id: at(`${TC}/workspace-storage/storage`).ref('id'),
      encryption: { key_vault_id: at('data-lake/key-vault').ref('id'), key_id: at('data-lake/cmk').ref('id') },
      managed_network: { isolation_mode: 'AllowOnlyApprovedOutbound' },
      lifecycle: { prevent_destroy: true },
    });
  });

  test('the workspace waits for its storage endpoints; depends_on holds plain references', () => {
    const deps: string[] = ws().body.depends_on;
    for (const sub of ['blob', 'file']) {
      expect(deps).toContain(`azurerm_private_endpoint.${at(`${TC}/workspace-storage/pe-${sub}`).name}`);
    }
    for (const dep of deps) expect(dep).not.toContain('${');
  });

  test('the workspace reaches the lake only through managed private endpoints (dfs and blob)', () => {
    const rules = allOf(tf, 'azurerm_machine_learning_workspace_network_outbound_rule_private_endpoint');
    expect(rules.map((r) => [r.body.service_resource_id, r.body.sub_resource_target]).sort()).toEqual([
      [at('data-lake/storage').ref('id'), 'blob'],
      [at('data-lake/storage').ref('id'), 'dfs'],
    ]);
  });

  test('the registry: Premium, admin, public network, anonymous pull and export off', () => {
    expect(at(`${TC}/compute/registry`).body).toMatchObject({
      sku: 'Premium',
      admin_enabled: false,
      public_network_access_enabled: false,
      anonymous_pull_enabled: false,
      export_policy_enabled: false,
    });
  });

  test('the GPU cluster: configured N-series size, 0..maxInstanceCount, no public IP, local auth or SSH', () => {
    expect(at(`${TC}/compute/gpu-cluster`).body).toMatchObject({
      vm_size: 'Standard_NC4as_T4_v3',
      scale_settings: { min_node_count: 0, max_node_count: 4 },
      node_public_ip_enabled: false,
      local_auth_enabled: false,
      ssh_public_access_enabled: false,
    });
  });

  test("the workspace identity reads the lake's curated and features zones, nothing more", () => {
    const identity = at(`${TC}/identity`).ref('principal_id');
    const grants = allOf(tf, 'azurerm_role_assignment').filter((a) => a.body.principal_id === identity);
    const lakeGrants = grants.filter((a) => String(a.body.scope).includes(at('data-lake/storage').ref('id')));
    expect(lakeGrants.map((a) => [a.body.role_definition_name, String(a.body.scope).split('/').pop()])).toEqual([
      ['Storage Blob Data Reader', 'curated'],
      ['Storage Blob Data Reader', 'features'],
    ]);
  });
});

describe('Azure reference stack: model release gate', () => {
  test('only the release identity may register into the workspace; roles defined in its resource group', () => {
    const workspace = at(`${TC}/compute/workspace`).ref('id');
    expect(at('pipeline/release-registrar').body).toMatchObject({
      scope: workspace,
      principal_id: at('pipeline/release-identity').ref('principal_id'),
    });
    const role = at('pipeline/registrar-role').body;
    const rgOfWorkspace = `\${join("/", slice(split("/", ${workspace.slice(2, -1)}), 0, 5))}`;
    expect(role.scope).toBe(rgOfWorkspace);
    expect(role.assignable_scopes).toEqual([rgOfWorkspace]);
  });
});

describe('Azure training configuration errors name the prop', () => {
  const build = (training: object) => () =>
    new AzurePlatformStack(scratchApp(), 'bad', resolveConfig({ training: training as never }));

  test.each([
    [{ azureVmSize: 'Standard_D4s_v5' }, 'BlueprintConfig.training.azureVmSize'],
    [{ azureVmSize: 'Standard_NV6ads_A10_v5' }, 'BlueprintConfig.training.azureVmSize'],
    [{ azureNetworkModel: 'public' }, 'BlueprintConfig.training.azureNetworkModel'],
    [{ maxInstanceCount: 0 }, 'BlueprintConfig.training.maxInstanceCount'],
    [{ sagemakerInstanceTypes: ['ml.m5.xlarge'] }, 'BlueprintConfig.training.sagemakerInstanceTypes[0]'],
    [{ pipelineInstanceType: 'ml.p4d.24xlarge' }, 'BlueprintConfig.training.pipelineInstanceType'],
  ])('%p is rejected naming %s', (training, prop) => {
    expect(thrown(BlueprintConfigError, build(training)).prop).toBe(prop);
  });

  test('the customer-VNet model puts the cluster in the training subnet', () => {
    const stack = new AzurePlatformStack(
      scratchApp(),
      'vnet',
      resolveConfig({ training: { azureNetworkModel: 'customer-vnet' } }),
    );
    expect(stack.training.compute.networkModel).toBe('customer-vnet');
  });
});

describe('WorkspaceStorage props validation', () => {
  const good = {
    resourceGroupName: 'rg-ztai-dev-ml',
    location: 'westeurope',
    privateEndpointSubnetId:
      '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/pe',
    privateDnsZoneIds: {
      blob: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/privateDnsZones/privatelink.blob.core.windows.net',
      file: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/privateDnsZones/privatelink.file.core.windows.net',
    },
    keyVersionlessId: 'https://kv.vault.azure.net/keys/cmk',
    keyResourceVersionlessId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv/keys/cmk',
  };
  let n = 0;
  const make = (extra: object) => () =>
    new WorkspaceStorage(new TerraformStack(scratchApp(), `ws${n++}`), 'ws', {
      ...good,
      ...extra,
    });

  test.each([
    [{ storageAccountName: 'Has-Upper' }, 'WorkspaceStorage.storageAccountName'],
    [{ softDeleteDays: 3 }, 'WorkspaceStorage.softDeleteDays'],
    [{ softDeleteDays: 366 }, 'WorkspaceStorage.softDeleteDays'],
    [{ replication: 'LRS' }, 'WorkspaceStorage.replication'],
    [{ privateEndpointSubnetId: 'subnet-1' }, 'WorkspaceStorage.privateEndpointSubnetId'],
    [{ privateDnsZoneIds: { blob: good.privateDnsZoneIds.blob } }, 'WorkspaceStorage.privateDnsZoneIds.file'],
    [{ keyVersionlessId: '' }, 'WorkspaceStorage.keyVersionlessId'],
    [{ location: 'West Europe' }, 'WorkspaceStorage.location'],
  ])('%p is rejected naming %s', (extra, prop) => {
    expect(thrown(BlueprintConfigError, make(extra)).prop).toBe(prop);
  });

  test('compliant props build; the derived name is a valid storage account name', () => {
    expect(make({})().name).toMatch(/^[a-z0-9]{3,24}$/);
  });
});
