import { DataClassification } from './classification';
import type { CallerLimits } from './inference-limits';
import { DEFAULT_INFERENCE, InferenceSettings } from './inference';
import {
  DEFAULT_AZURE_GPU_VM_SIZE,
  DEFAULT_MAX_INSTANCE_COUNT,
  DEFAULT_SAGEMAKER_GPU_TYPES,
  validateAzureGpuVmSize,
  validateGpuInstanceCount,
  validateSageMakerGpuTypes,
} from './compute';
import { BlueprintConfigError } from './errors';
import type { ModelRegistrySettings } from './model-registry';
import { AwsInterfaceEndpoint, DEFAULT_INTERFACE_ENDPOINTS } from './network';
import { validateOneOf } from './validate';

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
  /** Serving: model, gateway limits and LLM guardrail (lib/core/inference.ts). */
  readonly inference: InferenceSettings;
  readonly training: TrainingSettings;
  readonly operations: OperationsSettings;
  /** Model registry and supply chain, both clouds (lib/core/model-registry.ts). @default {} (every field defaults) */
  readonly modelRegistry: ModelRegistrySettings;
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
  /**
   * Application (client) ID of the inference API's Entra ID app registration, created outside the
   * stack (docs/inference-azure.md). @default placeholder GUID, override with ZT_AZURE_INFERENCE_CLIENT_ID
   */
  readonly inferenceApiClientId: string;
  /** Azure serving path (Azure OpenAI behind internal API Management). @default see AzureInferenceSettings */
  readonly inference?: AzureInferenceSettings;
  /**
   * What runs `cdktf deploy`, written on the deployer's role assignments (ARM rejects a mismatch).
   * A pipeline's service principal: no person holds standing data-plane roles (ZT-IDENTITY-007).
   * @default "ServicePrincipal", override with ZT_AZURE_DEPLOYER_PRINCIPAL_TYPE
   */
  readonly deployerPrincipalType: 'ServicePrincipal' | 'Group' | 'User';
}

/**
 * Azure-specific inference settings; every field is optional and defaults in lib/azure/inference
 * (validated there, errors name `LlmInference.<field>`).
 */
export interface AzureInferenceSettings {
  /** Azure OpenAI model and version to deploy. @default gpt-4o-mini 2024-07-18 */
  readonly model?: { readonly name: string; readonly version: string };
  /** Deployment SKU. @default "DataZoneStandard" (processing stays in the region's data zone) */
  readonly deploymentSku?: string;
  /** Deployment capacity in thousands of tokens per minute. @default 10 */
  readonly capacity?: number;
  /** Calls per caller: rate and quota (rate-limit-by-key, quota-by-key). @default 60 / 60 s, 5000 / day */
  readonly callerLimits?: Partial<CallerLimits>;
  /** Tokens per minute per caller (token limit). @default 5000 */
  readonly tokensPerMinute?: number;
  /** Largest request body, bytes. @default 65536 */
  readonly maxRequestBytes?: number;
  /** Return logprobs / top_logprobs to callers. @default false (stripped) */
  readonly allowLogprobs?: boolean;
  /** Content-filter severity threshold on prompts and completions. @default "Medium" */
  readonly severityThreshold?: 'Low' | 'Medium' | 'High';
  /** App role a caller's token must carry. @default "Inference.Invoke" */
  readonly requiredRole?: string;
  /** API Management SKU. @default "Developer_1" */
  readonly gatewaySku?: string;
  /** Publisher e-mail of the API Management service. @default "<name>-<environment>-apim@example.com" (reserved domain: override) */
  readonly publisherEmail?: string;
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

/** Azure ML compute network: the managed network, or the cluster in the platform's training subnet. */
export const AZURE_TRAINING_NETWORK_MODELS = ['managed', 'customer-vnet'] as const;

/**
 * GPU training and the approval gate on both clouds (validated by validateTrainingSettings, which
 * both reference stacks call, so a bad size fails the same way on AWS and Azure).
 */
export interface TrainingSettings {
  /** AWS: SageMaker GPU instance types jobs may use (the deny policy allows only these). @default ["ml.g5.xlarge", "ml.g5.2xlarge", "ml.g6.xlarge"] */
  readonly sagemakerInstanceTypes: readonly string[];
  /** AWS: instance type of the pipeline's training step, one of sagemakerInstanceTypes. @default "ml.g5.2xlarge" */
  readonly pipelineInstanceType: string;
  /** Most GPU instances per job (AWS) / nodes per cluster (Azure), 1-100. @default 4 */
  readonly maxInstanceCount: number;
  /**
   * AWS: the hardened launch template for self-managed GPU nodes (SSM-managed: needs the ssm,
   * ssmmessages and ec2messages endpoints). @default true
   */
  readonly gpuLaunchTemplate: boolean;
  /**
   * AWS: training image of the pipeline, a private ECR image pulled through the ECR endpoints.
   * @default "<account>.dkr.ecr.<region>.<url suffix>/<name>-training:latest"
   */
  readonly trainingImage?: string;
  /** Azure: GPU VM size of the compute cluster (N-series, whole GPUs). @default "Standard_NC4as_T4_v3" */
  readonly azureVmSize: string;
  /** Azure: "managed" (AllowOnlyApprovedOutbound managed network) or "customer-vnet". @default "managed" */
  readonly azureNetworkModel: (typeof AZURE_TRAINING_NETWORK_MODELS)[number];
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
export const PLACEHOLDER_INFERENCE_CLIENT_ID = '00000000-0000-0000-0000-000000000000';

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
    inferenceApiClientId: PLACEHOLDER_INFERENCE_CLIENT_ID,
    deployerPrincipalType: 'ServicePrincipal',
  },
  dataLake: { zones: ['raw', 'curated', 'features'], retentionDays: 90 },
  network: {
    cidr: '10.20.0.0/16',
    subnetPrefix: 24,
    availabilityZones: 2,
    interfaceEndpoints: DEFAULT_INTERFACE_ENDPOINTS,
    logRetentionDays: 90,
  },
  inference: DEFAULT_INFERENCE,
  training: {
    sagemakerInstanceTypes: DEFAULT_SAGEMAKER_GPU_TYPES,
    pipelineInstanceType: 'ml.g5.2xlarge',
    maxInstanceCount: DEFAULT_MAX_INSTANCE_COUNT,
    gpuLaunchTemplate: true,
    azureVmSize: DEFAULT_AZURE_GPU_VM_SIZE,
    azureNetworkModel: 'managed',
  },
  operations: {
    alertEmails: [],
    logRetentionDays: 90,
    guardDuty: false,
    defenderPlans: false,
    bulkReadThreshold: 1000,
  },
  modelRegistry: {},
};

