import { jobIsolationRule } from '../../../policies/rules/pipeline/zt-pipeline-002-job-isolation';
import { RuleCases, cfn, tf } from '../helpers';
import { monitoringJobCases } from './zt-pipeline-002-monitoring';

const BODY = 'PipelineDefinition.PipelineDefinitionBody';
const KEY_ARN = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const VPC = { Subnets: ['subnet-1'], SecurityGroupIds: ['sg-1'] };

/** A CreateTrainingJob request as a Training step's Arguments, hardened unless overridden. */
const training = (over: Record<string, unknown> = {}) => ({
  AlgorithmSpecification: { TrainingImage: 'img', TrainingInputMode: 'File' },
  RoleArn: 'arn:aws:iam::111122223333:role/train',
  OutputDataConfig: { S3OutputPath: 's3://b/models/', KmsKeyId: KEY_ARN },
  ResourceConfig: { InstanceType: 'ml.p3.2xlarge', InstanceCount: 1, VolumeSizeInGB: 50, VolumeKmsKeyId: KEY_ARN },
  StoppingCondition: { MaxRuntimeInSeconds: 3600 },
  VpcConfig: VPC,
  EnableNetworkIsolation: true,
  EnableInterContainerTrafficEncryption: true,
  ...over,
});
const processing = (over: Record<string, unknown> = {}) => ({
  ProcessingResources: {
    ClusterConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 30, VolumeKmsKeyId: KEY_ARN },
  },
  AppSpecification: { ImageUri: 'img' },
  RoleArn: 'arn:aws:iam::111122223333:role/process',
  ProcessingOutputConfig: { Outputs: [], KmsKeyId: KEY_ARN },
  NetworkConfig: { VpcConfig: VPC, EnableNetworkIsolation: true, EnableInterContainerTrafficEncryption: true },
  ...over,
});
const definition = (...steps: Record<string, unknown>[]) =>
  JSON.stringify({ Version: '2020-12-01', Parameters: [], Steps: steps });
const step = (Name: string, Type: string, Arguments: unknown) => ({ Name, Type, Arguments });

const pipeline = (body: unknown, extra: Record<string, unknown> = {}) =>
  cfn(
    {
      P: {
        Type: 'AWS::SageMaker::Pipeline',
        Properties: { PipelineName: 'p', RoleArn: 'arn:role', PipelineDefinition: { PipelineDefinitionBody: body } },
      },
      Key: { Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: true } },
      Sg: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'sg', VpcId: 'vpc-1' } },
    },
    extra,
  );

/** The shape CDK writes: JSON text joined with intrinsics (both keys and the security group). */
const INTRINSICS: Record<string, unknown> = {
  '@KEY': { 'Fn::GetAtt': ['Key', 'Arn'] },
  '@SG': { 'Fn::GetAtt': ['Sg', 'GroupId'] },
};
const CDK_BODY = {
  'Fn::Join': [
    '',
    definition(step('Train', 'Training', training({ VpcConfig: { Subnets: ['subnet-1'], SecurityGroupIds: ['@SG'] } })))
      .replaceAll(KEY_ARN, '@KEY')
      .split(/(@KEY|@SG)/)
      .map((part) => INTRINSICS[part] ?? part),
  ],
};

const tfPipeline = (body: Record<string, unknown>) =>
  tf({
    aws_sagemaker_pipeline: { p: { pipeline_name: 'p', role_arn: 'arn:role', ...body } },
    aws_kms_key: { k: { enable_key_rotation: true } },
  });

const at = (name: string, rest: string) => `${BODY}#Steps[${name}].Arguments.${rest}`;

