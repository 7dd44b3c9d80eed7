import { DataClassification } from './classification';

/**
 * One configuration object drives both reference stacks. Every field has a working default
 * (see DEFAULT_CONFIG), so `npm run synth` needs no input and no credentials.
 */
export interface BlueprintConfig {
  /** Short platform name used as a prefix for resource names. @default "ztai" */
  readonly name: string;
  /** Deployment environment label (dev, test, prod, ...). @default "dev" */
  readonly environment: string;
  /** Accountable owner tag. @default "platform-team" */
  readonly owner: string;
  /** Classification of the data the platform holds. @default "confidential" */
  readonly classification: DataClassification;
  readonly aws: AwsSettings;
  readonly azure: AzureSettings;
  readonly dataLake: DataLakeSettings;
}

export interface AwsSettings {
  /** Account to deploy to; undefined keeps the stack environment-agnostic. @default undefined */
  readonly account?: string;
  /** Region; undefined keeps the stack environment-agnostic. @default undefined */
  readonly region?: string;
}

export interface AzureSettings {
  /** Azure region. @default "westeurope" */
  readonly location: string;
  /** Entra ID tenant. @default placeholder GUID, override with ZT_AZURE_TENANT_ID */
  readonly tenantId: string;
  /** Subscription. @default placeholder GUID, override with ZT_AZURE_SUBSCRIPTION_ID */
  readonly subscriptionId: string;
  /** Address space of the platform VNet. @default "10.20.0.0/16" */
  readonly vnetCidr: string;
}

export interface DataLakeSettings {
  /** Data zones; one bucket / filesystem each. @default ["raw", "curated", "features"] */
  readonly zones: readonly string[];
  /** Days a noncurrent object version / deleted blob is kept. @default 90 */
  readonly retentionDays: number;
  /** Object lock (WORM) for regulated data on AWS. @default true when classification is restricted */
  readonly objectLock?: boolean;
}

export const PLACEHOLDER_TENANT_ID = '00000000-0000-0000-0000-000000000000';
export const PLACEHOLDER_SUBSCRIPTION_ID = '00000000-0000-0000-0000-000000000000';

export const DEFAULT_CONFIG: BlueprintConfig = {
  name: 'ztai',
  environment: 'dev',
  owner: 'platform-team',
  classification: 'confidential',
  aws: {},
  azure: {
    location: 'westeurope',
    tenantId: PLACEHOLDER_TENANT_ID,
    subscriptionId: PLACEHOLDER_SUBSCRIPTION_ID,
    vnetCidr: '10.20.0.0/16',
  },
  dataLake: { zones: ['raw', 'curated', 'features'], retentionDays: 90 },
};

type DeepPartial<T> = {
  [K in keyof T]?: T[K] extends object ? (T[K] extends readonly unknown[] ? T[K] : DeepPartial<T[K]>) : T[K];
};
export type BlueprintOverrides = DeepPartial<BlueprintConfig>;

/** Merges overrides onto the defaults (one level deep per section). */
export function resolveConfig(overrides: BlueprintOverrides = {}): BlueprintConfig {
  return {
    ...DEFAULT_CONFIG,
    ...stripUndefined(overrides),
    aws: { ...DEFAULT_CONFIG.aws, ...stripUndefined(overrides.aws ?? {}) },
    azure: { ...DEFAULT_CONFIG.azure, ...stripUndefined(overrides.azure ?? {}) },
    dataLake: { ...DEFAULT_CONFIG.dataLake, ...stripUndefined(overrides.dataLake ?? {}) },
  } as BlueprintConfig;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
