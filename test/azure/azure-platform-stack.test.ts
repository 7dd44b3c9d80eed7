import { DEFAULT_CONFIG, resolveConfig } from '../../lib/core/config';
import { BlueprintConfigError } from '../../lib/core/errors';
import { TAG_KEYS } from '../../lib/core/tags';
import { AzurePlatformStack } from '../../stacks/azure-platform-stack';
import { atPath, everyResource, scratchApp, synthStack, TfJson } from './synth';

const SUBSCRIPTION = '11111111-2222-3333-4444-555555555555';
const TENANT = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
/** Resource types whose azurerm schema has no `tags` argument. */
const UNTAGGABLE = new Set([
  'azurerm_subnet',
  'azurerm_role_assignment',
  'azurerm_storage_data_lake_gen2_filesystem',
  'azurerm_storage_container_immutability_policy',
  'azurerm_network_security_rule',
  'azurerm_subnet_network_security_group_association',
  'azurerm_monitor_diagnostic_setting',
  // No tags argument in azurerm 4.55: the link between the scope and a workspace or component.
  'azurerm_monitor_private_link_scoped_service',
  'azurerm_cognitive_deployment',
  'azurerm_api_management_api',
  'azurerm_api_management_api_operation',
  'azurerm_api_management_api_policy',
  'azurerm_api_management_diagnostic',
  'azurerm_api_management_backend',
  'azurerm_role_definition',
  'azurerm_machine_learning_workspace_network_outbound_rule_private_endpoint',
  'azurerm_security_center_subscription_pricing',
]);
/** Construct paths (under azure-platform/) of the resources that must survive a destroy. */
const STATEFUL = [
  'data-lake/resource-group',
  'data-lake/key-vault',
  'data-lake/cmk',
  'data-lake/storage',
  'training-network/resource-group',
  'training-network/workspace',
  'training-network/flow-log-storage',
  'secrets/secret-api-token',
  'inference/resource-group',
  'inference/cmk',
  'inference/account',
  'inference/gateway-insights',
  'training-compute/resource-group',
  'training-compute/workspace-storage/storage',
  'training-compute/compute/workspace',
  'training-compute/compute/registry',
  'training-compute/compute/insights',
  'model-registry/signing-key',
];

let tf: TfJson;

beforeAll(() => {
  const config = resolveConfig({
    environment: 'prod',
    owner: 'ml-platform',
    classification: 'restricted',
    azure: {
      subscriptionId: SUBSCRIPTION,
      tenantId: TENANT,
      location: 'swedencentral',
      inference: { gatewaySku: 'Premium_2', severityThreshold: 'Low', callerLimits: { rate: 30, quota: 900 } },
    },
  });
  tf = synthStack((app) => new AzurePlatformStack(app, 'azure-platform', config));
});

describe('AzurePlatformStack provider', () => {
  it('targets the configured subscription and tenant and uses Entra ID for storage data calls', () => {
    expect(tf.provider.azurerm).toHaveLength(1);
    expect(tf.provider.azurerm[0]).toMatchObject({
      subscription_id: SUBSCRIPTION,
      tenant_id: TENANT,
      storage_use_azuread: true,
    });
  });

  it('never purges soft-deleted vaults or keys on destroy, and recovers them instead', () => {
    expect(tf.provider.azurerm[0].features).toEqual([
      {
        key_vault: [
          {
            purge_soft_delete_on_destroy: false,
            purge_soft_deleted_keys_on_destroy: false,
            purge_soft_deleted_secrets_on_destroy: false,
            purge_soft_deleted_certificates_on_destroy: false,
            recover_soft_deleted_key_vaults: true,
            recover_soft_deleted_keys: true,
          },
        ],
        resource_group: [{ prevent_deletion_if_contains_resources: true }],
      },
    ]);
  });

  it('passes the network configuration to the training network', () => {
    expect(atPath(tf, 'azure-platform/training-network/vnet').body.address_space).toEqual([
      DEFAULT_CONFIG.network.cidr,
    ]);
    expect(atPath(tf, 'azure-platform/training-network/workspace').body.retention_in_days).toBe(
      DEFAULT_CONFIG.network.logRetentionDays,
    );
  });

  it('passes the configuration through to the data lake', () => {
    expect(atPath(tf, 'azure-platform/data-lake/key-vault').body.tenant_id).toBe(TENANT);
    expect(atPath(tf, 'azure-platform/data-lake/storage').body.location).toBe('swedencentral');
    expect(atPath(tf, 'azure-platform/data-lake/resource-group').body.name).toBe('rg-ztai-prod-data');
  });
});

