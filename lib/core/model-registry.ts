/**
 * The model registry settings both clouds share (BlueprintConfig.modelRegistry): retention of
 * artifacts and images, and where signed models live. Each cloud validates what it uses.
 */
export interface ModelRegistrySettings {
  /** Key prefix (AWS) / blob prefix (Azure) of signed model folders, ending in "/". @default "models/" */
  readonly artifactPrefix?: string;
  /**
   * Days every artifact version is locked (AWS object lock, governance mode) and a superseded version
   * is kept, as the lake's zones do with their retention. @default 365
   */
  readonly retentionDays?: number;
  /** Tagged images kept per repository (older ones expire). @default 100 */
  readonly maxImages?: number;
  /** Days an untagged image (or manifest, on Azure) is kept. @default 7 */
  readonly untaggedImageDays?: number;
  /** AWS: alias of the model-signing key. @default "alias/<name>-<environment>/model-signing" */
  readonly signingKeyAlias?: string;
}

export const MODEL_REGISTRY_DEFAULTS = {
  artifactPrefix: 'models/',
  retentionDays: 365,
  maxImages: 100,
  untaggedImageDays: 7,
} as const;
