import type { Resolved, ResourceGraph } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import { type Check, type CheckResult, Rule, fail, pass, unknown } from '../../engine/rule';
import { bestOf, eachOf, worstOf } from '../shared/combine';
import { isFalse, isTrue, judgeSetting, oneOf, setting } from '../shared/expect';
import { nagEquivalents } from '../shared/nag-equivalents';
import { describeResolved, rawAt, readString, unknownAt } from '../shared/read';
import { tfBlock, throughDynamic } from '../shared/tf-blocks';

/**
 * A function anyone may invoke runs with its role's credentials on behalf of a caller nobody
 * identified. Three ways a template allows it: a resource-based permission for Principal "*" that
 * no source (ARN, account, organization) narrows, a function URL with AuthType NONE (and the
 * permission that opens it), and an Azure function app reachable from the internet without
 * App Service authentication in front of it.
 */

const ONLY_WILDCARDS = /^[*?]+$/;

/** Lambda permission argument names, per shape. */
interface PermissionPaths {
  readonly principal: string;
  readonly narrowing: readonly string[];
  readonly urlAuth: string;
}

/** A literal wildcard, a literal/ref/composed that names something specific, or unknown. */
function principalIsEveryone(g: ResourceGraph, res: Resource, path: string): boolean | Resolved {
  const v = g.value(res, path);
  if (v.kind === 'literal') return typeof v.value === 'string' && v.value.includes('*');
  if (v.kind === 'reference') return false;
  // Fixed text around the parts (an account ARN) cannot make the principal "*" unless it holds one.
  if (v.kind === 'composed') return v.parts.some((p) => typeof p === 'string' && p.includes('*'));
  // The stack's own account (CDK's AccountPrincipal) is unresolved at synth time, but never everyone.
  const raw = rawAt(res, path) as { Ref?: unknown } | undefined;
  if (v.kind === 'unknown' && raw?.Ref === 'AWS::AccountId') return false;
  return v;
}

/** Whether one source condition narrows the permission to something the owner controls. */
function narrows(g: ResourceGraph, res: Resource, path: string): CheckResult {
  const v = g.value(res, path);
  if (v.kind === 'absent' || (v.kind === 'literal' && (v.value === null || v.value === ''))) {
    return fail(`${path} is not set`, path);
  }
  if (v.kind === 'unknown') return unknownAt(path, v.reason);
  if (v.kind === 'literal' && typeof v.value === 'string' && ONLY_WILDCARDS.test(v.value)) {
    return fail(`${path} is ${JSON.stringify(v.value)}, which matches every source`, path);
  }
  return pass(`${path} narrows the permission to one source`, path);
}

function principalCheck(g: ResourceGraph, res: Resource, p: PermissionPaths): CheckResult {
  const everyone = principalIsEveryone(g, res, p.principal);
  if (everyone === false) return pass(`${p.principal} names a specific service or account`, p.principal);
  const narrowed = bestOf(p.narrowing.map((path) => narrows(g, res, path)))!;
  if (narrowed.verdict === 'pass') return pass(`${p.principal} is open, but ${narrowed.message}`, narrowed.path);
  if (everyone !== true) {
    return everyone.kind === 'absent'
      ? fail(`${p.principal} is not set; name the calling service or account`, p.principal)
      : unknownAt(p.principal, describeResolved(everyone));
  }
  if (narrowed.verdict === 'unknown') {
    return unknown(`${p.principal} is a wildcard and ${narrowed.message}`, narrowed.path);
  }
  return fail(
    `${p.principal} is a wildcard and none of ${p.narrowing.join(', ')} narrows it: anyone, anonymous callers ` +
      'included, may invoke the function; name the calling service or account, or add its source ARN / account',
    p.principal,
  );
}

/** A permission for a function URL with auth NONE lets unsigned HTTP requests through. */
function urlAuthCheck(g: ResourceGraph, res: Resource, path: string): CheckResult {
  const v = readString(g, res, path);
  if (v.kind === 'unknown') return unknownAt(path, v.reason);
  if (v.kind === 'absent') return pass(`${path} is not set: the permission is not for an unauthenticated URL`, path);
  return v.value.toUpperCase() === 'NONE'
    ? fail(`${path} is "NONE": unsigned requests to the function URL invoke the function; use AWS_IAM`, path)
    : pass(`${path} is ${JSON.stringify(v.value)}`, path);
}

const permission =
  (p: PermissionPaths): Check =>
  (res, { graph }) =>
    eachOf([principalCheck(graph, res, p), urlAuthCheck(graph, res, p.urlAuth)]);

const urlAuthType = (path: string): Check =>
  setting(oneOf(path, ['AWS_IAM'], { risk: 'the URL accepts unsigned requests from anyone' }));

/**
 * Azure function apps: either no public endpoint, or App Service authentication (auth_settings_v2)
 * enabled and required for every request. Either one suffices, so the better of the two decides.
 */
