import { KeyVaultSecrets, KeyVaultSecretsProps } from '../../lib/azure/secrets';
import { BlueprintConfigError } from '../../lib/core/errors';
import { thrown } from '../support/thrown';
import { azureStack, READER, VAULT_ID } from './secrets-fixture';
import { scratchApp } from './synth';

// Validation happens in the constructor: nothing here is synthesized.
const stack = azureStack(scratchApp());
let n = 0;
const build = (overrides: Partial<KeyVaultSecretsProps>) => () =>
  new KeyVaultSecrets(stack, `s${n++}`, { keyVaultId: VAULT_ID, secrets: [{ name: 'token' }], ...overrides });
const error = (fn: () => unknown) => thrown(BlueprintConfigError, fn);

describe('KeyVaultSecrets props validation', () => {
  test.each([
    [
      'a storage account ID as vault',
      { keyVaultId: VAULT_ID.replace('Microsoft.KeyVault/vaults', 'Microsoft.Storage/storageAccounts') },
      'KeyVaultSecrets.keyVaultId',
    ],
    ['no secrets', { secrets: [] }, 'KeyVaultSecrets.secrets'],
    ['an underscore in a name', { secrets: [{ name: 'api_token' }] }, 'KeyVaultSecrets.secrets[0].name'],
    ['a 128-character name', { secrets: [{ name: 'a'.repeat(128) }] }, 'KeyVaultSecrets.secrets[0].name'],
    ['names equal but for case', { secrets: [{ name: 'Token' }, { name: 'token' }] }, 'KeyVaultSecrets.secrets'],
    [
      'an expiry window over a year',
      { secrets: [{ name: 'a', rotationDays: 400 }] },
      'KeyVaultSecrets.secrets[0].rotationDays',
    ],
    [
      'a content type that is no MIME type',
      { secrets: [{ name: 'a', contentType: 'plain' }] },
      'KeyVaultSecrets.secrets[0].contentType',
    ],
    [
      'a reader that is no object ID',
      { secrets: [{ name: 'a', readers: [READER, 'alice'] }] },
      'KeyVaultSecrets.secrets[0].readers[1]',
    ],
    [
      'a reader typed as a robot',
      { secrets: [{ name: 'a', readers: [{ id: READER, type: 'Robot' }] }] },
      'KeyVaultSecrets.secrets[0].readers[0].type',
    ],
    ['a principal type ARM does not know', { deployerPrincipalType: 'Robot' }, 'KeyVaultSecrets.deployerPrincipalType'],
  ])('%s is rejected naming the prop', (_label, overrides, prop) => {
    expect(error(build(overrides as Partial<KeyVaultSecretsProps>)).prop).toBe(prop);
  });

  test('grantRead rejects an unknown secret and a non-GUID principal', () => {
    const s = build({})();
    expect(error(() => s.grantRead(READER, 'nope')).prop).toBe('KeyVaultSecrets.grantRead.name');
    expect(error(() => s.grantRead('bob')).prop).toBe('KeyVaultSecrets.grantRead.principalId');
  });

  test('deployerAccess false creates no vault-wide assignment', () => {
    expect(build({ deployerAccess: false })().deployerAssignment).toBeUndefined();
  });

  test('the deployer assignment names the stated principal type, and none by default', () => {
    expect(build({ deployerPrincipalType: 'ServicePrincipal' })().deployerAssignment?.principalTypeInput).toBe(
      'ServicePrincipal',
    );
    expect(build({})().deployerAssignment?.principalTypeInput).toBeUndefined();
  });
});
