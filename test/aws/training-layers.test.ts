import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { DEFAULT_CONFIG, resolveConfig } from '../../lib/core/config';
import { sageMakerHasLocalStorage } from '../../lib/core/compute';
import { BlueprintConfigError } from '../../lib/core/errors';
import { AwsPlatformStack } from '../../stacks/aws-platform-stack';
import { thrown } from '../support/thrown';
import { arnOf, logicalId, resourceOf, resourcesOfType } from './helpers';

// One synthesized default stack for the template assertions.
const stack = new AwsPlatformStack(new App(), 'Platform', { config: DEFAULT_CONFIG });
const template = Template.fromStack(stack);
const { compute, pipeline } = stack.training;
const ref = (c: Parameters<typeof logicalId>[0]) => ({ Ref: logicalId(c) });
const placeholder = (intrinsic: unknown) => `<${JSON.stringify(intrinsic).replace(/"/g, "'")}>`;

/** The PipelineDefinitionBody parsed back, each intrinsic replaced by placeholder(intrinsic). */
function definition(): { Steps: { Name: string; Arguments: Record<string, unknown> }[] } {
  const body = resourceOf(template, pipeline.pipeline).Properties?.PipelineDefinition.PipelineDefinitionBody;
  const text =
    typeof body === 'string'
      ? body
      : (body['Fn::Join'][1] as unknown[]).map((p) => (typeof p === 'string' ? p : placeholder(p))).join('');
  return JSON.parse(text);
}
const steps = definition().Steps;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const train = steps.find((s) => s.Name === 'Train')!.Arguments as any;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const register = steps.find((s) => s.Name === 'Register')!.Arguments as any;

describe('AWS reference stack: the training pipeline', () => {
  test('one pipeline and one model package group', () => {
    template.resourceCountIs('AWS::SageMaker::Pipeline', 1);
    template.resourceCountIs('AWS::SageMaker::ModelPackageGroup', 1);
    expect(resourceOf(template, pipeline.modelPackageGroup).Properties?.ModelPackageGroupName).toBe('ztai-dev-models');
  });

  test("the training step runs in the network's isolated subnets behind the workload group", () => {
    expect(train.VpcConfig).toEqual({
      Subnets: stack.network.subnets.map((s) => placeholder(ref(s))),
      SecurityGroupIds: [placeholder({ 'Fn::GetAtt': [logicalId(stack.network.workloadSecurityGroup), 'GroupId'] })],
    });
    expect(train.EnableNetworkIsolation).toBe(true);
    expect(train.EnableInterContainerTrafficEncryption).toBe(true);
  });

  test("the default GPU type's NVMe volume takes no key (SageMaker rejects one); artifacts on the lake's key, in curated/models/", () => {
    // ml.g5 instances store on local NVMe, encrypted by the hardware; CreateTrainingJob refuses VolumeKmsKeyId there.
    expect(sageMakerHasLocalStorage(DEFAULT_CONFIG.training.pipelineInstanceType)).toBe(true);
    expect(train.ResourceConfig.VolumeKmsKeyId).toBeUndefined();
    expect(train.OutputDataConfig.KmsKeyId).toBe(placeholder(arnOf(stack.dataLake.key)));
    expect(train.OutputDataConfig.S3OutputPath).toBe(
      `s3://${placeholder(ref(stack.dataLake.bucket('curated')))}/models/`,
    );
    expect(
      train.InputDataConfig.map(
        (c: { DataSource: { S3DataSource: { S3Uri: string } } }) => c.DataSource.S3DataSource.S3Uri,
      ),
    ).toEqual([`s3://${placeholder(ref(stack.dataLake.bucket('features')))}/train/`]);
  });

  test('the configured GPU type, one the deny policy allows; the training role runs the job', () => {
    expect(train.ResourceConfig.InstanceType).toBe(DEFAULT_CONFIG.training.pipelineInstanceType);
    expect(compute.allowedInstanceTypes).toContain(train.ResourceConfig.InstanceType);
    expect(train.RoleArn).toBe(placeholder(arnOf(compute.trainingRole)));
  });

  test('registration is PendingManualApproval into the group', () => {
    expect(register.ModelApprovalStatus).toBe('PendingManualApproval');
    expect(register.ModelPackageGroupName).toBe('ztai-dev-models');
  });

  test('the pipeline role carries both halves of the training deny policy', () => {
    const arns = resourceOf(template, pipeline.role).Properties?.ManagedPolicyArns;
    expect(arns).toEqual(
      expect.arrayContaining([ref(compute.isolationPolicies.jobs), ref(compute.isolationPolicies.workspaces)]),
    );
  });

  test('the deny policy limits job instance types to the configured GPU types', () => {
    const doc = JSON.stringify(resourceOf(template, compute.isolationPolicies.jobs).Properties?.PolicyDocument);
    for (const t of DEFAULT_CONFIG.training.sagemakerInstanceTypes) expect(doc).toContain(`"${t}"`);
    expect(doc).toContain('sagemaker:InstanceTypes');
  });

  test('the training image defaults to a private ECR repository of this account', () => {
    expect(JSON.stringify(train.AlgorithmSpecification.TrainingImage)).toMatch(
      /AWS::AccountId.*dkr\.ecr\..*ztai-training:latest/,
    );
  });
});

