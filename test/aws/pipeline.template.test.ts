import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { buildGraph, evaluate, loadCloudFormationObject } from '../../policies/engine';
import { privateRegistriesRule } from '../../policies/rules/model/zt-model-001-private-registries';
import { jobIsolationRule } from '../../policies/rules/pipeline/zt-pipeline-002-job-isolation';
import { arnOf, logicalId, resourceOf, resourcesOfType, tagsOf } from './helpers';
import { buildPipeline } from './pipeline-fixture';

const stack = new Stack(new App(), 'S');
const { inputs, pipeline } = buildPipeline(stack);
const template = Template.fromStack(stack);
const ref = (c: Parameters<typeof logicalId>[0]) => ({ Ref: logicalId(c) });

/**
 * The PipelineDefinitionBody as the template holds it (an Fn::Join of JSON text and intrinsics),
 * parsed back into an object with each intrinsic replaced by a readable placeholder, e.g.
 * `{Fn::GetAtt:[TrainingRole,Arn]}` -> `<{'Fn::GetAtt':['TrainingRoleXXXX','Arn']}>`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function definitionFromTemplate(): any {
  const body = resourceOf(template, pipeline.pipeline).Properties?.PipelineDefinition.PipelineDefinitionBody;
  const text =
    typeof body === 'string'
      ? body
      : (body['Fn::Join'][1] as unknown[])
          .map((part) => (typeof part === 'string' ? part : `<${JSON.stringify(part).replace(/"/g, "'")}>`))
          .join('');
  return JSON.parse(text);
}
const placeholder = (intrinsic: unknown) => `<${JSON.stringify(intrinsic).replace(/"/g, "'")}>`;
const definition = definitionFromTemplate();
const train = definition.Steps.find((s: { Name: string }) => s.Name === 'Train');
const register = definition.Steps.find((s: { Name: string }) => s.Name === 'Register');

describe('TrainingPipeline definition (as synthesized)', () => {
  test('schema version 2020-12-01, no parameters an execution could override', () => {
    expect(definition.Version).toBe('2020-12-01');
    expect(definition.Parameters).toEqual([]);
    expect(definition.Steps.map((s: { Type: string }) => s.Type)).toEqual(['Training', 'RegisterModel']);
  });

  test('training runs in the isolated subnets with the platform security group', () => {
    expect(train.Arguments.VpcConfig).toEqual({
      Subnets: inputs.vpc.isolatedSubnets.map((s) => placeholder({ Ref: logicalId(s) })),
      SecurityGroupIds: [placeholder({ 'Fn::GetAtt': [logicalId(inputs.securityGroups[0]), 'GroupId'] })],
    });
  });

  test('network isolation and inter-container traffic encryption are on', () => {
    expect(train.Arguments.EnableNetworkIsolation).toBe(true);
    expect(train.Arguments.EnableInterContainerTrafficEncryption).toBe(true);
  });

  test('model artifacts are encrypted with the platform key; the g5 NVMe volume by the instance (no volume key)', () => {
    const key = placeholder(arnOf(inputs.key));
    expect(train.Arguments.ResourceConfig).not.toHaveProperty('VolumeKmsKeyId');
    expect(train.Arguments.OutputDataConfig.KmsKeyId).toBe(key);
    expect(train.Arguments.OutputDataConfig.S3OutputPath).toBe(`s3://${placeholder(ref(inputs.bucket))}/models/`);
  });

  test('a GPU instance, the training role, a stopping condition and the input channel', () => {
    expect(train.Arguments.ResourceConfig).toMatchObject({
      InstanceType: 'ml.g5.2xlarge',
      InstanceCount: 1,
      VolumeSizeInGB: 100,
    });
    expect(train.Arguments.RoleArn).toBe(placeholder(arnOf(inputs.trainingRole)));
    expect(train.Arguments.StoppingCondition).toEqual({ MaxRuntimeInSeconds: 86400 });
    expect(train.Arguments.InputDataConfig).toEqual([
      {
        ChannelName: 'train',
        DataSource: {
          S3DataSource: {
            S3DataType: 'S3Prefix',
            S3Uri: `s3://${placeholder(ref(inputs.bucket))}/train/`,
            S3DataDistributionType: 'FullyReplicated',
          },
        },
      },
    ]);
  });

  test('the model is registered PendingManualApproval into the group, from the training output', () => {
    expect(register.Arguments.ModelPackageGroupName).toBe('ztai-dev-models');
    expect(register.Arguments.ModelApprovalStatus).toBe('PendingManualApproval');
    expect(register.Arguments.InferenceSpecification.Containers).toEqual([
      { Image: inputs.trainingImage, ModelDataUrl: { Get: 'Steps.Train.ModelArtifacts.S3ModelArtifacts' } },
    ]);
  });
});

describe('TrainingPipeline resources', () => {
  test('the pipeline runs as the pipeline role, after its policy and the group exist', () => {
    const r = template.toJSON().Resources[logicalId(pipeline.pipeline)];
    expect(r.Properties.RoleArn).toEqual(arnOf(pipeline.role));
    expect(r.Properties.PipelineName).toBe('ztai-dev-training');
    expect(r.DependsOn).toEqual(
      expect.arrayContaining([logicalId(pipeline.policy), logicalId(pipeline.modelPackageGroup)]),
    );
  });

  test('the model package group is retained and its policy keeps registration and approval apart', () => {
    const group = resourceOf(template, pipeline.modelPackageGroup);
    expect([group.DeletionPolicy, group.UpdateReplacePolicy]).toEqual(['Retain', 'Retain']);
    const statements = group.Properties?.ModelPackageGroupPolicy.Statement;
    const versions = {
      'Fn::Join': [
        '',
        [
          'arn:',
          { Ref: 'AWS::Partition' },
          ':sagemaker:',
          { Ref: 'AWS::Region' },
          ':',
          { Ref: 'AWS::AccountId' },
          ':model-package/ztai-dev-models/*',
        ],
      ],
    };
    expect(statements).toEqual([
      {
        Sid: 'DenyRegisterExceptPipeline',
        Effect: 'Deny',
        Principal: { AWS: '*' },
        Action: 'sagemaker:CreateModelPackage',
        Resource: [versions],
        Condition: { ArnNotEquals: { 'aws:PrincipalArn': [arnOf(pipeline.role)] } },
      },
      {
        Sid: 'DenyApprovalExceptApprovers',
        Effect: 'Deny',
        Principal: { AWS: '*' },
        Action: 'sagemaker:UpdateModelPackage',
        Resource: [versions],
        Condition: { ArnNotEquals: { 'aws:PrincipalArn': [arnOf(pipeline.approverRole!)] } },
      },
    ]);
  });

  test('the pipeline role: SageMaker for this account only, the guardrail attached, no inline policy', () => {
    const role = resourceOf(template, pipeline.role).Properties!;
    expect(role.AssumeRolePolicyDocument.Statement).toEqual([
      {
        Action: 'sts:AssumeRole',
        Effect: 'Allow',
        Principal: { Service: 'sagemaker.amazonaws.com' },
        Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
      },
    ]);
    expect(role.ManagedPolicyArns).toEqual([ref(inputs.jobGuardrail)]);
    expect(role.Policies).toBeUndefined();
    const inline = Object.values(resourcesOfType(template, 'AWS::IAM::Policy'));
    expect(inline.filter((p) => JSON.stringify(p.Properties?.Roles).includes(logicalId(pipeline.role)))).toEqual([]);
  });

  test('the pipeline policy: pass only the training role, pipeline jobs only, register only pending, never approve', () => {
    const statements = resourceOf(template, pipeline.policy).Properties?.PolicyDocument.Statement as {
      Sid: string;
      Effect: string;
      Action: string | string[];
      Resource: unknown;
      Condition?: unknown;
    }[];
    const sid = (s: string) => statements.find((x) => x.Sid === s)!;
    expect(sid('PassOnlyTheTrainingRole')).toMatchObject({
      Action: 'iam:PassRole',
      Resource: arnOf(inputs.trainingRole),
      Condition: { StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' } },
    });
    expect(JSON.stringify(sid('RunPipelineTrainingJobs').Resource)).toContain(':training-job/pipelines-*');
    expect(sid('RegisterOnlyPending')).toMatchObject({
      Effect: 'Deny',
      Action: 'sagemaker:CreateModelPackage',
      Condition: { StringNotEqualsIfExists: { 'sagemaker:ModelApprovalStatus': 'PendingManualApproval' } },
    });
    expect(sid('NeverApprove')).toMatchObject({
      Effect: 'Deny',
      Action: 'sagemaker:UpdateModelPackage',
      Resource: '*',
    });
    // No wildcard action anywhere, and "*" resources only on the two denies.
    expect(statements.flatMap((s) => [s.Action].flat()).filter((a) => a.includes('*'))).toEqual([]);
    expect(statements.filter((s) => s.Resource === '*').map((s) => s.Effect)).toEqual(['Deny', 'Deny']);
  });

  test('the default approver may only set Approved or Rejected on this group', () => {
    const approverPolicy = Object.values(resourcesOfType(template, 'AWS::IAM::ManagedPolicy')).find((p) =>
      JSON.stringify(p.Properties?.Roles ?? []).includes(logicalId(pipeline.approverRole!)),
    )!;
    const decide = approverPolicy.Properties?.PolicyDocument.Statement.find((s: { Sid: string }) => s.Sid === 'Decide');
    expect(decide.Condition).toEqual({ StringEquals: { 'sagemaker:ModelApprovalStatus': ['Approved', 'Rejected'] } });
  });

  test('governance tags on the pipeline and the group', () => {
    for (const c of [pipeline.pipeline, pipeline.modelPackageGroup]) {
      expect(tagsOf(resourceOf(template, c))).toMatchObject({ lineage: 'ztai:pipeline', project: 'ztai' });
    }
  });
});

test('given approvers, no approver role is created and the group admits exactly them', () => {
  const s = new Stack(new App(), 'A');
  const approver = new iam.Role(s, 'Release', { assumedBy: new iam.AccountRootPrincipal() });
  const { pipeline: p } = buildPipeline(s, { approvers: [approver] });
  expect(p.approverRole).toBeUndefined();
  const t = Template.fromStack(s);
  const statements = resourceOf(t, p.modelPackageGroup).Properties?.ModelPackageGroupPolicy.Statement;
  expect(statements[1].Condition.ArnNotEquals['aws:PrincipalArn']).toEqual([arnOf(approver)]);
  expect(Object.keys(resourcesOfType(t, 'AWS::IAM::Role')).filter((k) => k.includes('Approver'))).toEqual([]);
});

test('a separate artifact key goes to OutputDataConfig only; an EBS-backed instance gets the platform volume key', () => {
  const s = new Stack(new App(), 'K');
  const outputKey = new kms.Key(s, 'ArtifactKey', { enableKeyRotation: true });
  const { inputs: i, pipeline: p } = buildPipeline(s, { outputKey, instanceType: 'ml.p3.2xlarge' });
  const body = JSON.stringify(s.resolve(p.definition));
  const train = JSON.parse(body).Steps[0].Arguments;
  expect(train.OutputDataConfig.KmsKeyId).toEqual(arnOf(outputKey));
  expect(train.ResourceConfig.VolumeKmsKeyId).toEqual(arnOf(i.key));
});

test('the pack reads the synthesized definition: every step isolated and encrypted, the group not public', () => {
  const doc = loadCloudFormationObject(template.toJSON(), { file: 'S.template.json' });
  const result = evaluate(buildGraph([doc]), [jobIsolationRule, privateRegistriesRule]);
  const judged = result.findings.map((f) => [f.ruleId, f.resource.type, f.verdict]).sort();
  expect(judged).toEqual([
    ['ZT-MODEL-001', 'AWS::SageMaker::ModelPackageGroup', 'pass'],
    ['ZT-PIPELINE-002', 'AWS::SageMaker::Pipeline', 'pass'],
  ]);
});
