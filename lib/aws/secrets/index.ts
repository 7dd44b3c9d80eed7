export { PlatformSecrets } from './platform-secrets';
export { LOG_RETENTION_DAYS, resolvePlatformSecretsProps } from './props';
export type { PlatformSecretSpec, PlatformSecretsProps, ResolvedPlatformSecretsProps } from './props';
export type { RotationFunction } from './rotation-function';
export { VALUE_READ_ACTIONS, VALUE_WRITE_ACTIONS } from './resource-policy';