describe('AWS reference stack: endpoints for Studio, notebooks and SSM-managed GPU nodes', () => {
  const services = Object.values(resourcesOfType(template, 'AWS::EC2::VPCEndpoint')).map((e) =>
    JSON.stringify(e.Properties?.ServiceName),
  );
  test.each([
    ['Studio', '"aws.sagemaker.",{"Ref":"AWS::Region"},".studio"'],
    ['notebooks', '"aws.sagemaker.",{"Ref":"AWS::Region"},".notebook"'],
    ['SSM', '"com.amazonaws.",{"Ref":"AWS::Region"},".ssm"'],
    ['SSM messages', '".ssmmessages"'],
    ['EC2 messages', '".ec2messages"'],
  ])('%s', (_label, fragment) => {
    expect(services.some((s) => s.includes(fragment))).toBe(true);
  });
  test('the launch template is present (the SSM endpoints serve its nodes)', () => {
    expect(compute.launchTemplate).toBeDefined();
  });
});

describe('AWS training configuration', () => {
  const build =
    (training: object, network: object = {}) =>
    () =>
      new AwsPlatformStack(new App(), 'Cfg', {
        config: resolveConfig({ training: training as never, network: network as never }),
      });

  test.each([
    [{ sagemakerInstanceTypes: ['ml.c5.xlarge'] }, 'BlueprintConfig.training.sagemakerInstanceTypes[0]'],
    [{ sagemakerInstanceTypes: [] }, 'BlueprintConfig.training.sagemakerInstanceTypes'],
    [
      { pipelineInstanceType: 'ml.g6.xlarge', sagemakerInstanceTypes: ['ml.g5.xlarge'] },
      'BlueprintConfig.training.pipelineInstanceType',
    ],
    [{ maxInstanceCount: 101 }, 'BlueprintConfig.training.maxInstanceCount'],
    [{ trainingImage: 'no-tag' }, 'BlueprintConfig.training.trainingImage'],
    [{ gpuLaunchTemplate: 'yes' }, 'BlueprintConfig.training.gpuLaunchTemplate'],
  ])('%p is rejected naming %s', (training, prop) => {
    expect(thrown(BlueprintConfigError, build(training)).prop).toBe(prop);
  });

  test('without the launch template the SSM endpoints may go; types and image follow the config', () => {
    const endpoints = DEFAULT_CONFIG.network.interfaceEndpoints.filter(
      (e) => !['ssm', 'ssmmessages', 'ec2messages'].includes(e),
    );
    const s = build(
      {
        gpuLaunchTemplate: false,
        sagemakerInstanceTypes: ['ml.p4d.24xlarge'],
        pipelineInstanceType: 'ml.p4d.24xlarge',
        trainingImage: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/train:1.0',
      },
      { interfaceEndpoints: endpoints },
    )();
    expect(s.training.compute.launchTemplate).toBeUndefined();
    expect(s.training.compute.allowedInstanceTypes).toEqual(['ml.p4d.24xlarge']);
    expect(Object.keys(s.network.interfaceEndpoints)).toHaveLength(11);
  });
});