function appAuthentication(g: ResourceGraph, res: Resource): CheckResult {
  const block = tfBlock(g, res, '', 'auth_settings_v2');
  if (block.kind === 'absent') {
    return fail('auth_settings_v2 is not set: requests reach the functions unauthenticated', block.path);
  }
  const b = block.path;
  const conditions = worstOf([
    judgeSetting(g, res, isTrue('auth_enabled', { providerDefault: false, risk: 'authentication is off' }), b),
    judgeSetting(
      g,
      res,
      isTrue('require_authentication', { providerDefault: false, risk: 'anonymous requests pass through' }),
      b,
    ),
    judgeSetting(
      g,
      res,
      {
        path: 'unauthenticated_action',
        type: 'string',
        accept: (v: string) => v !== 'AllowAnonymous',
        want: 'Return401, Return403 or RedirectToLoginPage',
        providerDefault: 'RedirectToLoginPage',
        risk: 'anonymous requests pass through',
      },
      b,
    ),
  ])!;
  const required =
    conditions.verdict === 'pass' ? pass(`${b} requires authentication for every request`, b) : conditions;
  return throughDynamic(block, required);
}

const PRIVATE_APP = isFalse('public_network_access_enabled', { providerDefault: true });

const functionApp: Check = (res, { graph }) => {
  const closed = judgeSetting(graph, res, PRIVATE_APP);
  const auth = appAuthentication(graph, res);
  const best = bestOf([closed, auth])!;
  if (best.verdict !== 'fail') return best;
  return fail(
    `${auth.message}; and the app is public (public_network_access_enabled is not false), so anyone on the ` +
      'internet can call its functions: disable public network access, or require authentication',
    auth.path,
  );
};

export const noPublicInvokeRule: Rule = {
  id: 'ZT-IDENTITY-004',
  title: 'Functions cannot be invoked anonymously',
  severity: 'high',
  layer: 'identity',
  rationale:
    'Zero trust authenticates every request. A function carries its role\u2019s credentials (secret rotation, ' +
    'signature verification, pipeline glue): a permission for Principal "*" with no source condition, a function ' +
    'URL without IAM auth, or a public function app without authentication lets anyone on the internet run that ' +
    'code with those credentials, unlogged by identity and unrevocable per caller.',
  remediation:
    'AWS: grant lambda:InvokeFunction to the calling service principal with SourceArn / SourceAccount (or to an ' +
    'account or role), never to "*" alone; function URLs with AuthType AWS_IAM (CDK: fn.addFunctionUrl({ authType: ' +
    'FunctionUrlAuthType.AWS_IAM })); Terraform aws_lambda_permission principal with source_arn / source_account, ' +
    'aws_lambda_function_url authorization_type = "AWS_IAM". Azure: public_network_access_enabled = false on the ' +
    'function app (with a private endpoint), or auth_settings_v2 { auth_enabled = true, require_authentication = ' +
    'true, unauthenticated_action = "Return401" } with an identity provider.',
  controls: [
    { framework: 'NIST-800-53', id: 'AC-3' },
    { framework: 'NIST-800-53', id: 'IA-9' },
    { framework: 'NIST-800-53', id: 'SC-7' },
    { framework: 'SOC2', id: 'CC6.1' },
    { framework: 'SOC2', id: 'CC6.6' },
    { framework: 'HIPAA', id: '164.312(a)(1)' },
    { framework: 'HIPAA', id: '164.312(d)' },
    { framework: 'GDPR', id: 'Art. 32(1)(b)' },
    { framework: 'ISO-27001', id: 'A.8.3' },
    { framework: 'ISO-27001', id: 'A.8.5' },
  ],
  // Checkov's CKV_AWS_301 / CKV_AWS_258 judge the same, but have no fixtures in the conformance corpus.
  equivalents: [
    ...nagEquivalents(
      ['NIST.800.53.R5-LambdaFunctionPublicAccessProhibited', 'HIPAA.Security-LambdaFunctionPublicAccessProhibited'],
      ['AWS::Lambda::Permission'],
      'cdk-nag judges the principal only; this rule also fails a permission with FunctionUrlAuthType NONE.',
    ),
  ],
  checks: {
    'AWS::Lambda::Permission': permission({
      principal: 'Principal',
      narrowing: ['SourceArn', 'SourceAccount', 'PrincipalOrgID'],
      urlAuth: 'FunctionUrlAuthType',
    }),
    'AWS::Lambda::Url': urlAuthType('AuthType'),
    aws_lambda_permission: permission({
      principal: 'principal',
      narrowing: ['source_arn', 'source_account', 'principal_org_id'],
      urlAuth: 'function_url_auth_type',
    }),
    aws_lambda_function_url: urlAuthType('authorization_type'),
    azurerm_linux_function_app: functionApp,
    azurerm_windows_function_app: functionApp,
  },
};
