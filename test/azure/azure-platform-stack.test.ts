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
];

let tf: TfJson;

beforeAll(() => {
  const config = resolveConfig({
    environment: 'prod',
    owner: 'ml-platform',
    classification: 'restricted',
    azure: { subscriptionId: SUBSCRIPTION, tenantId: TENANT, location: 'swedencentral' },
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