export const cases: RuleCases = {
  rule: jobIsolationRule,
  cases: [
    {
      name: 'literal definition with a hardened training step',
      doc: pipeline(definition(step('Train', 'Training', training()))),
      address: 'P',
      verdict: 'pass',
    },
    {
      name: 'CDK Fn::Join definition whose keys and security group are references',
      doc: pipeline(CDK_BODY),
      address: 'P',
      verdict: 'pass',
    },
    {
      name: 'training step without network isolation',
      doc: pipeline(definition(step('Train', 'Training', training({ EnableNetworkIsolation: undefined })))),
      address: 'P',
      verdict: 'fail',
      path: at('Train', 'EnableNetworkIsolation'),
    },
    {
      name: 'training step with nothing hardened: one finding per setting',
      doc: pipeline(
        definition(
          step('Train', 'Training', {
            ...training(),
            VpcConfig: undefined,
            EnableNetworkIsolation: false,
            EnableInterContainerTrafficEncryption: undefined,
            ResourceConfig: { InstanceType: 'ml.p3.2xlarge', InstanceCount: 2, VolumeSizeInGB: 50 },
            OutputDataConfig: { S3OutputPath: 's3://b/m/', KmsKeyId: 'alias/aws/s3' },
          }),
        ),
      ),
      address: 'P',
      verdict: 'fail',
      failingPaths: [
        at('Train', 'VpcConfig'),
        at('Train', 'EnableNetworkIsolation'),
        at('Train', 'EnableInterContainerTrafficEncryption'),
        at('Train', 'ResourceConfig.VolumeKmsKeyId'),
        at('Train', 'OutputDataConfig.KmsKeyId'),
      ],
    },
    {
      name: 'training step with an empty security group list',
      doc: pipeline(
        definition(step('Train', 'Training', training({ VpcConfig: { Subnets: ['s'], SecurityGroupIds: [] } }))),
      ),
      address: 'P',
      verdict: 'fail',
      path: at('Train', 'VpcConfig.SecurityGroupIds'),
    },
    {
      name: 'hardened processing step',
      doc: pipeline(definition(step('Prep', 'Processing', processing()))),
      address: 'P',
      verdict: 'pass',
    },
    {
      name: 'processing step without NetworkConfig or volume key',
      doc: pipeline(
        definition(
          step('Prep', 'Processing', {
            ...processing(),
            NetworkConfig: undefined,
            ProcessingResources: {
              ClusterConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 30 },
            },
          }),
        ),
      ),
      address: 'P',
      verdict: 'fail',
      failingPaths: [
        at('Prep', 'NetworkConfig.VpcConfig'),
        at('Prep', 'NetworkConfig.EnableNetworkIsolation'),
        at('Prep', 'NetworkConfig.EnableInterContainerTrafficEncryption'),
        at('Prep', 'ProcessingResources.ClusterConfig.VolumeKmsKeyId'),
      ],
    },
    {
      name: 'processing step without outputs needs no output key',
      doc: pipeline(definition(step('Prep', 'Processing', processing({ ProcessingOutputConfig: undefined })))),
      address: 'P',
      verdict: 'pass',
    },
    {
      name: 'tuning step whose training definition uses the AWS-managed output key',
      doc: pipeline(
        definition(
          step('Tune', 'Tuning', {
            HyperParameterTuningJobConfig: { Strategy: 'Bayesian' },
            TrainingJobDefinition: training({
              OutputDataConfig: { S3OutputPath: 's3://b/t/', KmsKeyId: 'alias/aws/s3' },
            }),
          }),
        ),
      ),
      address: 'P',
      verdict: 'fail',
      path: at('Tune', 'TrainingJobDefinition.OutputDataConfig.KmsKeyId'),
    },
    {
      name: 'training step inside a condition step branch without VpcConfig',
      doc: pipeline(
        definition(
          step('Check', 'Condition', {
            Conditions: [],
            IfSteps: [step('Retrain', 'Training', training({ VpcConfig: undefined }))],
            ElseSteps: [],
          }),
        ),
      ),
      address: 'P',
      verdict: 'fail',
      path: `${BODY}#Steps[Check].Arguments.IfSteps[Retrain].Arguments.VpcConfig`,
    },
    {
      name: 'g5 training without a volume key (local NVMe storage, encrypted by the instance)',
      doc: pipeline(
        definition(
          step(
            'Train',
            'Training',
            training({ ResourceConfig: { InstanceType: 'ml.g5.2xlarge', InstanceCount: 1, VolumeSizeInGB: 100 } }),
          ),
        ),
      ),
      address: 'P',
      verdict: 'pass',
    },
    {
      name: 'only a RegisterModel step',
      doc: pipeline(definition(step('Register', 'RegisterModel', { ModelPackageGroupName: 'g' }))),
      address: 'P',
      verdict: 'pass',
    },
    {
      name: 'network isolation taken from a pipeline parameter',
      doc: pipeline(
        definition(step('Train', 'Training', training({ EnableNetworkIsolation: { Get: 'Parameters.Isolate' } }))),
      ),
      address: 'P',
      verdict: 'unknown',
      path: at('Train', 'EnableNetworkIsolation'),
      message: /Get Parameters.Isolate/,
    },
    {
      name: 'instance type from a pipeline parameter and no volume key',
      doc: pipeline(
        definition(
          step(
            'Train',
            'Training',
            training({
              ResourceConfig: { InstanceType: { Get: 'Parameters.Type' }, InstanceCount: 1, VolumeSizeInGB: 50 },
            }),
          ),
        ),
      ),
      address: 'P',
      verdict: 'unknown',
      path: at('Train', 'ResourceConfig.VolumeKmsKeyId'),
    },
    {
      name: 'definition in S3',
      doc: cfn({
        P: {
          Type: 'AWS::SageMaker::Pipeline',
          Properties: {
            PipelineName: 'p',
            RoleArn: 'arn:role',
            PipelineDefinition: { PipelineDefinitionS3Location: { Bucket: 'b', Key: 'def.json' } },
          },
        },
      }),
      address: 'P',
      verdict: 'unknown',
      message: /S3 object/,
    },
    {
      name: 'definition from a template parameter',
      doc: pipeline({ Ref: 'Body' }, { Parameters: { Body: { Type: 'String' } } }),
      address: 'P',
      verdict: 'unknown',
      path: BODY,
    },
    {
      name: 'definition whose literal text is not JSON',
      doc: pipeline('{"Steps": ['),
      address: 'P',
      verdict: 'unknown',
      message: /not valid JSON/,
    },
    {
      name: 'tf definition with interpolated key ARNs',
      doc: tfPipeline({
        pipeline_definition: definition(step('Train', 'Training', training())).replaceAll(
          KEY_ARN,
          '${aws_kms_key.k.arn}',
        ),
      }),
      address: 'aws_sagemaker_pipeline.p',
      verdict: 'pass',
    },
    {
      name: 'tf definition without inter-container encryption',
      doc: tfPipeline({
        pipeline_definition: definition(
          step('Train', 'Training', training({ EnableInterContainerTrafficEncryption: false })),
        ),
      }),
      address: 'aws_sagemaker_pipeline.p',
      verdict: 'fail',
      path: 'pipeline_definition#Steps[Train].Arguments.EnableInterContainerTrafficEncryption',
    },
    {
      name: 'tf definition in S3',
      doc: tfPipeline({ pipeline_definition_s3_location: [{ bucket: 'b', object_key: 'def.json' }] }),
      address: 'aws_sagemaker_pipeline.p',
      verdict: 'unknown',
      path: 'pipeline_definition_s3_location',
    },
    ...monitoringJobCases,
  ],
};