describe('AzurePlatformStack inference layers', () => {
  it('passes BlueprintConfig.azure.inference to the serving path', () => {
    expect(atPath(tf, 'azure-platform/inference/gateway').body.sku_name).toBe('Premium_2');
    const filters = atPath(tf, 'azure-platform/inference/guardrails/rai-policy').body.content_filter;
    expect(new Set(filters.map((f: { severity_threshold: string }) => f.severity_threshold))).toEqual(new Set(['Low']));
    const xml = atPath(tf, 'azure-platform/inference/llm-api-policy').body.xml_content;
    expect(xml).toContain('<rate-limit-by-key calls="30" renewal-period="60"');
    expect(xml).toContain('<quota-by-key calls="900" renewal-period="86400"');
    expect(xml).toContain(`tenant-id="${TENANT}"`);
  });

  it('places the account endpoint, gateway and diagnostics on the platform network and workspace', () => {
    const net = 'azure-platform/training-network';
    expect(atPath(tf, 'azure-platform/inference/account-pe').body.subnet_id).toBe(
      atPath(tf, `${net}/subnet-privateEndpoints`).ref('id'),
    );
    expect(atPath(tf, 'azure-platform/inference/gateway').body.virtual_network_configuration.subnet_id).toBe(
      atPath(tf, `${net}/subnet-apiManagement`).ref('id'),
    );
    expect(atPath(tf, 'azure-platform/inference/cmk').body.key_vault_id).toBe(
      atPath(tf, 'azure-platform/data-lake/key-vault').ref('id'),
    );
  });
});

describe('AzurePlatformStack governance', () => {
  it('tags every taggable resource with the governance tags, lineage naming its layer', () => {
    const expected = (layer: string) => ({
      [TAG_KEYS.owner]: 'ml-platform',
      [TAG_KEYS.classification]: 'restricted',
      [TAG_KEYS.lineage]: `ztai:${layer}`,
      [TAG_KEYS.project]: 'ztai',
      [TAG_KEYS.environment]: 'prod',
      [TAG_KEYS.managedBy]: 'zero-trust-ai-blueprint',
    });
    const taggable = everyResource(tf).filter((r) => !UNTAGGABLE.has(r.type));
    expect(taggable.length).toBeGreaterThanOrEqual(35);
    for (const r of taggable) {
      const layer = r.body['//'].metadata.path.split('/')[1];
      // A Key Vault secret also carries a human description; the governance tags must all be there.
      const tags = Object.fromEntries(Object.entries(r.body.tags ?? {}).filter(([k]) => k !== 'description'));
      expect({ address: `${r.type}.${r.name}`, tags }).toEqual({
        address: `${r.type}.${r.name}`,
        tags: expected(layer),
      });
    }
  });

  it.each(STATEFUL)('protects the stateful %s with prevent_destroy', (path) => {
    expect(atPath(tf, `azure-platform/${path}`).body.lifecycle).toEqual({ prevent_destroy: true });
  });

  it('protects nothing else, so replaceable plumbing stays replaceable', () => {
    const protectedPaths = everyResource(tf)
      .filter((r) => r.body.lifecycle?.prevent_destroy)
      .map((r) => r.body['//'].metadata.path.replace(/^azure-platform\//, ''));
    expect(protectedPaths.sort()).toEqual([...STATEFUL].sort());
  });
});

describe('AzurePlatformStack restricted data', () => {
  it('puts every zone under a WORM retention policy of retentionDays by default', () => {
    const storage = atPath(tf, 'azure-platform/data-lake/storage');
    for (const zone of DEFAULT_CONFIG.dataLake.zones) {
      const fs = atPath(tf, `azure-platform/data-lake/fs-${zone}`);
      expect(atPath(tf, `azure-platform/data-lake/worm-${zone}`).body).toEqual(
        expect.objectContaining({
          storage_container_resource_manager_id: `${storage.ref('id')}/blobServices/default/containers/${zone}`,
          immutability_period_in_days: DEFAULT_CONFIG.dataLake.retentionDays,
          locked: false,
          depends_on: [`${fs.type}.${fs.name}`],
        }),
      );
    }
  });
});

describe('AzurePlatformStack configuration errors', () => {
  it('rejects an inference call quota below the rate, naming LlmInference.callerLimits.quota', () => {
    const config = resolveConfig({ azure: { inference: { callerLimits: { rate: 100, quota: 10 } } } });
    expect(() => new AzurePlatformStack(scratchApp(), 'bad-quota', config)).toThrow(
      expect.objectContaining({ name: BlueprintConfigError.name, prop: 'LlmInference.callerLimits.quota' }),
    );
  });

  it.each([
    ['subscriptionId', 'BlueprintConfig.azure.subscriptionId'],
    ['tenantId', 'BlueprintConfig.azure.tenantId'],
  ])('rejects a malformed %s naming %s', (field, prop) => {
    const config = { ...DEFAULT_CONFIG, azure: { ...DEFAULT_CONFIG.azure, [field]: 'not-a-guid' } };
    expect(() => new AzurePlatformStack(scratchApp(), 'bad', config)).toThrow(
      expect.objectContaining({ name: BlueprintConfigError.name, prop }),
    );
  });
});
