import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';
import { Construct } from 'constructs';
import { acknowledgeNagRule, waive } from '../waive';

/** ARNs of a model package group and of its versions, built from the name (no self-reference). */
export function modelGroupArns(scope: Construct, name: string): { group: string; versions: string } {
  const stack = Stack.of(scope);
  return {
    group: stack.formatArn({ service: 'sagemaker', resource: 'model-package-group', resourceName: name }),
    versions: stack.formatArn({ service: 'sagemaker', resource: 'model-package', resourceName: `${name}/*` }),
  };
}

/**
 * The model package group, whose resource policy holds the approval gate whatever identity
 * policies say: only the registrars (the pipeline role) may create versions, only the approvers
 * may change a version's approval status. Principals are matched by `aws:PrincipalArn` (the role
 * ARN of an assumed-role session).
 */
export function createModelPackageGroup(
  scope: Construct,
  name: string,
  registrarArns: string[],
  approverArns: string[],
): sagemaker.CfnModelPackageGroup {
  const arns = modelGroupArns(scope, name);
  const deny = (sid: string, action: string, allowed: string[]) => ({
    Sid: sid,
    Effect: 'Deny',
    Principal: { AWS: '*' },
    Action: action,
    Resource: [arns.versions],
    Condition: { ArnNotEquals: { 'aws:PrincipalArn': allowed } },
  });
  const group = new sagemaker.CfnModelPackageGroup(scope, 'ModelPackageGroup', {
    modelPackageGroupName: name,
    modelPackageGroupDescription: 'Trained models; every version starts PendingManualApproval',
    modelPackageGroupPolicy: {
      Version: '2012-10-17',
      Statement: [
        deny('DenyRegisterExceptPipeline', 'sagemaker:CreateModelPackage', registrarArns),
        deny('DenyApprovalExceptApprovers', 'sagemaker:UpdateModelPackage', approverArns),
      ],
    },
  });
  // The registry holds the record of what was approved: never removed by a stack delete.
  group.applyRemovalPolicy(RemovalPolicy.RETAIN);
  return group;
}

/**
 * The default approver: a role that principals of this account may assume when their own IAM
 * policy allows it, which can only read the group's versions and set their approval status.
 */
export function createApproverRole(scope: Construct, name: string): iam.Role {
  const arns = modelGroupArns(scope, name);
  const role = new iam.Role(scope, 'ApproverRole', {
    assumedBy: new iam.AccountRootPrincipal(),
    description: `Approves or rejects versions of the ${name} model package group`,
  });
  const policy = new iam.ManagedPolicy(scope, 'ApproverPolicy', {
    description: 'Model approval: read versions, set their approval status to Approved or Rejected',
    roles: [role],
    statements: [
      new iam.PolicyStatement({
        sid: 'ReadGroup',
        actions: ['sagemaker:DescribeModelPackageGroup'],
        resources: [arns.group],
      }),
      new iam.PolicyStatement({
        sid: 'ReviewVersions',
        actions: ['sagemaker:DescribeModelPackage'],
        resources: [arns.versions],
      }),
      new iam.PolicyStatement({
        sid: 'Decide',
        actions: ['sagemaker:UpdateModelPackage'],
        resources: [arns.versions],
        conditions: { StringEquals: { 'sagemaker:ModelApprovalStatus': ['Approved', 'Rejected'] } },
      }),
      new iam.PolicyStatement({ sid: 'ListVersions', actions: ['sagemaker:ListModelPackages'], resources: ['*'] }),
    ],
  });
  const listReason =
    'sagemaker:ListModelPackages names a group, not a model-package ARN, so the request carries no resource a ' +
    'narrower Resource could match (the reference lists model-package only as optional); it returns version ' +
    'metadata only, and every other action is scoped to this group.';
  acknowledgeNagRule(policy, 'AwsSolutions-IAM5[Resource::*]', listReason);
  waive(policy, { ruleId: 'ZT-IDENTITY-009', reason: listReason });
  acknowledgeNagRule(
    policy,
    `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:sagemaker:<AWS::Region>:<AWS::AccountId>:model-package/${name}/*]`,
    'Model package versions are numbered by SageMaker at registration, so approval can only be granted ' +
      'on the versions of this one group (model-package/<group>/*).',
  );
  return role;
}
