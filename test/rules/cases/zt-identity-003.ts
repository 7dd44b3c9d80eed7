import { noAdminRolesRule } from '../../../policies/rules/identity/zt-identity-003-no-admin-roles';
import { RuleCases, cfn, tf } from '../helpers';

const one = (type: string, props: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  cfn({ R: { Type: type, Properties: props } }, extra);
const role = (props: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  one('AWS::IAM::Role', { AssumeRolePolicyDocument: { Statement: [] }, ...props }, extra);
const tfOne = (type: string, body: Record<string, unknown>) => tf({ [type]: { r: body } });
const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';
const READ_ONLY = 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess';
const attachment = (type: string, target: Record<string, unknown>, arn: string) =>
  tfOne(type, { ...target, policy_arn: arn });
const assignment = (body: Record<string, unknown>) =>
  tf({
    azurerm_role_assignment: { r: { scope: '/subscriptions/s/resourceGroups/rg', principal_id: 'p', ...body } },
    azurerm_role_definition: { custom: { name: 'registrar', scope: '/subscriptions/s', permissions: [{}] } },
  });
const RA = 'azurerm_role_assignment.r';

export const cases: RuleCases = {
  rule: noAdminRolesRule,
  cases: [
    { name: 'role without managed policies', doc: role({}), address: 'R', verdict: 'pass' },
    {
      name: 'role with AdministratorAccess',
      doc: role({ ManagedPolicyArns: [READ_ONLY, ADMIN] }),
      address: 'R',
      verdict: 'fail',
      path: 'ManagedPolicyArns.1',
    },
    {
      name: 'role with PowerUserAccess built with Fn::Sub',
      doc: role({ ManagedPolicyArns: [{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/PowerUserAccess' }] }),
      address: 'R',
      verdict: 'fail',
      path: 'ManagedPolicyArns.0',
    },
    {
      name: 'role with a read-only managed policy built with Fn::Sub',
      doc: role({ ManagedPolicyArns: [{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/ReadOnlyAccess' }] }),
      address: 'R',
      verdict: 'pass',
    },
    {
      name: 'role with a managed policy of the template',
      doc: cfn({
        R: {
          Type: 'AWS::IAM::Role',
          Properties: { AssumeRolePolicyDocument: {}, ManagedPolicyArns: [{ Ref: 'P' }] },
        },
        P: { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: { Statement: [] } } },
      }),
      address: 'R',
      verdict: 'pass',
    },
    {
      name: 'role managed policy from a parameter',
      doc: role({ ManagedPolicyArns: [{ Ref: 'P' }] }, { Parameters: { P: { Type: 'String' } } }),
      address: 'R',
      verdict: 'unknown',
      path: 'ManagedPolicyArns.0',
    },
    {
      name: 'user with IAMFullAccess',
      doc: one('AWS::IAM::User', { ManagedPolicyArns: ['arn:aws:iam::aws:policy/IAMFullAccess'] }),
      address: 'R',
      verdict: 'fail',
      path: 'ManagedPolicyArns.0',
    },
    {
      name: 'user with a read-only policy',
      doc: one('AWS::IAM::User', { ManagedPolicyArns: [READ_ONLY] }),
      address: 'R',
      verdict: 'pass',
    },
    {
      name: 'group with AdministratorAccess',
      doc: one('AWS::IAM::Group', { ManagedPolicyArns: [ADMIN] }),
      address: 'R',
      verdict: 'fail',
    },
    { name: 'group without managed policies', doc: one('AWS::IAM::Group', {}), address: 'R', verdict: 'pass' },
    {
      name: 'tf role with IAMFullAccess in managed_policy_arns',
      doc: tfOne('aws_iam_role', { managed_policy_arns: ['arn:aws:iam::aws:policy/IAMFullAccess'] }),
      address: 'aws_iam_role.r',
      verdict: 'fail',
      path: 'managed_policy_arns.0',
    },
    {
      name: 'tf role with a read-only managed policy',
      doc: tfOne('aws_iam_role', { managed_policy_arns: [READ_ONLY] }),
      address: 'aws_iam_role.r',
      verdict: 'pass',
    },
    ...(
      [
        ['aws_iam_role_policy_attachment', { role: 'r' }],
        ['aws_iam_user_policy_attachment', { user: 'u' }],
        ['aws_iam_group_policy_attachment', { group: 'g' }],
        ['aws_iam_policy_attachment', { name: 'a', roles: ['r'] }],
      ] as const
    ).flatMap(([type, target]) => [
      {
        name: `tf ${type} of a read-only policy`,
        doc: attachment(type, target, READ_ONLY),
        address: `${type}.r`,
        verdict: 'pass' as const,
      },
      {
        name: `tf ${type} of AdministratorAccess`,
        doc: attachment(type, target, ADMIN),
        address: `${type}.r`,
        verdict: 'fail' as const,
        path: 'policy_arn',
      },
    ]),
    {
      name: 'tf attachment ARN from a variable',
      doc: attachment('aws_iam_role_policy_attachment', { role: 'r' }, '${var.arn}'),
      address: 'aws_iam_role_policy_attachment.r',
      verdict: 'unknown',
      path: 'policy_arn',
    },
    {
      name: 'Azure data-plane role by name',
      doc: assignment({ role_definition_name: 'Storage Blob Data Reader' }),
      address: RA,
      verdict: 'pass',
    },
    {
      name: 'Azure Owner by name',
      doc: assignment({ role_definition_name: 'Owner' }),
      address: RA,
      verdict: 'fail',
      path: 'role_definition_name',
    },
    {
      name: 'Azure Contributor by built-in role ID',
      doc: assignment({
        role_definition_id:
          '/subscriptions/s/providers/Microsoft.Authorization/roleDefinitions/b24988ac-6180-42a0-ab88-20f7382dd24c',
      }),
      address: RA,
      verdict: 'fail',
      path: 'role_definition_id',
    },
    {
      name: 'Azure User Access Administrator by a composed ID',
      doc: assignment({
        role_definition_id:
          '${data.azurerm_subscription.s.id}/providers/Microsoft.Authorization/roleDefinitions/18d7d88d-d35e-4fb5-a5c3-7773c20a72d9',
      }),
      address: RA,
      verdict: 'fail',
      path: 'role_definition_id',
    },
    {
      name: 'Azure AcrPull by built-in role ID',
      doc: assignment({
        role_definition_id: '/providers/Microsoft.Authorization/roleDefinitions/7f951dda-4ed3-4680-a7ca-43fe172d538d',
      }),
      address: RA,
      verdict: 'pass',
    },
    {
      name: 'Azure custom role of this configuration',
      doc: assignment({ role_definition_id: '${azurerm_role_definition.custom.role_definition_resource_id}' }),
      address: RA,
      verdict: 'pass',
    },
    {
      name: 'Azure role name from a variable',
      doc: assignment({ role_definition_name: '${var.role}' }),
      address: RA,
      verdict: 'unknown',
      path: 'role_definition_name',
    },
    {
      name: 'Azure role from a data source',
      doc: assignment({ role_definition_id: '${data.azurerm_role_definition.r.id}' }),
      address: RA,
      verdict: 'unknown',
      path: 'role_definition_id',
    },
  ],
};
