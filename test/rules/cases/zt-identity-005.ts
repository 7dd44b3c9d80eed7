import { namedTrustRule } from '../../../policies/rules/identity/zt-identity-005-named-trust';
import { RuleCases, cfn, tf } from '../helpers';
import { azureCases } from './zt-identity-005-azure';

type Stmt = Record<string, unknown>;
const allow = (principal: unknown, extra: Stmt = {}): Stmt => ({
  Effect: 'Allow',
  Principal: principal,
  Action: 'sts:AssumeRole',
  ...extra,
});
const role = (statements: Stmt[], extra: Record<string, unknown> = {}) =>
  cfn(
    {
      R: {
        Type: 'AWS::IAM::Role',
        Properties: { AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: statements } },
      },
    },
    extra,
  );
const tfRole = (policy: unknown) =>
  tf({
    aws_iam_role: {
      r: { name: 'r', assume_role_policy: typeof policy === 'string' ? policy : JSON.stringify(policy) },
    },
  });
const tfDoc = (statements: Stmt[]) => ({ Version: '2012-10-17', Statement: statements });

const GITHUB = 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com';
const EKS = 'arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC';
const webIdentity = (federated: unknown, condition?: unknown): Stmt => ({
  Effect: 'Allow',
  Principal: { Federated: federated },
  Action: 'sts:AssumeRoleWithWebIdentity',
  ...(condition === undefined ? {} : { Condition: condition }),
});
const ORG = { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } };

