import { noWildcardActionsRule } from '../../../policies/rules/identity/zt-identity-002-no-wildcard-actions';
import { RuleCases, cfn, tf } from '../helpers';

const stmt = (Action: unknown, extra: Record<string, unknown> = {}) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action, Resource: 'arn:aws:s3:::b/*', ...extra }],
});
const one = (type: string, props: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  cfn({ R: { Type: type, Properties: props } }, extra);
const role = (props: Record<string, unknown>) =>
  one('AWS::IAM::Role', { AssumeRolePolicyDocument: { Statement: [] }, ...props });
const tfOne = (type: string, body: Record<string, unknown>) => tf({ [type]: { r: body } });

export const cases: RuleCases = {
  rule: noWildcardActionsRule,
  cases: [
    {
      name: 'role with named actions',
      doc: role({ Policies: [{ PolicyName: 'p', PolicyDocument: stmt(['s3:GetObject', 's3:GetObject*']) }] }),
      address: 'R',
      verdict: 'pass',
    },
    {
      name: 'role with s3:*',
      doc: role({ Policies: [{ PolicyName: 'p', PolicyDocument: stmt(['s3:GetObject', 's3:*']) }] }),
      address: 'R',
      verdict: 'fail',
      path: 'Policies.0.PolicyDocument.Statement.0.Action.1',
    },
    {
      name: 'role statement without an Effect (IAM rejects it; judged at synth)',
      doc: role({
        Policies: [{ PolicyName: 'p', PolicyDocument: { Statement: [{ Action: 's3:GetObject', Resource: '*' }] } }],
      }),
      address: 'R',
      verdict: 'fail',
      path: 'Policies.0.PolicyDocument.Statement.0.Effect',
      message: /has no Effect/,
    },
    {
      name: 'tf policy statement with a misspelt Effect',
      doc: tfOne('aws_iam_policy', {
        policy: JSON.stringify({ Statement: [{ Effect: 'Alow', Action: 's3:GetObject', Resource: '*' }] }),
      }),
      address: 'aws_iam_policy.r',
      verdict: 'fail',
      path: 'policy.Statement.0.Effect',
      message: /"Alow"/,
    },
    {
      name: 'user with an Allow NotAction',
      doc: one('AWS::IAM::User', {
        Policies: [
          { PolicyName: 'p', PolicyDocument: { Statement: [{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }] } },
        ],
      }),
      address: 'R',
      verdict: 'fail',
      path: 'Policies.0.PolicyDocument.Statement.0.NotAction',
    },
    { name: 'user without policies', doc: one('AWS::IAM::User', {}), address: 'R', verdict: 'pass' },
    {
      name: 'group with "*"',
      doc: one('AWS::IAM::Group', { Policies: [{ PolicyName: 'p', PolicyDocument: stmt('*') }] }),
      address: 'R',
      verdict: 'fail',
      path: 'Policies.0.PolicyDocument.Statement.0.Action',
    },
    {
      name: 'policy with "*:*"',
      doc: one('AWS::IAM::Policy', { PolicyName: 'p', PolicyDocument: stmt('*:*') }),
      address: 'R',
      verdict: 'fail',
      path: 'PolicyDocument.Statement.0.Action',
    },
    {
      name: 'group with a deny of *',
      doc: one('AWS::IAM::Group', {
        Policies: [
          { PolicyName: 'p', PolicyDocument: { Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] } },
        ],
      }),
      address: 'R',
      verdict: 'pass',
    },
    {
      name: 'policy with kms actions',
      doc: one('AWS::IAM::Policy', { PolicyName: 'p', PolicyDocument: stmt(['kms:Decrypt']) }),
      address: 'R',
      verdict: 'pass',
    },
    {
      name: 'policy with iam:*',
      doc: one('AWS::IAM::Policy', { PolicyName: 'p', PolicyDocument: stmt('iam:*') }),
      address: 'R',
      verdict: 'fail',
      path: 'PolicyDocument.Statement.0.Action',
    },
    {
      name: 'policy action from a parameter',
      doc: one(
        'AWS::IAM::Policy',
        { PolicyName: 'p', PolicyDocument: stmt({ Ref: 'A' }) },
        { Parameters: { A: { Type: 'String' } } },
      ),
      address: 'R',
      verdict: 'unknown',
    },
    {
      name: 'managed policy with named actions',
      doc: one('AWS::IAM::ManagedPolicy', { PolicyDocument: stmt('sagemaker:CreateTrainingJob') }),
      address: 'R',
      verdict: 'pass',
    },
    {
      name: 'managed policy with sagemaker:*',
      doc: one('AWS::IAM::ManagedPolicy', { PolicyDocument: stmt('sagemaker:*') }),
      address: 'R',
      verdict: 'fail',
      path: 'PolicyDocument.Statement.0.Action',
    },
    {
      name: 'tf role without policies',
      doc: tfOne('aws_iam_role', { assume_role_policy: '{}' }),
      address: 'aws_iam_role.r',
      verdict: 'pass',
    },
    {
      name: 'tf role with an inline "*"',
      doc: tfOne('aws_iam_role', { inline_policy: [{ name: 'p', policy: JSON.stringify(stmt('*')) }] }),
      address: 'aws_iam_role.r',
      verdict: 'fail',
      path: 'inline_policy.0.policy.Statement.0.Action',
    },
    {
      name: 'tf policy with named actions',
      doc: tfOne('aws_iam_policy', { policy: JSON.stringify(stmt(['s3:GetObject'])) }),
      address: 'aws_iam_policy.r',
      verdict: 'pass',
    },
    {
      name: 'tf policy with ec2:*',
      doc: tfOne('aws_iam_policy', { policy: JSON.stringify(stmt(['ec2:*'])) }),
      address: 'aws_iam_policy.r',
      verdict: 'fail',
      path: 'policy.Statement.0.Action.0',
    },
    {
      name: 'tf policy document from a data source',
      doc: tfOne('aws_iam_policy', { policy: '${data.aws_iam_policy_document.d.json}' }),
      address: 'aws_iam_policy.r',
      verdict: 'unknown',
    },
    {
      name: 'tf role policy with named actions',
      doc: tfOne('aws_iam_role_policy', { role: 'r', policy: JSON.stringify(stmt('s3:PutObject')) }),
      address: 'aws_iam_role_policy.r',
      verdict: 'pass',
    },
    {
      name: 'tf role policy with "*"',
      doc: tfOne('aws_iam_role_policy', { role: 'r', policy: JSON.stringify(stmt('*')) }),
      address: 'aws_iam_role_policy.r',
      verdict: 'fail',
    },
    {
      name: 'tf user policy with named actions',
      doc: tfOne('aws_iam_user_policy', { user: 'u', policy: JSON.stringify(stmt('s3:GetObject')) }),
      address: 'aws_iam_user_policy.r',
      verdict: 'pass',
    },
    {
      name: 'tf user policy with s3:*',
      doc: tfOne('aws_iam_user_policy', { user: 'u', policy: JSON.stringify(stmt('s3:*')) }),
      address: 'aws_iam_user_policy.r',
      verdict: 'fail',
    },
    {
      name: 'tf group policy with named actions',
      doc: tfOne('aws_iam_group_policy', { group: 'g', policy: JSON.stringify(stmt('s3:GetObject')) }),
      address: 'aws_iam_group_policy.r',
      verdict: 'pass',
    },
    {
      name: 'tf group policy with "*"',
      doc: tfOne('aws_iam_group_policy', { group: 'g', policy: JSON.stringify(stmt('*')) }),
      address: 'aws_iam_group_policy.r',
      verdict: 'fail',
    },
    {
      name: 'tf SSO permission set policy with named actions',
      doc: tfOne('aws_ssoadmin_permission_set_inline_policy', { inline_policy: JSON.stringify(stmt('s3:GetObject')) }),
      address: 'aws_ssoadmin_permission_set_inline_policy.r',
      verdict: 'pass',
    },
    {
      name: 'tf SSO permission set policy with "*"',
      doc: tfOne('aws_ssoadmin_permission_set_inline_policy', { inline_policy: JSON.stringify(stmt('*')) }),
      address: 'aws_ssoadmin_permission_set_inline_policy.r',
      verdict: 'fail',
      path: 'inline_policy.Statement.0.Action',
    },
  ],
};
