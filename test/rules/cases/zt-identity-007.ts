import { noUserGrantsRule } from '../../../policies/rules/identity/zt-identity-007-no-user-grants';
import { RuleCases, cfn, tf } from '../helpers';

const ALLOW = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] };
const DENY = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] };
const READ_ONLY = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
const DENY_ALL = 'arn:aws:iam::aws:policy/AWSDenyAll';
const LIST = { Parameters: { Names: { Type: 'CommaDelimitedList' } } };

const user = (props: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  cfn({ U: { Type: 'AWS::IAM::User', Properties: props } }, extra);
const policy = (type: string, props: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  cfn(
    {
      P: { Type: type, Properties: { PolicyName: 'p', PolicyDocument: ALLOW, ...props } },
      U: { Type: 'AWS::IAM::User', Properties: {} },
      G: { Type: 'AWS::IAM::Group', Properties: {} },
    },
    extra,
  );
const tfOne = (type: string, body: Record<string, unknown>, more: Record<string, Record<string, unknown>> = {}) =>
  tf({ [type]: { r: body }, ...more });
const denyPolicy = { aws_iam_policy: { deny: { name: 'deny', policy: JSON.stringify(DENY) } } };
const assignment = (body: Record<string, unknown>) =>
  tf({
    azurerm_role_assignment: {
      r: { scope: '/subscriptions/s', role_definition_name: 'Storage Blob Data Reader', principal_id: 'p', ...body },
    },
    azurerm_user_assigned_identity: { id: { name: 'id', location: 'westeurope', resource_group_name: 'rg' } },
    azurerm_linux_web_app: { app: { name: 'app', identity: [{ type: 'SystemAssigned' }] } },
    azuread_group: { g: { display_name: 'data-scientists', security_enabled: true } },
    azuread_user: { u: { user_principal_name: 'alice@example.com', display_name: 'Alice' } },
  });
const RA = 'azurerm_role_assignment.r';

export const cases: RuleCases = {
  rule: noUserGrantsRule,
  cases: [
    // AWS::IAM::User
    { name: 'user who only joins groups', doc: user({ Groups: ['scientists'] }), address: 'U', verdict: 'pass' },
    {
      name: 'user with a managed policy of its own',
      doc: user({ ManagedPolicyArns: [READ_ONLY] }),
      address: 'U',
      verdict: 'fail',
      path: 'ManagedPolicyArns.0',
    },
    {
      name: 'user with an inline policy',
      doc: user({ Policies: [{ PolicyName: 'p', PolicyDocument: ALLOW }] }),
      address: 'U',
      verdict: 'fail',
      path: 'Policies.0',
    },
    {
      name: 'user with a managed policy from a parameter (any policy is a grant)',
      doc: user({ ManagedPolicyArns: [{ Ref: 'Arn' }] }, { Parameters: { Arn: { Type: 'String' } } }),
      address: 'U',
      verdict: 'fail',
      path: 'ManagedPolicyArns.0',
    },
    {
      name: 'user with only the deny-only AWSDenyAll and a deny-only inline policy',
      doc: user({
        ManagedPolicyArns: [{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/AWSDenyAll' }],
        Policies: [{ PolicyName: 'guard', PolicyDocument: DENY }],
      }),
      address: 'U',
      verdict: 'pass',
    },
    {
      name: 'user with a policy only under a condition',
      doc: user(
        { ManagedPolicyArns: [{ 'Fn::If': ['Dev', READ_ONLY, { Ref: 'AWS::NoValue' }] }] },
        { Conditions: { Dev: { 'Fn::Equals': [{ Ref: 'Env' }, 'dev'] } }, Parameters: { Env: { Type: 'String' } } },
      ),
      address: 'U',
      verdict: 'unknown',
      path: 'ManagedPolicyArns.0',
    },
    {
      name: 'user managed policies from a list parameter',
      doc: user({ ManagedPolicyArns: { Ref: 'Names' } }, LIST),
      address: 'U',
      verdict: 'unknown',
      path: 'ManagedPolicyArns',
    },
    ...(
      [
        [DENY, 'pass'],
        [ALLOW, 'fail'],
      ] as const
    ).map(([document, verdict]) => ({
      name: `user with a managed policy of the template that ${verdict === 'pass' ? 'only denies' : 'allows'}`,
      doc: cfn({
        U: { Type: 'AWS::IAM::User', Properties: { ManagedPolicyArns: [{ Ref: 'M' }] } },
        M: { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: document } },
      }),
      address: 'U',
      verdict,
      path: 'ManagedPolicyArns.0',
    })),
    // AWS::IAM::Policy, AWS::IAM::ManagedPolicy
    ...(['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy'] as const).flatMap((type) => [
      {
        name: `${type} attached to groups and roles`,
        doc: policy(type, { Groups: [{ Ref: 'G' }], Roles: ['r'] }),
        address: 'P',
        verdict: 'pass' as const,
      },
      {
        name: `${type} attached to a user`,
        doc: policy(type, { Groups: [{ Ref: 'G' }], Users: [{ Ref: 'U' }] }),
        address: 'P',
        verdict: 'fail' as const,
        path: 'Users.0',
      },
      {
        name: `${type} users from a parameter`,
        doc: policy(type, { Users: { Ref: 'Names' } }, LIST),
        address: 'P',
        verdict: 'unknown' as const,
        path: 'Users',
      },
    ]),
    {
      name: 'deny-only managed policy attached to users (a guardrail)',
      doc: policy('AWS::IAM::ManagedPolicy', { PolicyDocument: DENY, Users: [{ Ref: 'U' }] }),
      address: 'P',
      verdict: 'pass',
    },
    {
      name: 'managed policy with an empty Users list',
      doc: policy('AWS::IAM::ManagedPolicy', { Users: [] }),
      address: 'P',
      verdict: 'pass',
    },
    // AWS::IAM::UserPolicy
    {
      name: 'AWS::IAM::UserPolicy granting',
      doc: policy('AWS::IAM::UserPolicy', { UserName: { Ref: 'U' } }),
      address: 'P',
      verdict: 'fail',
      path: 'UserName',
    },
    {
      name: 'AWS::IAM::UserPolicy that only denies',
      doc: policy('AWS::IAM::UserPolicy', { UserName: { Ref: 'U' }, PolicyDocument: DENY }),
      address: 'P',
      verdict: 'pass',
    },
    // Terraform
    {
      name: 'aws_iam_user_policy granting',
      doc: tfOne('aws_iam_user_policy', { user: 'alice', policy: JSON.stringify(ALLOW) }),
      address: 'aws_iam_user_policy.r',
      verdict: 'fail',
      path: 'user',
    },
    {
      name: 'aws_iam_user_policy whose document is a data source (still a policy on a user)',
      doc: tfOne('aws_iam_user_policy', { user: 'alice', policy: '${data.aws_iam_policy_document.d.json}' }),
      address: 'aws_iam_user_policy.r',
      verdict: 'fail',
      path: 'user',
    },
    {
      name: 'aws_iam_user_policy that only denies',
      doc: tfOne('aws_iam_user_policy', { user: 'alice', policy: JSON.stringify(DENY) }),
      address: 'aws_iam_user_policy.r',
      verdict: 'pass',
    },
    {
      name: 'aws_iam_user_policy_attachment of a managed policy',
      doc: tfOne('aws_iam_user_policy_attachment', { user: 'alice', policy_arn: READ_ONLY }),
      address: 'aws_iam_user_policy_attachment.r',
      verdict: 'fail',
      path: 'user',
    },
    {
      name: 'aws_iam_user_policy_attachment of AWSDenyAll',
      doc: tfOne('aws_iam_user_policy_attachment', { user: 'alice', policy_arn: DENY_ALL }),
      address: 'aws_iam_user_policy_attachment.r',
      verdict: 'pass',
    },
    {
      name: 'aws_iam_user_policy_attachment of a deny-only policy of the configuration',
      doc: tfOne(
        'aws_iam_user_policy_attachment',
        { user: 'alice', policy_arn: '${aws_iam_policy.deny.arn}' },
        denyPolicy,
      ),
      address: 'aws_iam_user_policy_attachment.r',
      verdict: 'pass',
    },
    {
      name: 'aws_iam_policy_attachment to groups and roles',
      doc: tfOne('aws_iam_policy_attachment', { name: 'a', groups: ['g'], roles: ['r'], policy_arn: READ_ONLY }),
      address: 'aws_iam_policy_attachment.r',
      verdict: 'pass',
    },
    {
      name: 'aws_iam_policy_attachment to users',
      doc: tfOne('aws_iam_policy_attachment', { name: 'a', users: ['alice', 'bob'], policy_arn: READ_ONLY }),
      address: 'aws_iam_policy_attachment.r',
      verdict: 'fail',
      path: 'users.0',
      failingPaths: ['users.0', 'users.1'],
    },
    {
      name: 'aws_iam_policy_attachment users from a variable',
      doc: tfOne('aws_iam_policy_attachment', { name: 'a', users: '${var.users}', policy_arn: READ_ONLY }),
      address: 'aws_iam_policy_attachment.r',
      verdict: 'unknown',
      path: 'users',
    },
    // Azure
    { name: 'role assigned to a group', doc: assignment({ principal_type: 'Group' }), address: RA, verdict: 'pass' },
    {
      name: 'role assigned to a service principal',
      doc: assignment({ principal_type: 'ServicePrincipal' }),
      address: RA,
      verdict: 'pass',
    },
    {
      name: 'role assigned to a user',
      doc: assignment({ principal_type: 'User' }),
      address: RA,
      verdict: 'fail',
      path: 'principal_type',
    },
    {
      name: 'principal_type from a variable',
      doc: assignment({ principal_type: '${var.kind}' }),
      address: RA,
      verdict: 'unknown',
      path: 'principal_type',
    },
    {
      name: 'no principal_type, principal_id of a user-assigned identity',
      doc: assignment({ principal_id: '${azurerm_user_assigned_identity.id.principal_id}' }),
      address: RA,
      verdict: 'pass',
    },
    {
      name: 'no principal_type, principal_id of a system-assigned identity',
      doc: assignment({ principal_id: '${azurerm_linux_web_app.app.identity[0].principal_id}' }),
      address: RA,
      verdict: 'pass',
    },
    {
      name: 'no principal_type, principal_id of an Entra ID group',
      doc: assignment({ principal_id: '${azuread_group.g.object_id}' }),
      address: RA,
      verdict: 'pass',
    },
    {
      name: 'no principal_type, principal_id of an Entra ID user',
      doc: assignment({ principal_id: '${azuread_user.u.object_id}' }),
      address: RA,
      verdict: 'fail',
      path: 'principal_id',
    },
    {
      name: 'no principal_type, principal_id a literal object id',
      doc: assignment({ principal_id: '00000000-0000-0000-0000-000000000001' }),
      address: RA,
      verdict: 'unknown',
      path: 'principal_id',
    },
    {
      name: 'no principal_type, principal_id of the deploying client (a user or a service principal)',
      doc: assignment({ principal_id: '${data.azurerm_client_config.c.object_id}' }),
      address: RA,
      verdict: 'unknown',
      path: 'principal_id',
    },
  ],
};