export const cases: RuleCases = {
  rule: namedTrustRule,
  cases: [
    {
      name: 'role trusted by a service principal',
      doc: role([allow({ Service: 'sagemaker.amazonaws.com' })]),
      address: 'R',
      verdict: 'pass',
    },
    {
      name: 'role trusted by the stack account (CDK AccountRootPrincipal)',
      doc: role([
        allow({
          AWS: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':root']] },
        }),
      ]),
      address: 'R',
      verdict: 'pass',
    },
    {
      name: 'role trusted by Principal "*"',
      doc: role([allow('*')]),
      address: 'R',
      verdict: 'fail',
      path: 'AssumeRolePolicyDocument.Statement.0.Principal',
    },
    {
      name: 'role trusted by a named account and {"AWS": "*"}',
      doc: role([allow({ AWS: ['arn:aws:iam::123456789012:root', '*'] })]),
      address: 'R',
      verdict: 'fail',
      path: 'AssumeRolePolicyDocument.Statement.0.Principal',
    },
    {
      name: 'role trusted by {"Service": "*"}',
      doc: role([allow({ Service: '*' })]),
      address: 'R',
      verdict: 'fail',
      path: 'AssumeRolePolicyDocument.Statement.0.Principal',
    },
    {
      name: 'NotPrincipal: everyone but the listed principals',
      doc: role([
        { Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'sts:AssumeRole' },
      ]),
      address: 'R',
      verdict: 'fail',
      path: 'AssumeRolePolicyDocument.Statement.0.NotPrincipal',
    },
    {
      name: 'wildcard principal with sts:* is still a trust',
      doc: role([allow({ AWS: '*' }, { Action: ['sts:*'] })]),
      address: 'R',
      verdict: 'fail',
      path: 'AssumeRolePolicyDocument.Statement.0.Principal',
    },
    {
      name: 'wildcard principal with NotAction that leaves sts:AssumeRole allowed',
      doc: role([{ Effect: 'Allow', Principal: '*', NotAction: 'sts:TagSession' }]),
      address: 'R',
      verdict: 'fail',
      path: 'AssumeRolePolicyDocument.Statement.0.Principal',
    },
    {
      name: 'wildcard principal narrowed to the organization',
      doc: role([allow('*', { Condition: ORG })]),
      address: 'R',
      verdict: 'pass',
    },
    {
      name: 'wildcard principal narrowed to the stack account (pseudo parameter)',
      doc: role([
        allow({ AWS: '*' }, { Condition: { StringEquals: { 'aws:PrincipalAccount': { Ref: 'AWS::AccountId' } } } }),
      ]),
      address: 'R',
      verdict: 'pass',
    },
    {
      name: 'wildcard principal with an ...IfExists condition (anonymous callers lack the key)',
      doc: role([allow('*', { Condition: { StringEqualsIfExists: { 'aws:PrincipalOrgID': 'o-abc123' } } })]),
      address: 'R',
      verdict: 'fail',
      path: 'AssumeRolePolicyDocument.Statement.0.Principal',
    },
    {
      name: 'wildcard principal with a wildcard-valued narrowing condition',
      doc: role([allow('*', { Condition: { StringLike: { 'aws:PrincipalArn': '*' } } })]),
      address: 'R',
      verdict: 'fail',
      path: 'AssumeRolePolicyDocument.Statement.0.Principal',
    },
    {
      name: 'wildcard principal narrowed by a parameter',
      doc: role([allow('*', { Condition: { StringEquals: { 'aws:PrincipalOrgID': { Ref: 'Org' } } } })], {
        Parameters: { Org: { Type: 'String' } },
      }),
      address: 'R',
      verdict: 'unknown',
      path: 'AssumeRolePolicyDocument.Statement.0.Principal',
    },
    { name: 'Deny for "*" is no trust', doc: role([{ ...allow('*'), Effect: 'Deny' }]), address: 'R', verdict: 'pass' },
    {
      name: 'wildcard principal for a non-assume action',
      doc: role([allow('*', { Action: 'sts:GetCallerIdentity' })]),
      address: 'R',
      verdict: 'pass',
    },
    {
      name: 'principal from a parameter',
      doc: role([allow({ AWS: { Ref: 'Trusted' } })], { Parameters: { Trusted: { Type: 'String' } } }),
      address: 'R',
      verdict: 'unknown',
      path: 'AssumeRolePolicyDocument.Statement.0.Principal',
    },
    {
      name: 'statement chosen by a condition (Fn::If)',
      doc: role([{ 'Fn::If': ['Open', allow('*'), allow({ Service: 'ec2.amazonaws.com' })] }], {
        Parameters: { Env: { Type: 'String' } },
        Conditions: { Open: { 'Fn::Equals': [{ Ref: 'Env' }, 'dev'] } },
      }),
      address: 'R',
      verdict: 'unknown',
      path: 'AssumeRolePolicyDocument.Statement.0',
    },
    {
      name: 'trust policy from a parameter',
      doc: cfn(
        { R: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Ref: 'Trust' } } } },
        { Parameters: { Trust: { Type: 'String' } } },
      ),
      address: 'R',
      verdict: 'unknown',
      path: 'AssumeRolePolicyDocument',
    },
    {
      name: 'GitHub OIDC trust pinned to one repository',
      doc: role([
        webIdentity(GITHUB, {
          StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
          StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:acme/models:*' },
        }),
      ]),
      address: 'R',
      verdict: 'pass',
    },
    {
      name: 'GitHub OIDC trust on the audience alone (every repository on github.com)',
      doc: role([
        webIdentity(GITHUB, { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' } }),
      ]),
      address: 'R',
      verdict: 'fail',
      path: 'AssumeRolePolicyDocument.Statement.0.Condition',
      message: /every repository on github.com/,
    },
    {
      name: 'GitHub OIDC trust with a subject of any owner',
      doc: role([webIdentity(GITHUB, { StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:*' } })]),
      address: 'R',
      verdict: 'fail',
      path: 'AssumeRolePolicyDocument.Statement.0.Condition',
    },
    {
      name: 'EKS OIDC trust with a service-account subject',
      doc: role([
        webIdentity(EKS, {
          StringEquals: { 'oidc.eks.eu-west-1.amazonaws.com/id/ABC:sub': 'system:serviceaccount:ml:trainer' },
        }),
      ]),
      address: 'R',
      verdict: 'pass',
    },
    {
      name: 'web-identity trust without any condition',
      doc: role([webIdentity(EKS)]),
      address: 'R',
      verdict: 'fail',
      path: 'AssumeRolePolicyDocument.Statement.0.Condition',
    },
    {
      name: 'Federated "*" fails twice: wildcard and unconditioned',
      doc: role([webIdentity('*')]),
      address: 'R',
      verdict: 'fail',
      failingPaths: [
        'AssumeRolePolicyDocument.Statement.0.Principal',
        'AssumeRolePolicyDocument.Statement.0.Condition',
      ],
    },
    {
      name: 'web-identity subject from a parameter',
      doc: role(
        [webIdentity(EKS, { StringEquals: { 'oidc.eks.eu-west-1.amazonaws.com/id/ABC:sub': { Ref: 'Sa' } } })],
        {
          Parameters: { Sa: { Type: 'String' } },
        },
      ),
      address: 'R',
      verdict: 'unknown',
      path: 'AssumeRolePolicyDocument.Statement.0.Condition',
    },
    {
      name: 'aws_iam_role trusted by a service',
      doc: tfRole(tfDoc([allow({ Service: 'lambda.amazonaws.com' })])),
      address: 'aws_iam_role.r',
      verdict: 'pass',
    },
    {
      name: 'aws_iam_role trusted by {"AWS": ["*"]}',
      doc: tfRole(tfDoc([allow({ Service: 'lambda.amazonaws.com' }), allow({ AWS: ['*'] })])),
      address: 'aws_iam_role.r',
      verdict: 'fail',
      path: 'assume_role_policy.Statement.1.Principal',
    },
    {
      name: 'aws_iam_role with an empty assume_role_policy',
      doc: tfRole(''),
      address: 'aws_iam_role.r',
      verdict: 'pass',
    },
    {
      name: 'aws_iam_role principal from a variable',
      doc: tfRole(tfDoc([allow({ AWS: '${var.trusted}' })])),
      address: 'aws_iam_role.r',
      verdict: 'unknown',
      path: 'assume_role_policy.Statement.0.Principal',
    },
    {
      name: 'aws_iam_role trust policy from a data source',
      doc: tfRole('${data.aws_iam_policy_document.trust.json}'),
      address: 'aws_iam_role.r',
      verdict: 'unknown',
      path: 'assume_role_policy',
    },
    ...azureCases,
  ],
};
