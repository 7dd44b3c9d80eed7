import { DEFAULT_CONFIG } from '../../lib/core/config';
import { WAIVER_METADATA_KEY } from '../../lib/core/waiver';
import { AzurePlatformStack } from '../../stacks/azure-platform-stack';
import { allOf, atPath, Found, synthStack, TfJson } from './synth';

const LAKE = 'azure-platform/data-lake';
let tf: TfJson;
let storage: Found;

beforeAll(() => {
  tf = synthStack((app) => new AzurePlatformStack(app, 'azure-platform', DEFAULT_CONFIG));
  storage = atPath(tf, `${LAKE}/storage`);
});

describe('SecureDataLake storage account (reference stack, defaults)', () => {
  it('is the only storage account, an ADLS Gen2 account', () => {
    // The stack's other account holds the training network's raw flow logs.
    const lakeAccounts = allOf(tf, 'azurerm_storage_account').filter((a) =>
      a.body['//'].metadata.path.startsWith('azure-platform/data-lake/'),
    );
    expect(lakeAccounts).toHaveLength(1);
    expect(storage.body).toMatchObject({ account_kind: 'StorageV2', account_tier: 'Standard', is_hns_enabled: true });
  });

  it('encrypts with the customer-managed key through the user-assigned identity', () => {
    const key = atPath(tf, `${LAKE}/cmk`);
    const identity = atPath(tf, `${LAKE}/cmk-identity`);
    expect(storage.body.customer_managed_key).toEqual({
      // versionless, so the account follows every automatic rotation
      key_vault_key_id: key.ref('versionless_id'),
      user_assigned_identity_id: identity.ref('id'),
    });
    expect(storage.body.identity).toEqual({ type: 'UserAssigned', identity_ids: [identity.ref('id')] });
    expect(storage.body.infrastructure_encryption_enabled).toBe(true);
    expect(storage.body).toMatchObject({ queue_encryption_key_type: 'Account', table_encryption_key_type: 'Account' });
  });

  it('is created only after the identity may use the key', () => {
    const keyAccess = atPath(tf, `${LAKE}/cmk-identity-key-access`);
    expect(storage.body.depends_on).toContain(`${keyAccess.type}.${keyAccess.name}`);
  });

  it('accepts HTTPS with TLS 1.2+ only', () => {
    expect(storage.body.https_traffic_only_enabled).toBe(true);
    expect(storage.body.min_tls_version).toBe('TLS1_2');
  });

  it('is closed to public networks with a default-deny firewall', () => {
    expect(storage.body.public_network_access_enabled).toBe(false);
    expect(storage.body.network_rules).toMatchObject({ default_action: 'Deny', ip_rules: [] });
    expect(storage.body.allowed_copy_scope).toBe('PrivateLink');
    expect(storage.body.cross_tenant_replication_enabled).toBe(false);
  });

  it('accepts Entra ID only: no shared keys, no local users, OAuth by default', () => {
    expect(storage.body).toMatchObject({
      shared_access_key_enabled: false,
      default_to_oauth_authentication: true,
      local_user_enabled: false,
      sftp_enabled: false,
    });
  });

  it('allows no public blobs', () => {
    expect(storage.body.allow_nested_items_to_be_public).toBe(false);
  });

  it('keeps deleted blobs and filesystems recoverable for retentionDays', () => {
    const days = DEFAULT_CONFIG.dataLake.retentionDays;
    expect(storage.body.blob_properties).toMatchObject({
      delete_retention_policy: { days },
      container_delete_retention_policy: { days },
    });
  });

  it('leaves blob versioning off (unsupported with a hierarchical namespace) and says why in a waiver', () => {
    expect(storage.body.blob_properties.versioning_enabled).toBe(false);
    const waivers = storage.body['//'][WAIVER_METADATA_KEY];
    expect(waivers).toHaveLength(1);
    expect(waivers[0].ruleId).toBe('ZT-DATA-007');
    expect(waivers[0].reason).toMatch(/is_hns_enabled/);
    expect(waivers[0].reason).toMatch(/soft delete/);
    expect(waivers[0].expires).toBeUndefined();
  });

  it('carries no other waiver anywhere in the stack but the gateway\u2019s ARM-deployed tracing', () => {
    const waived = Object.entries(tf.resource).flatMap(([type, byName]) =>
      Object.entries(byName)
        .filter(([, body]) => body['//']?.[WAIVER_METADATA_KEY])
        .map(([name, body]) => [
          type === 'azurerm_api_management' ? type : `${type}.${name}`,
          (body['//']?.[WAIVER_METADATA_KEY] as { ruleId: string }[]).map((w) => w.ruleId),
        ]),
    );
    expect(waived).toEqual([
      ['azurerm_api_management', ['ZT-MONITORING-007']],
      [`${storage.type}.${storage.name}`, ['ZT-DATA-007']],
    ]);
  });

  it('cannot be destroyed by terraform', () => {
    expect(storage.body.lifecycle).toEqual({ prevent_destroy: true });
  });

  it('gets a name derived from name + environment + a hash suffix', () => {
    expect(storage.body.name).toMatch(/^stztaidevdl[0-9a-f]{6}$/);
  });
});

describe('SecureDataLake filesystems', () => {
  it('get no WORM policy for confidential data unless objectLock is set', () => {
    expect(allOf(tf, 'azurerm_storage_container_immutability_policy')).toEqual([]);
  });

  it('creates one ADLS Gen2 filesystem per zone in the account', () => {
    const filesystems = allOf(tf, 'azurerm_storage_data_lake_gen2_filesystem');
    expect(filesystems.map((f) => f.body.name).sort()).toEqual([...DEFAULT_CONFIG.dataLake.zones].sort());
    for (const fs of filesystems) expect(fs.body.storage_account_id).toBe(storage.ref('id'));
  });

  it('creates them only once the dfs endpoint and the deployer data role exist', () => {
    const dfs = atPath(tf, `${LAKE}/pe-dfs`);
    const owner = atPath(tf, `${LAKE}/deployer-data-owner`);
    for (const fs of allOf(tf, 'azurerm_storage_data_lake_gen2_filesystem')) {
      expect(fs.body.depends_on).toEqual(
        expect.arrayContaining([`${dfs.type}.${dfs.name}`, `${owner.type}.${owner.name}`]),
      );
    }
  });
});
