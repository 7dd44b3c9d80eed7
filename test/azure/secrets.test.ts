import { KeyVaultSecrets } from '../../lib/azure/secrets';
import { azureStack, OTHER_READER, READER, VAULT_ID, zeroTrustFindings } from './secrets-fixture';
import { allOf, atPath, Body, synthStack, TfJson } from './synth';

const ALL_READER = '33333333-3333-3333-3333-333333333333';

// One synth for the file.
let secrets: KeyVaultSecrets;
const tf: TfJson = synthStack((app) => {
  const stack = azureStack(app);
  secrets = new KeyVaultSecrets(stack, 'secrets', {
    keyVaultId: VAULT_ID,
    deployerPrincipalType: 'ServicePrincipal',
    secrets: [
      { name: 'api-token', readers: [{ id: READER, type: 'ServicePrincipal' }] },
      { name: 'webhook-key', contentType: 'application/json', rotationDays: 7 },
    ],
  });
  secrets.grantRead({ id: OTHER_READER, type: 'Group' }, 'webhook-key');
  secrets.grantRead({ id: ALL_READER, type: 'ServicePrincipal' });
  return stack;
});
const variables = (tf as unknown as { variable: Record<string, Body> }).variable;
const secret = (name: string) => atPath(tf, `sec/secrets/secret-${name}`);
const assignments = () => allOf(tf, 'azurerm_role_assignment').map((a) => a.body);

describe('KeyVaultSecrets: secrets', () => {
  test('each secret has a content type, an expiry and is protected from destroy', () => {
    expect(secret('api-token').body).toMatchObject({
      name: 'api-token',
      key_vault_id: VAULT_ID,
      content_type: 'text/plain',
      lifecycle: { prevent_destroy: true },
    });
    expect(secret('webhook-key').body.content_type).toBe('application/json');
    for (const name of ['api-token', 'webhook-key']) {
      expect(secret(name).body.expiration_date).toMatch(/^\$\{var\.secrets_secret_[a-z_]+_expires_on_[0-9A-F]+\}$/);
    }
  });

  test('values come only from write-only arguments fed by ephemeral, sensitive variables', () => {
    const body = secret('api-token').body;
    expect(body.value).toBeUndefined();
    const valueVar = /^\$\{var\.(.+)\}$/.exec(body.value_wo)![1];
    expect(variables[valueVar]).toMatchObject({ type: 'string', sensitive: true, ephemeral: true, nullable: false });
    expect(variables[valueVar].default).toBeUndefined();
    // The write-only version follows the expiry: a new value always comes with a new expiry.
    const expiryVar = /^\$\{var\.(.+)\}$/.exec(body.expiration_date)![1];
    expect(body.value_wo_version).toBe(`\${tonumber(formatdate("YYYYMMDDhhmmss", var.${expiryVar}))}`);
  });

  test('no literal secret value anywhere in the synthesized JSON', () => {
    const text = JSON.stringify(tf);
    expect(text).not.toMatch(/"value"\s*:/);
    for (const v of Object.values(variables)) expect(v.default).toBeUndefined();
  });

  test('the expiry variable requires a future date within the rotation window', () => {
    const expiryVar = /^\$\{var\.(.+)\}$/.exec(secret('webhook-key').body.expiration_date)![1];
    const [validation] = variables[expiryVar].validation;
    expect(validation.condition).toBe(
      `\${try(timecmp(var.${expiryVar}, plantimestamp()) > 0 && timecmp(var.${expiryVar}, timeadd(plantimestamp(), "168h")) <= 0, false)}`,
    );
    expect(validation.error_message).toMatch(/webhook-key expiry .* at most 7 days/);
  });

  test('secrets are written after the deployer may write them', () => {
    const officer = atPath(tf, 'sec/secrets/deployer-secrets-officer');
    expect(officer.body).toMatchObject({ role_definition_name: 'Key Vault Secrets Officer', scope: VAULT_ID });
    expect(secret('api-token').body.depends_on).toEqual([`azurerm_role_assignment.${officer.name}`]);
  });

  test('governance tags', () => {
    expect(secret('api-token').body.tags).toMatchObject({
      lineage: 'ztai:secrets',
      'data-classification': 'confidential',
    });
  });
});

describe('KeyVaultSecrets: RBAC', () => {
  test('each reader gets Key Vault Secrets User on the one secret (versionless ID)', () => {
    const readers = assignments().filter(
      (a) => a.role_definition_name === 'Key Vault Secrets User' && a.principal_id !== ALL_READER,
    );
    expect(readers).toEqual([
      expect.objectContaining({ principal_id: READER, scope: secret('api-token').ref('resource_versionless_id') }),
      expect.objectContaining({
        principal_id: OTHER_READER,
        scope: secret('webhook-key').ref('resource_versionless_id'),
      }),
    ]);
  });

  test('no workload role is vault-wide, no admin role, no access policy', () => {
    const workload = assignments().filter((a) => a.role_definition_name !== 'Key Vault Secrets Officer');
    expect(workload.every((a) => a.scope !== VAULT_ID)).toBe(true);
    expect(assignments().map((a) => a.role_definition_name)).not.toEqual(
      expect.arrayContaining(['Key Vault Administrator', 'Owner', 'Contributor']),
    );
    expect(tf.resource.azurerm_key_vault_access_policy).toBeUndefined();
  });

  test('grantRead without a name assigns per secret, never on the vault', () => {
    const all = assignments().filter((a) => a.principal_id === ALL_READER);
    expect(all.map((a) => [a.role_definition_name, a.scope])).toEqual([
      ['Key Vault Secrets User', secret('api-token').ref('resource_versionless_id')],
      ['Key Vault Secrets User', secret('webhook-key').ref('resource_versionless_id')],
    ]);
  });
});

test('the zero-trust pack: no failing or unknown finding on the secrets', () => {
  const bad = zeroTrustFindings(tf).filter((f) => f.status === 'fail' || f.status === 'unknown');
  expect(bad).toEqual([]);
});

test('each role assignment names the principal type it was given (ZT-IDENTITY-007 can judge who holds it)', () => {
  const types = assignments().map((a) => [a.principal_id, a.principal_type]);
  expect(types).toContainEqual([READER, 'ServicePrincipal']);
  expect(types).toContainEqual([OTHER_READER, 'Group']);
  expect(types).toContainEqual([ALL_READER, 'ServicePrincipal']);
});
