import { narrowGrantsRule } from '../../../policies/rules/identity/zt-identity-008-narrow-grants';
import { RuleCases, cfn, tf } from '../helpers';
import { azureCases } from './zt-identity-008-azure';

const one = (type: string, props: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  cfn({ R: { Type: type, Properties: props } }, extra);
const role = (arns: unknown, extra: Record<string, unknown> = {}) =>
  one('AWS::IAM::Role', { AssumeRolePolicyDocument: { Statement: [] }, ManagedPolicyArns: arns }, extra);
/** How CDK writes an AWS managed policy ARN (ManagedPolicy.fromAwsManagedPolicyName). */
const cdkArn = (name: string) => ({
  'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:iam::aws:policy/${name}`]],
});
const aws = (name: string) => `arn:aws:iam::aws:policy/${name}`;
const attachment = (type: string, arn: string, extra: Record<string, Record<string, unknown>> = {}) =>
  tf({ [type]: { a: { policy_arn: arn, ...(type.includes('role') ? { role: 'r' } : {}) } }, ...extra });
export const cases: RuleCases = {
  rule: narrowGrantsRule,
  cases: [
    { name: 'role without managed policies', doc: role(undefined), address: 'R', verdict: 'pass' },
    {
      name: 'Lambda role with CDK-written AWSLambdaBasicExecutionRole',
      doc: role([cdkArn('service-role/AWSLambdaBasicExecutionRole')]),
      address: 'R',
      verdict: 'pass',
    },
    {
      name: 'Lambda role with AWSLambdaVPCAccessExecutionRole',
      doc: role([aws('service-role/AWSLambdaVPCAccessExecutionRole')]),
      address: 'R',
      verdict: 'pass',
    },
    {
      name: 'role with AmazonS3FullAccess (CDK-written)',
      doc: role([cdkArn('AmazonS3FullAccess')]),
      address: 'R',
      verdict: 'fail',
      path: 'ManagedPolicyArns.0',
    },
    {
      name: 'role with the account-wide ReadOnlyAccess next to a narrow policy',
      doc: role([
        cdkArn('service-role/AWSLambdaBasicExecutionRole'),
        { 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/ReadOnlyAccess' },
      ]),
      address: 'R',
      verdict: 'fail',
      path: 'ManagedPolicyArns.1',
    },
    {
      name: 'role with a job-function policy',
      doc: role([aws('job-function/DataScientist')]),
      address: 'R',
      verdict: 'fail',
      path: 'ManagedPolicyArns.0',
    },
    {
      name: 'role with AdministratorAccess only: ZT-IDENTITY-003 reports it',
      doc: role([aws('AdministratorAccess')]),
      address: 'R',
      verdict: 'not_applicable',
    },
    {
      name: 'role with AdministratorAccess and AmazonSageMakerFullAccess: only the second is this rule’s',
      doc: role([aws('AdministratorAccess'), aws('AmazonSageMakerFullAccess')]),
      address: 'R',
      verdict: 'fail',
      path: 'ManagedPolicyArns.1',
      failingPaths: ['ManagedPolicyArns.1'],
    },
    {
      name: 'role with a service-scoped read-only AWS managed policy',
      doc: role([aws('AmazonS3ReadOnlyAccess')]),
      address: 'R',
      verdict: 'pass',
    },
    {
      name: 'role with a managed policy of the template',
      doc: cfn({
        R: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: {}, ManagedPolicyArns: [{ Ref: 'P' }] } },
        P: { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: { Statement: [] } } },
      }),
      address: 'R',
      verdict: 'pass',
    },
    {
      name: 'role with a customer managed policy of the account',
      doc: role([{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:policy/training-data-read' }]),
      address: 'R',
      verdict: 'pass',
    },
    {
      name: 'role managed policy from a parameter',
      doc: role([{ Ref: 'P' }], { Parameters: { P: { Type: 'String' } } }),
      address: 'R',
      verdict: 'unknown',
      path: 'ManagedPolicyArns.0',
    },
    {
      name: 'role with an AWS managed policy whose name is a parameter',
      doc: role([{ 'Fn::Sub': 'arn:aws:iam::aws:policy/${P}' }], { Parameters: { P: { Type: 'String' } } }),
      address: 'R',
      verdict: 'unknown',
      path: 'ManagedPolicyArns.0',
    },
    {
      name: 'user with ViewOnlyAccess',
      doc: one('AWS::IAM::User', { ManagedPolicyArns: [aws('job-function/ViewOnlyAccess')] }),
      address: 'R',
      verdict: 'fail',
      path: 'ManagedPolicyArns.0',
    },
    {
      name: 'user with a narrow AWS managed policy',
      doc: one('AWS::IAM::User', { ManagedPolicyArns: [aws('IAMUserChangePassword')] }),
      address: 'R',
      verdict: 'pass',
    },
    {
      name: 'group with the SystemAdministrator job function',
      doc: one('AWS::IAM::Group', { ManagedPolicyArns: [aws('job-function/SystemAdministrator')] }),
      address: 'R',
      verdict: 'fail',
      path: 'ManagedPolicyArns.0',
    },
    { name: 'group without managed policies', doc: one('AWS::IAM::Group', {}), address: 'R', verdict: 'pass' },
    {
      name: 'aws_iam_role with AmazonDynamoDBFullAccess',
      doc: tf({
        aws_iam_role: { r: { assume_role_policy: '{}', managed_policy_arns: [aws('AmazonDynamoDBFullAccess')] } },
      }),
      address: 'aws_iam_role.r',
      verdict: 'fail',
      path: 'managed_policy_arns.0',
    },
    {
      name: 'aws_iam_role with a narrow service-role policy',
      doc: tf({
        aws_iam_role: {
          r: { assume_role_policy: '{}', managed_policy_arns: [aws('service-role/AWSLambdaBasicExecutionRole')] },
        },
      }),
      address: 'aws_iam_role.r',
      verdict: 'pass',
    },
    {
      name: 'aws_iam_role managed_policy_arns from a variable',
      doc: tf({ aws_iam_role: { r: { assume_role_policy: '{}', managed_policy_arns: '${var.policies}' } } }),
      address: 'aws_iam_role.r',
      verdict: 'unknown',
      path: 'managed_policy_arns',
    },
    {
      name: 'role policy attachment of ReadOnlyAccess in GovCloud',
      doc: attachment('aws_iam_role_policy_attachment', 'arn:aws-us-gov:iam::aws:policy/ReadOnlyAccess'),
      address: 'aws_iam_role_policy_attachment.a',
      verdict: 'fail',
      path: 'policy_arn',
    },
    {
      name: 'role policy attachment of a policy of the configuration',
      doc: attachment('aws_iam_role_policy_attachment', '${aws_iam_policy.p.arn}', {
        aws_iam_policy: { p: { policy: '{}' } },
      }),
      address: 'aws_iam_role_policy_attachment.a',
      verdict: 'pass',
    },
    {
      name: 'role policy attachment of IAMFullAccess: ZT-IDENTITY-003 reports it',
      doc: attachment('aws_iam_role_policy_attachment', aws('IAMFullAccess')),
      address: 'aws_iam_role_policy_attachment.a',
      verdict: 'not_applicable',
    },
    {
      name: 'role policy attachment from a variable',
      doc: attachment('aws_iam_role_policy_attachment', '${var.policy_arn}'),
      address: 'aws_iam_role_policy_attachment.a',
      verdict: 'unknown',
      path: 'policy_arn',
    },
    {
      name: 'user policy attachment of AmazonS3FullAccess',
      doc: attachment('aws_iam_user_policy_attachment', aws('AmazonS3FullAccess')),
      address: 'aws_iam_user_policy_attachment.a',
      verdict: 'fail',
      path: 'policy_arn',
    },
    {
      name: 'user policy attachment of an account policy',
      doc: attachment('aws_iam_user_policy_attachment', 'arn:aws:iam::123456789012:policy/read-curated'),
      address: 'aws_iam_user_policy_attachment.a',
      verdict: 'pass',
    },
    {
      name: 'group policy attachment of the DatabaseAdministrator job function',
      doc: attachment('aws_iam_group_policy_attachment', aws('job-function/DatabaseAdministrator')),
      address: 'aws_iam_group_policy_attachment.a',
      verdict: 'fail',
      path: 'policy_arn',
    },
    {
      name: 'group policy attachment of a narrow AWS managed policy',
      doc: attachment('aws_iam_group_policy_attachment', aws('AmazonEC2ReadOnlyAccess')),
      address: 'aws_iam_group_policy_attachment.a',
      verdict: 'pass',
    },
    {
      name: 'policy attachment of AWSLambda_FullAccess',
      doc: attachment('aws_iam_policy_attachment', aws('AWSLambda_FullAccess')),
      address: 'aws_iam_policy_attachment.a',
      verdict: 'fail',
      path: 'policy_arn',
    },
    {
      name: 'policy attachment of a narrow service-role policy',
      doc: attachment('aws_iam_policy_attachment', aws('service-role/AWSLambdaVPCAccessExecutionRole')),
      address: 'aws_iam_policy_attachment.a',
      verdict: 'pass',
    },
    {
      name: 'policy attachment of a data source policy',
      doc: attachment('aws_iam_policy_attachment', '${data.aws_iam_policy.p.arn}'),
      address: 'aws_iam_policy_attachment.a',
      verdict: 'unknown',
      path: 'policy_arn',
    },
    ...azureCases,
  ],
};
