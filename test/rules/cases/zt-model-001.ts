import { privateRegistriesRule } from '../../../policies/rules/model/zt-model-001-private-registries';
import { RuleCases, cfn, tf } from '../helpers';

const PULL = ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'];
const policy = (statement: Record<string, unknown>) => ({ Version: '2012-10-17', Statement: [statement] });
const ANYONE = { Effect: 'Allow', Principal: '*', Action: PULL };
const ORG_ONLY = { ...ANYONE, Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } };
const ACCOUNT = { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: PULL };

const repo = (props: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  cfn({ R: { Type: 'AWS::ECR::Repository', Properties: { RepositoryName: 'train', ...props } } }, extra);
const tfPolicy = (text: unknown) =>
  tf({
    aws_ecr_repository: { r: { name: 'train' } },
    aws_ecr_repository_policy: { p: { repository: '${aws_ecr_repository.r.name}', policy: text } },
  });
const group = (props: Record<string, unknown>) =>
  cfn({ G: { Type: 'AWS::SageMaker::ModelPackageGroup', Properties: { ModelPackageGroupName: 'm', ...props } } });
const tfGroupPolicy = (doc: unknown) =>
  tf({
    aws_sagemaker_model_package_group_policy: {
      p: { model_package_group_name: 'm', resource_policy: JSON.stringify(doc) },
    },
  });
const ACR = { name: 'acr', resource_group_name: 'rg', location: 'westeurope' };
const PRIVATE_ACR = {
  ...ACR,
  sku: 'Premium',
  admin_enabled: false,
  anonymous_pull_enabled: false,
  public_network_access_enabled: false,
  export_policy_enabled: false,
};
const acr = (body: Record<string, unknown>) => tf({ azurerm_container_registry: { r: body } });
const ACR_ADDR = 'azurerm_container_registry.r';

export const cases: RuleCases = {
  rule: privateRegistriesRule,
  cases: [
    { name: 'ECR repository without a policy', doc: repo({}), address: 'R', verdict: 'pass' },
    {
      name: 'ECR policy naming a role of the stack (its Arn known at deploy time, never "*")',
      doc: cfn({
        Role: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: {} } },
        R: {
          Type: 'AWS::ECR::Repository',
          Properties: {
            RepositoryName: 'train',
            RepositoryPolicyText: policy({ ...ANYONE, Principal: { AWS: { 'Fn::GetAtt': ['Role', 'Arn'] } } }),
          },
        },
      }),
      address: 'R',
      verdict: 'pass',
    },
    {
      name: 'ECR policy whose principal comes from a parameter',
      doc: repo(
        { RepositoryPolicyText: policy({ ...ANYONE, Principal: { AWS: { Ref: 'Puller' } } }) },
        { Parameters: { Puller: { Type: 'String' } } },
      ),
      address: 'R',
      verdict: 'unknown',
    },
    {
      name: 'ECR repository shared with the account',
      doc: repo({ RepositoryPolicyText: policy(ACCOUNT) }),
      address: 'R',
      verdict: 'pass',
    },
    {
      name: 'ECR repository open to everyone inside the organization',
      doc: repo({ RepositoryPolicyText: policy(ORG_ONLY) }),
      address: 'R',
      verdict: 'pass',
    },
    {
      name: 'ECR repository pullable by everyone',
      doc: repo({ RepositoryPolicyText: policy(ANYONE) }),
      address: 'R',
      verdict: 'fail',
      path: 'RepositoryPolicyText.Statement.0',
    },
    {
      name: 'ECR repository with ForAllValues on the org ID (true for anonymous callers)',
      doc: repo({
        RepositoryPolicyText: policy({
          ...ANYONE,
          Condition: { 'ForAllValues:StringEquals': { 'aws:PrincipalOrgID': 'o-abc123' } },
        }),
      }),
      address: 'R',
      verdict: 'fail',
      path: 'RepositoryPolicyText.Statement.0',
    },
    {
      name: 'ECR repository narrowed to a wildcard org ID',
      doc: repo({
        RepositoryPolicyText: policy({ ...ANYONE, Condition: { StringLike: { 'aws:PrincipalOrgID': '*' } } }),
      }),
      address: 'R',
      verdict: 'fail',
    },
    {
      name: 'ECR repository allowing everyone but a NotPrincipal list',
      doc: repo({ RepositoryPolicyText: policy({ Effect: 'Allow', NotPrincipal: { AWS: 'arn:x' }, Action: PULL }) }),
      address: 'R',
      verdict: 'fail',
    },
    {
      name: 'ECR repository whose principal comes from a parameter',
      doc: repo(
        { RepositoryPolicyText: policy({ ...ANYONE, Principal: { AWS: { Ref: 'Who' } } }) },
        { Parameters: { Who: { Type: 'String' } } },
      ),
      address: 'R',
      verdict: 'unknown',
      path: 'RepositoryPolicyText.Statement.0',
    },
    {
      name: 'tf repository policy for named principals',
      doc: tfPolicy(JSON.stringify(policy(ACCOUNT))),
      address: 'aws_ecr_repository_policy.p',
      verdict: 'pass',
    },
    {
      name: 'tf repository policy narrowed to a VPC endpoint',
      doc: tfPolicy(JSON.stringify(policy({ ...ANYONE, Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1' } } }))),
      address: 'aws_ecr_repository_policy.p',
      verdict: 'pass',
    },
    {
      name: 'tf repository policy for everyone, narrowed by a username only',
      doc: tfPolicy(
        JSON.stringify(policy({ ...ANYONE, Condition: { StringEquals: { 'aws:username': 'pull-user' } } })),
      ),
      address: 'aws_ecr_repository_policy.p',
      verdict: 'fail',
      path: 'policy.Statement.0',
    },
    {
      name: 'tf repository policy from a data source',
      doc: tfPolicy('${data.aws_iam_policy_document.pull.json}'),
      address: 'aws_ecr_repository_policy.p',
      verdict: 'unknown',
      path: 'policy',
    },
    {
      name: 'model package group whose policy only denies (the TrainingPipeline gate)',
      doc: group({
        ModelPackageGroupPolicy: policy({
          Effect: 'Deny',
          Principal: { AWS: '*' },
          Action: 'sagemaker:UpdateModelPackage',
          Resource: '*',
          Condition: { ArnNotEquals: { 'aws:PrincipalArn': ['arn:aws:iam::111122223333:role/approver'] } },
        }),
      }),
      address: 'G',
      verdict: 'pass',
    },
    {
      name: 'model package group readable by everyone',
      doc: group({ ModelPackageGroupPolicy: policy({ ...ANYONE, Action: 'sagemaker:DescribeModelPackage' }) }),
      address: 'G',
      verdict: 'fail',
      path: 'ModelPackageGroupPolicy.Statement.0',
    },
    {
      name: 'tf model package group policy for one account',
      doc: tfGroupPolicy(policy({ ...ACCOUNT, Action: 'sagemaker:DescribeModelPackage' })),
      address: 'aws_sagemaker_model_package_group_policy.p',
      verdict: 'pass',
    },
    {
      name: 'tf model package group policy for everyone',
      doc: tfGroupPolicy(policy({ ...ANYONE, Action: 'sagemaker:DescribeModelPackage' })),
      address: 'aws_sagemaker_model_package_group_policy.p',
      verdict: 'fail',
      path: 'resource_policy.Statement.0',
    },
    { name: 'private Premium registry', doc: acr(PRIVATE_ACR), address: ACR_ADDR, verdict: 'pass' },
    {
      name: 'registry with the defaults: one finding per setting',
      doc: acr({ ...ACR, sku: 'Standard' }),
      address: ACR_ADDR,
      verdict: 'fail',
      failingPaths: ['public_network_access_enabled', 'export_policy_enabled', 'sku'],
    },
    {
      name: 'registry with the admin user',
      doc: acr({ ...PRIVATE_ACR, admin_enabled: true }),
      address: ACR_ADDR,
      verdict: 'fail',
      path: 'admin_enabled',
    },
    {
      name: 'registry with anonymous pull',
      doc: acr({ ...PRIVATE_ACR, anonymous_pull_enabled: true }),
      address: ACR_ADDR,
      verdict: 'fail',
      path: 'anonymous_pull_enabled',
    },
    {
      name: 'registry public access from a variable',
      doc: acr({ ...PRIVATE_ACR, public_network_access_enabled: '${var.public}' }),
      address: ACR_ADDR,
      verdict: 'unknown',
      path: 'public_network_access_enabled',
    },
  ],
};
