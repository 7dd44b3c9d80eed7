import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { DataClassification, DATA_CLASSIFICATIONS } from '../../core/classification';
import { DEFAULT_CONFIG } from '../../core/config';
import { BlueprintConfigError } from '../../core/errors';
import { validateGpuInstanceCount, validateSageMakerGpuType } from '../../core/compute';
import { validateModelGroupName } from '../../core/pipeline';
import { validateTagValue } from '../../core/tags';
import { validateIntRange, validateName, validateNonEmpty, validateOneOf, validateUnique } from '../../core/validate';

/** One training input channel: a prefix of a data-lake bucket the training role can read. */
export interface TrainingInput {
  /** Channel name the training container sees (/opt/ml/input/data/<name>). */
  readonly channelName: string;
  readonly bucket: s3.IBucket;
  /** Key prefix, without leading slash. @default "" (the whole bucket) */
  readonly prefix?: string;
}

/** Where model artifacts go: the only location the training role may write. */
export interface ModelArtifactLocation {
  readonly bucket: s3.IBucket;
  /** @default "models/" */
  readonly prefix?: string;
}

/** Props of {@link TrainingPipeline}. Required inputs come from the network and compute layers. */
export interface TrainingPipelineProps {
  /** The platform VPC; training runs in its isolated subnets. */
  readonly vpc: ec2.IVpc;
  /** @default { subnetType: PRIVATE_ISOLATED } */
  readonly subnets?: ec2.SubnetSelection;
  /** Security groups of the training containers (the platform's training group). */
  readonly securityGroups: readonly ec2.ISecurityGroup[];
  /** The platform key: training volumes are encrypted with it (and artifacts, unless `outputKey` is set). */
  readonly encryptionKey: kms.IKey;
  /**
   * Key of the model artifacts (OutputDataConfig.KmsKeyId), when the artifact bucket's key differs
   * from the volume key (training-compute's guardrail names both).
   * @default encryptionKey
   */
  readonly outputKey?: kms.IKey;
  /** Execution role of the training job (training-compute); the pipeline may pass only this role. */
  readonly trainingRole: iam.IRole;
  /**
   * The preventive guardrail (training-compute's deny policy on job creation outside the platform's
   * network, isolation, encryption and instance types), attached to the pipeline role.
   */
  readonly jobGuardrail: iam.IManagedPolicy;
  /** Training image URI (a private ECR repository reached through the ECR endpoints). */
  readonly trainingImage: string;
  /** Inference image registered with the model. @default trainingImage */
  readonly inferenceImage?: string;
  /** Input channels (at least one, unique names). */
  readonly inputs: readonly TrainingInput[];
  readonly output: ModelArtifactLocation;
  /** SageMaker GPU instance type. @default "ml.g5.2xlarge" */
  readonly instanceType?: string;
  /** Training instances (1-100, the blueprint's GPU ceiling). @default 1 */
  readonly instanceCount?: number;
  /** ML storage volume per instance, GB (1-16384). @default 100 */
  readonly volumeSizeGb?: number;
  /** Longest training run, hours (1-672, SageMaker's 28-day maximum). @default 24 */
  readonly maxRuntimeHours?: number;
  /** Model package group name (3-63 lower-case letters, digits, hyphens). @default "<project>-<environment>-models" */
  readonly modelGroupName?: string;
  /**
   * Roles that may approve or reject model versions (sagemaker:UpdateModelPackage). The group's
   * resource policy denies approval to everyone else, the pipeline role included.
   * @default a dedicated ModelApprover role, assumable by principals of this account that IAM allows
   */
  readonly approvers?: readonly iam.IRole[];
  /** @default "ztai" */
  readonly project?: string;
  /** @default "dev" */
  readonly environment?: string;
  /** @default "platform-team" */
  readonly owner?: string;
  /** @default "confidential" */
  readonly classification?: DataClassification;
}

export interface ResolvedTrainingPipelineProps {
  readonly instanceType: string;
  readonly instanceCount: number;
  readonly volumeSizeGb: number;
  readonly maxRuntimeSeconds: number;
  readonly modelGroupName: string;
  readonly pipelineName: string;
  readonly outputPrefix: string;
  readonly project: string;
  readonly environment: string;
  readonly owner: string;
  readonly classification: DataClassification;
}

const P = 'TrainingPipeline';
const CHANNEL_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

/** Applies defaults and validates; throws BlueprintConfigError naming `TrainingPipeline.<prop>`. */
export function resolveTrainingPipelineProps(props: TrainingPipelineProps): ResolvedTrainingPipelineProps {
  if (!props || typeof props !== 'object') throw new BlueprintConfigError(P, 'a props object', props);
  for (const k of ['vpc', 'encryptionKey', 'trainingRole', 'jobGuardrail', 'output'] as const) {
    if (!props[k]) throw new BlueprintConfigError(`${P}.${k}`, 'a value (required)', props[k]);
  }
  validateNonEmpty(`${P}.securityGroups`, props.securityGroups);
  if (typeof props.trainingImage !== 'string' || props.trainingImage.trim() === '') {
    throw new BlueprintConfigError(`${P}.trainingImage`, 'an image URI', props.trainingImage);
  }
  const inputs = validateNonEmpty(`${P}.inputs`, props.inputs);
  inputs.forEach((input, i) => {
    if (typeof input?.channelName !== 'string' || !CHANNEL_PATTERN.test(input.channelName)) {
      throw new BlueprintConfigError(
        `${P}.inputs[${i}].channelName`,
        '1-64 letters, digits, . _ or -',
        input?.channelName,
      );
    }
    if (!input.bucket) throw new BlueprintConfigError(`${P}.inputs[${i}].bucket`, 'a bucket', input.bucket);
  });
  validateUnique(
    `${P}.inputs`,
    inputs.map((i) => i.channelName),
  );
  const project = validateName(`${P}.project`, props.project ?? DEFAULT_CONFIG.name);
  const environment = validateName(`${P}.environment`, props.environment ?? DEFAULT_CONFIG.environment);
  return {
    instanceType: validateSageMakerGpuType(`${P}.instanceType`, props.instanceType ?? 'ml.g5.2xlarge'),
    instanceCount: validateGpuInstanceCount(`${P}.instanceCount`, props.instanceCount ?? 1),
    volumeSizeGb: validateIntRange(`${P}.volumeSizeGb`, props.volumeSizeGb ?? 100, 1, 16384),
    maxRuntimeSeconds: validateIntRange(`${P}.maxRuntimeHours`, props.maxRuntimeHours ?? 24, 1, 672) * 3600,
    modelGroupName: validateModelGroupName(
      `${P}.modelGroupName`,
      props.modelGroupName ?? `${project}-${environment}-models`,
    ),
    pipelineName: `${project}-${environment}-training`,
    outputPrefix: props.output.prefix ?? 'models/',
    project,
    environment,
    owner: validateTagValue(`${P}.owner`, props.owner ?? DEFAULT_CONFIG.owner),
    classification: validateOneOf(
      `${P}.classification`,
      props.classification ?? DEFAULT_CONFIG.classification,
      DATA_CLASSIFICATIONS,
    ),
  };
}
