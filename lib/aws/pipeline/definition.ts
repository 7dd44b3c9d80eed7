import { sageMakerHasLocalStorage } from '../../core/compute';
import { INITIAL_APPROVAL_STATUS } from '../../core/pipeline';

/** Step names, referenced by the register step and by the pack when it reads the definition. */
export const TRAIN_STEP = 'Train';
export const REGISTER_STEP = 'Register';

/** Everything the definition needs, already resolved to strings (CDK tokens allowed). */
export interface DefinitionInput {
  readonly trainingRoleArn: string;
  readonly trainingImage: string;
  readonly inferenceImage: string;
  readonly inputs: readonly { channelName: string; s3Uri: string }[];
  readonly outputS3Uri: string;
  readonly volumeKmsKeyArn: string;
  readonly outputKmsKeyArn: string;
  readonly subnetIds: readonly string[];
  readonly securityGroupIds: readonly string[];
  readonly instanceType: string;
  readonly instanceCount: number;
  readonly volumeSizeGb: number;
  readonly maxRuntimeSeconds: number;
  readonly modelGroupName: string;
}

/**
 * The SageMaker Pipelines definition (schema version 2020-12-01): a Training step whose Arguments
 * are a CreateTrainingJob request, then a RegisterModel step whose Arguments are a
 * CreateModelPackage request, the model data taken from the training step's output.
 *
 * Every security-relevant value is a literal of the definition, never a pipeline Parameter: an
 * execution cannot override the subnets, isolation, encryption, instance type or the approval
 * status, and the policy pack can judge the definition as synthesized.
 */
export function buildPipelineDefinition(i: DefinitionInput): Record<string, unknown> {
  return {
    Version: '2020-12-01',
    Metadata: {},
    Parameters: [],
    Steps: [
      {
        Name: TRAIN_STEP,
        Type: 'Training',
        Arguments: {
          AlgorithmSpecification: { TrainingImage: i.trainingImage, TrainingInputMode: 'File' },
          RoleArn: i.trainingRoleArn,
          InputDataConfig: i.inputs.map((input) => ({
            ChannelName: input.channelName,
            DataSource: {
              S3DataSource: { S3DataType: 'S3Prefix', S3Uri: input.s3Uri, S3DataDistributionType: 'FullyReplicated' },
            },
          })),
          OutputDataConfig: { S3OutputPath: i.outputS3Uri, KmsKeyId: i.outputKmsKeyArn },
          ResourceConfig: {
            InstanceType: i.instanceType,
            InstanceCount: i.instanceCount,
            VolumeSizeInGB: i.volumeSizeGb,
            // NVMe instance storage is encrypted by the instance; SageMaker refuses a key for it.
            ...(sageMakerHasLocalStorage(i.instanceType) ? {} : { VolumeKmsKeyId: i.volumeKmsKeyArn }),
          },
          StoppingCondition: { MaxRuntimeInSeconds: i.maxRuntimeSeconds },
          VpcConfig: { Subnets: [...i.subnetIds], SecurityGroupIds: [...i.securityGroupIds] },
          EnableNetworkIsolation: true,
          EnableInterContainerTrafficEncryption: true,
        },
      },
      {
        Name: REGISTER_STEP,
        Type: 'RegisterModel',
        Arguments: {
          ModelPackageGroupName: i.modelGroupName,
          ModelApprovalStatus: INITIAL_APPROVAL_STATUS,
          InferenceSpecification: {
            Containers: [
              {
                Image: i.inferenceImage,
                ModelDataUrl: { Get: `Steps.${TRAIN_STEP}.ModelArtifacts.S3ModelArtifacts` },
              },
            ],
            SupportedContentTypes: ['application/json'],
            SupportedResponseMIMETypes: ['application/json'],
          },
        },
      },
    ],
  };
}