type DeepPartial<T> = {
  [K in keyof T]?: T[K] extends object ? (T[K] extends readonly unknown[] ? T[K] : DeepPartial<T[K]>) : T[K];
};
export type BlueprintOverrides = DeepPartial<BlueprintConfig>;

/** Merges overrides onto the defaults (one level deep per section; inference.guardrail merges too). */
export function resolveConfig(overrides: BlueprintOverrides = {}): BlueprintConfig {
  return {
    ...DEFAULT_CONFIG,
    ...stripUndefined(overrides),
    aws: { ...DEFAULT_CONFIG.aws, ...stripUndefined(overrides.aws ?? {}) },
    azure: { ...DEFAULT_CONFIG.azure, ...stripUndefined(overrides.azure ?? {}) },
    dataLake: { ...DEFAULT_CONFIG.dataLake, ...stripUndefined(overrides.dataLake ?? {}) },
    network: { ...DEFAULT_CONFIG.network, ...stripUndefined(overrides.network ?? {}) },
    inference: {
      ...DEFAULT_CONFIG.inference,
      ...stripUndefined(overrides.inference ?? {}),
      guardrail: { ...DEFAULT_CONFIG.inference.guardrail, ...stripUndefined(overrides.inference?.guardrail ?? {}) },
    },
    training: { ...DEFAULT_CONFIG.training, ...stripUndefined(overrides.training ?? {}) },
    operations: { ...DEFAULT_CONFIG.operations, ...stripUndefined(overrides.operations ?? {}) },
    modelRegistry: { ...DEFAULT_CONFIG.modelRegistry, ...stripUndefined(overrides.modelRegistry ?? {}) },
  } as BlueprintConfig;
}

/** Validates config.training; throws BlueprintConfigError naming `BlueprintConfig.training.<field>`. */
export function validateTrainingSettings(t: TrainingSettings): TrainingSettings {
  const P = 'BlueprintConfig.training';
  if (!t || typeof t !== 'object') throw new BlueprintConfigError(P, 'a training settings object', t);
  const types = validateSageMakerGpuTypes(`${P}.sagemakerInstanceTypes`, t.sagemakerInstanceTypes);
  if (!types.includes(t.pipelineInstanceType)) {
    throw new BlueprintConfigError(
      `${P}.pipelineInstanceType`,
      `one of sagemakerInstanceTypes (${types.join(', ')}): the deny policy blocks any other`,
      t.pipelineInstanceType,
    );
  }
  validateGpuInstanceCount(`${P}.maxInstanceCount`, t.maxInstanceCount);
  if (typeof t.gpuLaunchTemplate !== 'boolean') {
    throw new BlueprintConfigError(`${P}.gpuLaunchTemplate`, 'true or false', t.gpuLaunchTemplate);
  }
  if (t.trainingImage !== undefined && (typeof t.trainingImage !== 'string' || !/^\S+:\S+$/.test(t.trainingImage))) {
    throw new BlueprintConfigError(`${P}.trainingImage`, 'an image URI with a tag or digest', t.trainingImage);
  }
  validateAzureGpuVmSize(`${P}.azureVmSize`, t.azureVmSize);
  validateOneOf(`${P}.azureNetworkModel`, t.azureNetworkModel, AZURE_TRAINING_NETWORK_MODELS);
  return t;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
