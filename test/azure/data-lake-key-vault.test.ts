import { DEFAULT_CONFIG } from '../../lib/core/config';
import { AzurePlatformStack } from '../../stacks/azure-platform-stack';
import { allOf, atPath, Found, synthStack, TfJson } from './synth';

const LAKE = 'azure-platform/data-lake';
let tf: TfJson;
let vault: Found;
let key: Found;

beforeAll(() => {
  tf = synthStack((app) => new AzurePlatformStack(app, 'azure-platform', DEFAULT_CONFIG));
  vault = atPath(tf, `${LAKE}/key-vault`);
  key = atPath(tf, `${LAKE}/cmk`);
});

describe('SecureDataLake Key Vault', () => {
  it('uses Azure RBAC only (azurerm 4.x argument), no access policies', () => {
    expect(vault.body.rbac_authorization_enabled).toBe(true);
    expect(vault.body.enable_rbac_authorization).toBeUndefined();
    expect(vault.body.access_policy).toBeUndefined();
  });

  it('is purge-protected with the maximum 90-day soft delete', () => {
    expect(vault.body.purge_protection_enabled).toBe(true);
    expect(vault.body.soft_delete_retention_days).toBe(90);
  });

  it('is closed to public networks, default deny, trusted Azure services only', () => {
    expect(vault.body.public_network_access_enabled).toBe(false);
    expect(vault.body.network_acls).toEqual({
      default_action: 'Deny',
      bypass: 'AzureServices',
      ip_rules: [],
      virtual_network_subnet_ids: [],
    });
  });

  it('is premium (HSM-backed keys) and not open to VM / ARM template deployments', () => {
    expect(vault.body.sku_name).toBe('premium');
    expect(vault.body).toMatchObject({
      enabled_for_deployment: false,
      enabled_for_disk_encryption: false,
      enabled_for_template_deployment: false,
    });
  });

  it('takes the tenant from the blueprint configuration', () => {
    expect(vault.body.tenant_id).toBe(DEFAULT_CONFIG.azure.tenantId);
  });

  it('cannot be destroyed by terraform', () => {
    expect(vault.body.lifecycle).toEqual({ prevent_destroy: true });
  });

  it('gets a derived name within Azure limits', () => {
    expect(vault.body.name).toMatch(/^kv-ztai-dev-[0-9a-f]{6}$/);
    expect(vault.body.name.length).toBeLessThanOrEqual(24);
  });
});

describe('SecureDataLake customer-managed key', () => {
  it('is an HSM-backed RSA 3072 key in the vault', () => {
    expect(key.body).toMatchObject({ key_type: 'RSA-HSM', key_size: 3072, key_vault_id: vault.ref('id') });
  });

  it('may only wrap and unwrap', () => {
    expect(key.body.key_opts).toEqual(['wrapKey', 'unwrapKey']);
  });

  it('rotates automatically, and each version expires 30 days after its rotation is due', () => {
    expect(key.body.rotation_policy).toEqual({
      automatic: { time_after_creation: 'P180D' },
      expire_after: 'P210D',
      notify_before_expiry: 'P29D',
    });
  });

  it('is created after the vault endpoint and the deployer role exist (private-only vault)', () => {
    const pe = atPath(tf, `${LAKE}/pe-vault`);
    const officer = atPath(tf, `${LAKE}/deployer-key-officer`);
    expect(key.body.depends_on).toEqual([`${pe.type}.${pe.name}`, `${officer.type}.${officer.name}`]);
  });

  it('cannot be destroyed by terraform', () => {
    expect(key.body.lifecycle).toEqual({ prevent_destroy: true });
  });
});

describe('SecureDataLake identity and role assignments', () => {
  it('gives the storage identity exactly the crypto service encryption role on the vault', () => {
    const identity = atPath(tf, `${LAKE}/cmk-identity`);
    const ra = atPath(tf, `${LAKE}/cmk-identity-key-access`);
    expect(ra.body).toMatchObject({
      scope: vault.ref('id'),
      role_definition_name: 'Key Vault Crypto Service Encryption User',
      principal_id: identity.ref('principal_id'),
      principal_type: 'ServicePrincipal',
      skip_service_principal_aad_check: true,
    });
  });

  it('gives the deploying identity the key officer role on the vault and data owner on the account only', () => {
    const client = atPath(tf, `${LAKE}/client`, true);
    const storage = atPath(tf, `${LAKE}/storage`);
    expect(atPath(tf, `${LAKE}/deployer-key-officer`).body).toMatchObject({
      scope: vault.ref('id'),
      role_definition_name: 'Key Vault Crypto Officer',
      principal_id: client.ref('object_id'),
    });
    expect(atPath(tf, `${LAKE}/deployer-data-owner`).body).toMatchObject({
      scope: storage.ref('id'),
      role_definition_name: 'Storage Blob Data Owner',
      principal_id: client.ref('object_id'),
    });
  });

  it('creates no other role assignment', () => {
    // The training network's flow-log identity holds its own, key-scoped assignment; grant-* are the
    // zone grants other layers ask for (the ML identity's, pinned in azure-training-layers.test.ts).
    const lakeAssignments = allOf(tf, 'azurerm_role_assignment').filter((a) =>
      a.body['//'].metadata.path.startsWith(`${LAKE}/`),
    );
    const own = lakeAssignments.filter((a) => !a.body['//'].metadata.path.startsWith(`${LAKE}/grant-`));
    expect(own).toHaveLength(3);
    expect(lakeAssignments.length - own.length).toBe(2);
  });
});
