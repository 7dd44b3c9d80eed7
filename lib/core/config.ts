import { DataClassification } from './classification';
import { AwsInterfaceEndpoint, DEFAULT_INTERFACE_ENDPOINTS } from './network';

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
  readonly network: NetworkSettings;
  readonly operations: OperationsSettings;
}

/**
 * Audit and monitoring, one section for both clouds (validated by lib/core/operations.ts).
 * GuardDuty and Defender for Cloud are account / subscription-wide, so they are opt-in.
 */
export interface OperationsSettings {
  /** E-mail addresses alerts go to (SNS subscriptions, action-group receivers). @default [] */
  readonly alertEmails: readonly string[];
  /** Days the audit log group (AWS) and audit records keep data, at least 90. @default 90 */
  readonly logRetentionDays: number;
  /** AWS: create a GuardDuty detector with S3 and runtime protection (one per account and region). @default false */
  readonly guardDuty: boolean;
  /** Azure: enable Defender for Cloud plans (AI, Key Vault, Storage, ARM) on the subscription. @default false */
  readonly defenderPlans: boolean;
  /** AWS: S3 GetObject calls on the lake in 5 minutes above which the bulk-read alarm fires. @default 1000 */
  readonly bulkReadThreshold: number;
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
}

/**
 * The training network, one plan for both clouds (validated by lib/core/network.ts). Each cloud
 * gets its own network with this address space; give them different ranges if you connect them.
 */
export interface NetworkSettings {
  /** Address space of the VPC (AWS) and the VNet (Azure), /16 to /24. @default "10.20.0.0/16" */
  readonly cidr: string;
  /** Prefix length of each subnet carved from cidr (AWS: one per AZ; Azure: one per role). @default 24 */
  readonly subnetPrefix: number;
  /** AWS: number of availability zones, 2-6 (ignored when zoneNames is set). @default 2 */
  readonly availabilityZones: number;
  /** AWS: explicit availability-zone names, e.g. ["eu-west-1a", "eu-west-1b"]. @default undefined (Fn::GetAZs) */
  readonly zoneNames?: readonly string[];
  /** AWS: interface endpoints to create (private DNS on). @default DEFAULT_INTERFACE_ENDPOINTS */
  readonly interfaceEndpoints: readonly AwsInterfaceEndpoint[];
  /**
   * AWS: ID of the region's AWS-managed S3 prefix list (com.amazonaws.<region>.s3), the only S3
   * destination the workload security group may reach. @default undefined: a stack parameter
   */
  readonly s3PrefixListId?: string;
  /** Days flow logs (and the Azure Log Analytics workspace) keep records. @default 90 */
  readonly logRetentionDays: number;
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
  },
  dataLake: { zones: ['raw', 'curated', 'features'], retentionDays: 90 },
  network: {
    cidr: '10.20.0.0/16',
    subnetPrefix: 24,
    availabilityZones: 2,
    interfaceEndpoints: DEFAULT_INTERFACE_ENDPOINTS,
    logRetentionDays: 90,
  },
  operations: {
    alertEmails: [],
    logRetentionDays: 90,
    guardDuty: false,
    defenderPlans: false,
    bulkReadThreshold: 1000,
  },
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
    network: { ...DEFAULT_CONFIG.network, ...stripUndefined(overrides.network ?? {}) },
    operations: { ...DEFAULT_CONFIG.operations, ...stripUndefined(overrides.operations ?? {}) },
  } as BlueprintConfig;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
