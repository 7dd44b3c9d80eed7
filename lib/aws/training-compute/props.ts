import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import {
  DEFAULT_MAX_INSTANCE_COUNT,
  DEFAULT_SAGEMAKER_GPU_TYPES,
  validateEc2GpuType,
  validateSageMakerGpuTypes,
  validateScaleBounds,
} from '../../core/compute';
import { DEFAULT_CONFIG } from '../../core/config';
import { BlueprintConfigError } from '../../core/errors';
import { validateName, validateNonEmpty } from '../../core/validate';
import type { SecureDataLake } from '../data-lake';

/** Where trained models are written: one prefix of one bucket. */
export interface ModelArtifactLocation {
  /** Bucket that receives model artifacts. */
  readonly bucket: s3.IBucket;
  /** Key prefix, ending in "/". @default "models/" */
  readonly prefix?: string;
  /** Key that encrypts the bucket (output KMS key of jobs). @default bucket.encryptionKey */
  readonly key?: kms.IKey;
}

/** The hardened launch template for teams running GPU nodes on EC2 / EKS / Batch. */
export interface GpuLaunchTemplateOptions {
  /** EC2 GPU instance type (a SageMaker GPU type without "ml."). @default "g5.xlarge" */
  readonly instanceType?: string;
  /**
   * AMI. @default the AWS Deep Learning Base OSS NVIDIA Driver GPU AMI (Amazon Linux 2023), read
   * from its public SSM parameter at deploy time
   */
  readonly machineImage?: ec2.IMachineImage;
  /** Root volume size in GiB (30-16384). @default 200 */
  readonly rootVolumeGiB?: number;
}

/**
 * Props of {@link TrainingCompute}. The network comes from the training-network construct; every
 * other field has a compliant default.
 */
export interface TrainingComputeProps {
  /** VPC with isolated subnets (no internet gateway, no NAT). */
  readonly vpc: ec2.IVpc;
  /** Subnets for Studio, jobs and GPU nodes. @default { subnetType: PRIVATE_ISOLATED } */
  readonly subnets?: ec2.SubnetSelection;
  /** Security groups of training compute (egress only to the VPC endpoints). At least one. */
  readonly securityGroups: readonly ec2.ISecurityGroup[];
  /** The data lake the training role reads from. */
  readonly dataLake: SecureDataLake;
  /** Zones the training role may read. @default ["curated", "features"] */
  readonly readZones?: readonly string[];
  /** Where the training role may write model artifacts (and nowhere else). */
  readonly modelArtifacts: ModelArtifactLocation;
  /**
   * CMK for ML storage volumes, Studio's home file system and GPU node disks.
   * @default a new key (rotation on, 30-day deletion window, retained)
   */
  readonly key?: kms.IKey;
  /**
   * Instance types training, processing and tuning jobs may use; validated against SageMaker's GPU
   * families. @default ["ml.g5.xlarge", "ml.g5.2xlarge", "ml.g6.xlarge"]
   */
  readonly allowedInstanceTypes?: readonly string[];
  /**
   * Instance types for notebook instances and Studio apps ("system" is Studio's default app
   * host). @default ["system", "ml.t3.medium", "ml.m5.large", ...allowedInstanceTypes]
   */
  readonly notebookInstanceTypes?: readonly string[];
  /**
   * Most instances one job may use (1-100). IAM has no condition key for it: the pipeline and the
   * service quota enforce it; exposed as `maxInstanceCount`. @default 4
   */
  readonly maxInstanceCount?: number;
  /** The GPU launch template; false to omit it. @default {} (g5.xlarge, DLAMI, 200 GiB) */
  readonly launchTemplate?: GpuLaunchTemplateOptions | false;
  /** Platform name (resource-name prefix). @default "ztai" */
  readonly project?: string;
  /** Environment label (name part). @default "dev" */
  readonly environment?: string;
}

export interface ResolvedTrainingComputeProps {
  readonly subnets: ec2.SubnetSelection;
  readonly readZones: readonly string[];
  readonly artifactPrefix: string;
  readonly allowedInstanceTypes: readonly string[];
  readonly notebookInstanceTypes: readonly string[];
  readonly maxInstanceCount: number;
  readonly launchTemplate?: Required<Omit<GpuLaunchTemplateOptions, 'machineImage'>> & {
    readonly machineImage?: ec2.IMachineImage;
  };
  readonly project: string;
  readonly environment: string;
}

