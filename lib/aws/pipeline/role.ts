import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { INITIAL_APPROVAL_STATUS } from '../../core/pipeline';
import { acknowledgeNagRule } from '../waive';
import { modelGroupArns } from './model-package-group';

/**
 * Pipelines name the jobs they start `pipelines-<execution id>-<step name>-<suffix>`, so the
 * pipeline role can be limited to jobs under that prefix.
 */
export const PIPELINE_JOB_PREFIX = 'pipelines-';

export interface PipelineRoleInputs {
  readonly trainingRole: iam.IRole;
  readonly encryptionKey: kms.IKey;
  readonly modelGroupName: string;
  readonly jobGuardrail: iam.IManagedPolicy;
}

/**
 * The role SageMaker Pipelines assumes to run the steps: it may start and watch training jobs the
 * pipeline names, pass only the training role to SageMaker, let SageMaker create the volume key
 * grant, and register versions in the one model group, never as approved and never change them.
 * The training-compute guardrail (deny unless platform subnets, isolation, encryption and GPU
 * types) is attached, so a modified definition still cannot start a non-compliant job.
 */
export function createPipelineRole(
  scope: Construct,
  i: PipelineRoleInputs,
): { role: iam.Role; policy: iam.ManagedPolicy } {
  const stack = Stack.of(scope);
  const role = new iam.Role(scope, 'PipelineRole', {
    assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com', {
      // Confused deputy: only SageMaker acting for this account.
      conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
    }),
    description: 'SageMaker Pipelines execution role of the training pipeline',
  });
  role.addManagedPolicy(i.jobGuardrail);
  const group = modelGroupArns(scope, i.modelGroupName);
  const jobs = stack.formatArn({
    service: 'sagemaker',
    resource: 'training-job',
    resourceName: `${PIPELINE_JOB_PREFIX}*`,
  });
  const policy = new iam.ManagedPolicy(scope, 'PipelinePolicy', {
    description: 'Least privilege of the training pipeline role',
    roles: [role],
    statements: [
      new iam.PolicyStatement({
        sid: 'RunPipelineTrainingJobs',
        actions: [
          'sagemaker:CreateTrainingJob',
          'sagemaker:DescribeTrainingJob',
          'sagemaker:StopTrainingJob',
          'sagemaker:AddTags',
        ],
        resources: [jobs],
      }),
      new iam.PolicyStatement({
        sid: 'PassOnlyTheTrainingRole',
        actions: ['iam:PassRole'],
        resources: [i.trainingRole.roleArn],
        conditions: { StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' } },
      }),
      new iam.PolicyStatement({
        sid: 'VolumeKeyGrantsForSageMaker',
        actions: ['kms:CreateGrant', 'kms:DescribeKey'],
        resources: [i.encryptionKey.keyArn],
        conditions: { Bool: { 'kms:GrantIsForAWSResource': 'true' } },
      }),
      new iam.PolicyStatement({
        sid: 'RegisterVersions',
        actions: ['sagemaker:CreateModelPackage', 'sagemaker:DescribeModelPackage', 'sagemaker:AddTags'],
        resources: [group.versions],
      }),
      new iam.PolicyStatement({
        sid: 'ReadGroup',
        actions: ['sagemaker:DescribeModelPackageGroup'],
        resources: [group.group],
      }),
      new iam.PolicyStatement({
        sid: 'RegisterOnlyPending',
        effect: iam.Effect.DENY,
        actions: ['sagemaker:CreateModelPackage'],
        resources: ['*'],
        conditions: { StringNotEqualsIfExists: { 'sagemaker:ModelApprovalStatus': INITIAL_APPROVAL_STATUS } },
      }),
      new iam.PolicyStatement({
        sid: 'NeverApprove',
        effect: iam.Effect.DENY,
        actions: ['sagemaker:UpdateModelPackage'],
        resources: ['*'],
      }),
    ],
  });
  acknowledgeNagRule(
    policy,
    'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:sagemaker:<AWS::Region>:<AWS::AccountId>:training-job/pipelines-*]',
    'SageMaker Pipelines generates each training job name at run time (pipelines-<execution>-<step>-<suffix>); ' +
      'the role is limited to that prefix, and the attached guardrail denies any job outside the platform network.',
  );
  acknowledgeNagRule(
    policy,
    `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:sagemaker:<AWS::Region>:<AWS::AccountId>:model-package/${i.modelGroupName}/*]`,
    'Model package versions are numbered by SageMaker at registration; the role may register only into this ' +
      'one group, only as PendingManualApproval (explicit deny), and may never update a version.',
  );
  return { role, policy };
}
