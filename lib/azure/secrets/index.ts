export { KeyVaultSecrets, SECRET_READER_ROLE, SECRET_WRITER_ROLE } from './key-vault-secrets';
export type { SecretInputs } from './key-vault-secrets';
export { resolveKeyVaultSecretsProps } from './props';
export type { KeyVaultSecretSpec, KeyVaultSecretsProps, ResolvedKeyVaultSecretsProps } from './props';
