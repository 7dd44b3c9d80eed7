import { namedResourcesRule } from '../../../policies/rules/identity/zt-identity-009-named-resources';
import { RuleCase, RuleCases, cfn, tf } from '../helpers';
import { azureCases } from './zt-identity-009-azure';

/** ZT-IDENTITY-009 on AWS identity policies: Resource "*" only for actions without resource-level permissions. */
const doc = (...Statement: Record<string, unknown>[]) => ({ Version: '2012-10-17', Statement });
const allow = (Action: unknown, Resource: unknown = '*', extra: Record<string, unknown> = {}) => ({
  Effect: 'Allow',
  Action,
  Resource,
  ...extra,
});
const policy = (document: unknown, extra: Record<string, unknown> = {}) =>
  cfn({ R: { Type: 'AWS::IAM::Policy', Properties: { PolicyName: 'p', PolicyDocument: document } } }, extra);
const at = 'PolicyDocument.Statement.0.Resource';

/** One passing and one failing case for each identity type. */
const CFN_INLINE = ['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group'];
const TF_DOC: Record<string, string> = {
  aws_iam_policy: 'policy',
  aws_iam_role_policy: 'policy',
  aws_iam_user_policy: 'policy',
  aws_iam_group_policy: 'policy',
  aws_ssoadmin_permission_set_inline_policy: 'inline_policy',
};
const GOOD = doc(allow('s3:GetObject', 'arn:aws:s3:::lake/*'), allow('ec2:DescribeSubnets'));
const BAD = doc(allow(['ec2:DescribeSubnets', 's3:GetObject']));

const perType: RuleCase[] = [
  ...CFN_INLINE.flatMap((type): RuleCase[] =>
    [GOOD, BAD].map((d, i) => ({
      name: `${type} inline policy ${i ? 'with s3:GetObject on *' : 'naming its bucket'}`,
      doc: cfn({ R: { Type: type, Properties: { Policies: [{ PolicyName: 'p', PolicyDocument: d }] } } }),
      address: 'R',
      verdict: i ? 'fail' : 'pass',
      ...(i ? { path: 'Policies.0.PolicyDocument.Statement.0.Resource' } : {}),
    })),
  ),
  ...[GOOD, BAD].map((d, i): RuleCase => ({
    name: `managed policy ${i ? 'with s3:GetObject on *' : 'naming its bucket'}`,
    doc: cfn({ R: { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: d } } }),
    address: 'R',
    verdict: i ? 'fail' : 'pass',
  })),
  ...[GOOD, BAD].map((d, i): RuleCase => ({
    name: `tf role inline policy ${i ? 'with s3:GetObject on *' : 'naming its bucket'}`,
    doc: tf({
      aws_iam_role: { r: { assume_role_policy: '{}', inline_policy: [{ name: 'p', policy: JSON.stringify(d) }] } },
    }),
    address: 'aws_iam_role.r',
    verdict: i ? 'fail' : 'pass',
    ...(i ? { path: 'inline_policy.0.policy.Statement.0.Resource' } : {}),
  })),
  ...Object.entries(TF_DOC).flatMap(([type, field]): RuleCase[] =>
    [GOOD, BAD].map((d, i) => ({
      name: `${type} ${i ? 'with s3:GetObject on *' : 'naming its bucket'}`,
      doc: tf({ [type]: { r: { [field]: JSON.stringify(d) } } }),
      address: `${type}.r`,
      verdict: i ? 'fail' : 'pass',
      ...(i ? { path: `${field}.Statement.0.Resource` } : {}),
    })),
  ),
];

