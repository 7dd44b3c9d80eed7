import { noPublicInvokeRule } from '../../../policies/rules/identity/zt-identity-004-no-public-invoke';
import { RuleCases, cfn, tf } from '../helpers';

const fn = { Fn: { Type: 'AWS::Lambda::Function', Properties: { Runtime: 'nodejs22.x', Role: 'arn' } } };
const perm = (props: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  cfn(
    {
      ...fn,
      Perm: {
        Type: 'AWS::Lambda::Permission',
        Properties: { Action: 'lambda:InvokeFunction', FunctionName: { 'Fn::GetAtt': ['Fn', 'Arn'] }, ...props },
      },
    },
    extra,
  );
const url = (props: Record<string, unknown>) =>
  cfn({ ...fn, Url: { Type: 'AWS::Lambda::Url', Properties: { TargetFunctionArn: { Ref: 'Fn' }, ...props } } });
const tfPerm = (args: Record<string, unknown>) =>
  tf({
    aws_lambda_function: { f: { function_name: 'f', role: 'arn', runtime: 'nodejs22.x' } },
    aws_s3_bucket: { b: { bucket: 'b' } },
    aws_lambda_permission: {
      p: { action: 'lambda:InvokeFunction', function_name: '${aws_lambda_function.f.function_name}', ...args },
    },
  });
const tfUrl = (args: Record<string, unknown>) =>
  tf({ aws_lambda_function_url: { u: { function_name: 'f', ...args } } });
const app = (type: string, args: Record<string, unknown>) =>
  tf({
    [type]: {
      a: {
        name: 'a',
        location: 'westeurope',
        resource_group_name: 'rg',
        service_plan_id: 'p',
        site_config: {},
        ...args,
      },
    },
  });
const authOn = { auth_enabled: true, require_authentication: true, unauthenticated_action: 'Return401' };
const LINUX = 'azurerm_linux_function_app';
const WINDOWS = 'azurerm_windows_function_app';

export const cases: RuleCases = {
  rule: noPublicInvokeRule,
  cases: [
    {
      name: 'permission for a service principal',
      doc: perm({
        Principal: 'secretsmanager.amazonaws.com',
        SourceArn: 'arn:aws:secretsmanager:eu-west-1:1:secret:s',
      }),
      address: 'Perm',
      verdict: 'pass',
    },
    {
      name: 'permission for the stack account (pseudo parameter)',
      doc: perm({ Principal: { Ref: 'AWS::AccountId' } }),
      address: 'Perm',
      verdict: 'pass',
    },
    {
      name: 'permission for "*" narrowed by SourceAccount',
      doc: perm({ Principal: '*', SourceAccount: '123456789012' }),
      address: 'Perm',
      verdict: 'pass',
    },
    {
      name: 'permission for "*" narrowed by the organization',
      doc: perm({ Principal: '*', PrincipalOrgID: 'o-abc123' }),
      address: 'Perm',
      verdict: 'pass',
    },
    { name: 'permission for "*"', doc: perm({ Principal: '*' }), address: 'Perm', verdict: 'fail', path: 'Principal' },
    {
      name: 'permission for "*" with a SourceAccount of "*"',
      doc: perm({ Principal: '*', SourceAccount: '*' }),
      address: 'Perm',
      verdict: 'fail',
      path: 'Principal',
    },
    {
      name: 'permission for a function URL without auth',
      doc: perm({ Principal: '*', Action: 'lambda:InvokeFunctionUrl', FunctionUrlAuthType: 'NONE' }),
      address: 'Perm',
      verdict: 'fail',
      failingPaths: ['Principal', 'FunctionUrlAuthType'],
    },
    {
      name: 'permission for a function URL with IAM auth, to an account',
      doc: perm({ Principal: '123456789012', Action: 'lambda:InvokeFunctionUrl', FunctionUrlAuthType: 'AWS_IAM' }),
      address: 'Perm',
      verdict: 'pass',
    },
    {
      name: 'principal from a parameter',
      doc: perm({ Principal: { Ref: 'Caller' } }, { Parameters: { Caller: { Type: 'String' } } }),
      address: 'Perm',
      verdict: 'unknown',
      path: 'Principal',
    },
    {
      name: 'principal from a parameter, narrowed by a SourceArn',
      doc: perm(
        { Principal: { Ref: 'Caller' }, SourceArn: 'arn:aws:s3:::b' },
        { Parameters: { Caller: { Type: 'String' } } },
      ),
      address: 'Perm',
      verdict: 'pass',
    },
    {
      name: 'permission for "*" with the SourceArn from a parameter',
      doc: perm({ Principal: '*', SourceArn: { Ref: 'Src' } }, { Parameters: { Src: { Type: 'String' } } }),
      address: 'Perm',
      verdict: 'unknown',
      path: 'SourceArn',
    },
    {
      name: 'FunctionUrlAuthType from a parameter',
      doc: perm(
        { Principal: '123456789012', FunctionUrlAuthType: { Ref: 'Auth' } },
        { Parameters: { Auth: { Type: 'String' } } },
      ),
      address: 'Perm',
      verdict: 'unknown',
      path: 'FunctionUrlAuthType',
    },
    { name: 'function URL with IAM auth', doc: url({ AuthType: 'AWS_IAM' }), address: 'Url', verdict: 'pass' },
    {
      name: 'function URL without auth',
      doc: url({ AuthType: 'NONE' }),
      address: 'Url',
      verdict: 'fail',
      path: 'AuthType',
    },
    {
      name: 'aws_lambda_permission for a service, with source_arn',
      doc: tfPerm({ principal: 's3.amazonaws.com', source_arn: '${aws_s3_bucket.b.arn}' }),
      address: 'aws_lambda_permission.p',
      verdict: 'pass',
    },
    {
      name: 'aws_lambda_permission for "*" with source_arn of a loaded bucket',
      doc: tfPerm({ principal: '*', source_arn: '${aws_s3_bucket.b.arn}' }),
      address: 'aws_lambda_permission.p',
      verdict: 'pass',
    },
    {
      name: 'aws_lambda_permission for "*"',
      doc: tfPerm({ principal: '*' }),
      address: 'aws_lambda_permission.p',
      verdict: 'fail',
      path: 'principal',
    },
    {
      name: 'aws_lambda_permission for an account, function URL without auth',
      doc: tfPerm({ principal: '123456789012', function_url_auth_type: 'NONE' }),
      address: 'aws_lambda_permission.p',
      verdict: 'fail',
      path: 'function_url_auth_type',
    },
    {
      name: 'aws_lambda_permission principal from a variable',
      doc: tfPerm({ principal: '${var.caller}' }),
      address: 'aws_lambda_permission.p',
      verdict: 'unknown',
      path: 'principal',
    },
    {
      name: 'aws_lambda_function_url with IAM auth',
      doc: tfUrl({ authorization_type: 'AWS_IAM' }),
      address: 'aws_lambda_function_url.u',
      verdict: 'pass',
    },
    {
      name: 'aws_lambda_function_url without auth',
      doc: tfUrl({ authorization_type: 'NONE' }),
      address: 'aws_lambda_function_url.u',
      verdict: 'fail',
      path: 'authorization_type',
    },
    {
      name: 'aws_lambda_function_url auth from a variable',
      doc: tfUrl({ authorization_type: '${var.auth}' }),
      address: 'aws_lambda_function_url.u',
      verdict: 'unknown',
    },
    {
      name: 'linux function app without public network access',
      doc: app(LINUX, { public_network_access_enabled: false }),
      address: `${LINUX}.a`,
      verdict: 'pass',
    },
    {
      name: 'linux function app, public, with authentication required',
      doc: app(LINUX, { auth_settings_v2: [{ ...authOn, login: [{}] }] }),
      address: `${LINUX}.a`,
      verdict: 'pass',
    },
    {
      name: 'linux function app, public by default, no auth_settings_v2',
      doc: app(LINUX, {}),
      address: `${LINUX}.a`,
      verdict: 'fail',
      path: 'auth_settings_v2',
    },
    {
      name: 'linux function app, public, authentication enabled but not required',
      doc: app(LINUX, {
        public_network_access_enabled: true,
        auth_settings_v2: [{ auth_enabled: true, login: [{}] }],
      }),
      address: `${LINUX}.a`,
      verdict: 'fail',
      path: 'auth_settings_v2.require_authentication',
    },
    {
      name: 'linux function app, public, allowing anonymous requests',
      doc: app(LINUX, { auth_settings_v2: [{ ...authOn, unauthenticated_action: 'AllowAnonymous', login: [{}] }] }),
      address: `${LINUX}.a`,
      verdict: 'fail',
      path: 'auth_settings_v2.unauthenticated_action',
    },
    {
      name: 'linux function app, public access from a variable, no auth',
      doc: app(LINUX, { public_network_access_enabled: '${var.public}' }),
      address: `${LINUX}.a`,
      verdict: 'unknown',
      path: 'public_network_access_enabled',
    },
    {
      name: 'windows function app, public, auth settings from a dynamic block',
      doc: app(WINDOWS, { dynamic: { auth_settings_v2: [{ for_each: '${var.auth}', content: [authOn] }] } }),
      address: `${WINDOWS}.a`,
      verdict: 'unknown',
      path: 'dynamic.auth_settings_v2.content',
    },
    {
      name: 'windows function app without public network access',
      doc: app(WINDOWS, { public_network_access_enabled: false }),
      address: `${WINDOWS}.a`,
      verdict: 'pass',
    },
    {
      name: 'windows function app, public, no auth',
      doc: app(WINDOWS, { public_network_access_enabled: true }),
      address: `${WINDOWS}.a`,
      verdict: 'fail',
      path: 'auth_settings_v2',
    },
  ],
};