const P = 'TrainingCompute';
export const DEFAULT_READ_ZONES = ['curated', 'features'] as const;
export const DEFAULT_NOTEBOOK_TYPES = ['system', 'ml.t3.medium', 'ml.m5.large'] as const;

/** Applies defaults and validates; throws BlueprintConfigError naming the offending prop. */
export function resolveTrainingComputeProps(props: TrainingComputeProps): ResolvedTrainingComputeProps {
  validateNonEmpty(`${P}.securityGroups`, props.securityGroups);
  const readZones = props.readZones ?? DEFAULT_READ_ZONES.filter((z) => props.dataLake.zones.includes(z));
  validateNonEmpty(`${P}.readZones`, readZones);
  readZones.forEach((z, i) => {
    if (!props.dataLake.zones.includes(z)) {
      throw new BlueprintConfigError(
        `${P}.readZones[${i}]`,
        `a zone of the data lake (${props.dataLake.zones.join(', ')})`,
        z,
      );
    }
  });
  const prefix = props.modelArtifacts.prefix ?? 'models/';
  if (!/^[A-Za-z0-9][A-Za-z0-9._/-]{0,254}\/$/.test(prefix) || prefix.includes('//')) {
    throw new BlueprintConfigError(
      `${P}.modelArtifacts.prefix`,
      'an S3 key prefix like "models/" ending in "/"',
      prefix,
    );
  }
  if (!props.modelArtifacts.key && !props.modelArtifacts.bucket.encryptionKey) {
    throw new BlueprintConfigError(`${P}.modelArtifacts.key`, 'the KMS key of the artifact bucket (SSE-KMS)');
  }
  const allowedInstanceTypes = validateSageMakerGpuTypes(
    `${P}.allowedInstanceTypes`,
    props.allowedInstanceTypes ?? DEFAULT_SAGEMAKER_GPU_TYPES,
  );
  const notebookInstanceTypes = [
    ...(props.notebookInstanceTypes ?? [...DEFAULT_NOTEBOOK_TYPES, ...allowedInstanceTypes]),
  ];
  validateNonEmpty(`${P}.notebookInstanceTypes`, notebookInstanceTypes);
  notebookInstanceTypes.forEach((t, i) => {
    if (
      typeof t !== 'string' ||
      !(t === 'system' || /^ml\.[a-z0-9-]+\.[0-9]*(x?large|medium|small|micro|metal)$/.test(t))
    ) {
      throw new BlueprintConfigError(`${P}.notebookInstanceTypes[${i}]`, '"system" or an ml.<family>.<size> type', t);
    }
  });
  const { maxInstanceCount } = validateScaleBounds(P, 0, props.maxInstanceCount ?? DEFAULT_MAX_INSTANCE_COUNT);
  return {
    subnets: props.subnets ?? { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
    readZones: [...readZones],
    artifactPrefix: prefix,
    allowedInstanceTypes,
    notebookInstanceTypes,
    maxInstanceCount,
    launchTemplate: props.launchTemplate === false ? undefined : resolveLaunchTemplate(props.launchTemplate ?? {}),
    project: validateName(`${P}.project`, props.project ?? DEFAULT_CONFIG.name),
    environment: validateName(`${P}.environment`, props.environment ?? DEFAULT_CONFIG.environment),
  };
}

function resolveLaunchTemplate(o: GpuLaunchTemplateOptions): ResolvedTrainingComputeProps['launchTemplate'] {
  const rootVolumeGiB = o.rootVolumeGiB ?? 200;
  if (!Number.isInteger(rootVolumeGiB) || rootVolumeGiB < 30 || rootVolumeGiB > 16384) {
    throw new BlueprintConfigError(`${P}.launchTemplate.rootVolumeGiB`, 'an integer from 30 to 16384', rootVolumeGiB);
  }
  return {
    instanceType: validateEc2GpuType(`${P}.launchTemplate.instanceType`, o.instanceType ?? 'g5.xlarge'),
    machineImage: o.machineImage,
    rootVolumeGiB,
  };
}