export const cases: RuleCases = {
  rule: namedResourcesRule,
  cases: [
    ...perType,
    {
      name: 'Describe calls on * (no resource-level permission exists)',
      doc: policy(doc(allow(['ec2:DescribeSubnets', 'ec2:DescribeVpcs', 'ecr:GetAuthorizationToken']))),
      address: 'R',
      verdict: 'pass',
    },
    {
      name: 'ec2:Describe* on * (some describes can name resources)',
      doc: policy(doc(allow('ec2:Describe*'))),
      address: 'R',
      verdict: 'fail',
      path: at,
    },
    {
      name: 's3:ListAllMyBuckets on * (wildcard-only action)',
      doc: policy(doc(allow('s3:ListAllMyBuckets'))),
      address: 'R',
      verdict: 'pass',
    },
    {
      name: 'ENI lifecycle actions on *',
      doc: policy(doc(allow(['ec2:CreateNetworkInterface', 'ec2:DeleteNetworkInterface']))),
      address: 'R',
      verdict: 'fail',
      path: at,
    },
    {
      name: 'ENI lifecycle actions on the account\u2019s network interfaces',
      doc: policy(
        doc(
          allow(['ec2:CreateNetworkInterface', 'ec2:DeleteNetworkInterface'], {
            'Fn::Sub': 'arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:network-interface/*',
          }),
        ),
      ),
      address: 'R',
      verdict: 'pass',
    },
    {
      name: 'PutMetricData on * narrowed by its namespace condition',
      doc: policy(
        doc(allow('cloudwatch:PutMetricData', '*', { Condition: { StringEquals: { 'cloudwatch:namespace': 'ml' } } })),
      ),
      address: 'R',
      verdict: 'pass',
    },
    {
      name: 'PutMetricData on * with a namespace condition of "*" (narrows nothing)',
      doc: policy(
        doc(allow('cloudwatch:PutMetricData', '*', { Condition: { StringLike: { 'cloudwatch:namespace': '*' } } })),
      ),
      address: 'R',
      verdict: 'fail',
      path: at,
    },
    {
      name: 'kms:Decrypt on * narrowed by a resource tag',
      doc: policy(doc(allow('kms:Decrypt', '*', { Condition: { StringEquals: { 'aws:ResourceTag/team': 'ml' } } }))),
      address: 'R',
      verdict: 'pass',
    },
    {
      name: 's3:GetObject on * narrowed by an object tag (a key the action defines as a template)',
      doc: policy(
        doc(allow('s3:GetObject', '*', { Condition: { StringEquals: { 's3:ExistingObjectTag/zone': 'curated' } } })),
      ),
      address: 'R',
      verdict: 'pass',
    },
    {
      name: 'kms:Decrypt on * with only a transport condition',
      doc: policy(doc(allow('kms:Decrypt', '*', { Condition: { Bool: { 'aws:SecureTransport': 'true' } } }))),
      address: 'R',
      verdict: 'fail',
      path: at,
    },
    {
      name: 'Allow with NotResource',
      doc: policy(doc({ Effect: 'Allow', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::secret/*' })),
      address: 'R',
      verdict: 'fail',
      path: 'PolicyDocument.Statement.0.NotResource',
    },
    {
      name: 'Allow NotAction on *',
      doc: policy(doc({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' })),
      address: 'R',
      verdict: 'fail',
    },
    {
      name: 'Deny on * (denies never grant)',
      doc: policy(doc({ Effect: 'Deny', Action: 's3:DeleteObject', Resource: '*' })),
      address: 'R',
      verdict: 'pass',
    },
    {
      name: 'resource from a parameter (could be "*")',
      doc: policy(doc(allow('s3:GetObject', { Ref: 'Arn' })), { Parameters: { Arn: { Type: 'String' } } }),
      address: 'R',
      verdict: 'unknown',
    },
    {
      name: 'action from a parameter on *',
      doc: policy(doc(allow({ Ref: 'A' })), { Parameters: { A: { Type: 'String' } } }),
      address: 'R',
      verdict: 'unknown',
    },
    {
      name: 'a service the IAM action data does not know',
      doc: policy(doc(allow('notaservice:DoThing'))),
      address: 'R',
      verdict: 'unknown',
    },
    {
      name: 'an action the service does not have',
      doc: policy(doc(allow('s3:NoSuchAction'))),
      address: 'R',
      verdict: 'unknown',
    },
    {
      name: 'tf policy document from a data source',
      doc: tf({ aws_iam_policy: { r: { policy: '${data.aws_iam_policy_document.d.json}' } } }),
      address: 'aws_iam_policy.r',
      verdict: 'unknown',
    },
    {
      name: 'role without policies',
      doc: cfn({ R: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Statement: [] } } } }),
      address: 'R',
      verdict: 'pass',
    },
    ...azureCases,
  ],
};
