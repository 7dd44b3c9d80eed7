import { type Check, type CheckResult, Rule, fail, pass } from '../../engine/rule';
import { nagEquivalents } from '../shared/nag-equivalents';
import { joinPath, readNumber, unknownAt } from '../shared/read';
import { tfBlock, throughDynamic } from '../shared/tf-blocks';

/**
 * A function any caller can drive (an authorizer, a rotation function, a verification gate) scales
 * with its callers: without a ceiling, a flood of invocations, or a compromised caller looping,
 * takes the account's shared concurrency (or the plan's instances) from every other function and
 * runs up the bill. A ceiling bounds both.
 * - AWS: ReservedConcurrentExecutions / reserved_concurrent_executions. Unset (Terraform's -1) leaves
 *   the function on the unreserved pool. 0 passes: Lambda throttles every invocation, the function is
 *   disabled (the documented emergency stop), so it cannot spend anything; cdk-nag fails 0.
 * - Azure: site_config.app_scale_limit on function apps (Consumption / Elastic Premium plans). Unset
 *   scales to the plan's maximum; 0 is not a ceiling (the platform reads it as "no limit").
 *   On a Dedicated plan the platform ignores it (the plan's worker count caps the app); this rule,
 *   judging the app alone, cannot see the plan: set it anyway, or waive with that reason.
 */

const LAMBDA_RISK =
  'the function draws on the account\u2019s unreserved concurrency, so a flood of invocations (or a compromised ' +
  'caller) can throttle every other function in the account';

/** Lambda: a positive integer is a ceiling, 0 a disabled function; absent or negative is unreserved. */
const lambdaCeiling =
  (path: string): Check =>
  (res, { graph }): CheckResult => {
    const v = readNumber(graph, res, path);
    if (v.kind === 'unknown') return unknownAt(path, v.reason);
    if (v.kind === 'absent' || v.value < 0) {
      const what = v.kind === 'absent' ? 'is not set' : `is ${v.value} (unreserved)`;
      return fail(`${path} ${what}: ${LAMBDA_RISK}; set it to the few concurrent executions the function needs`, path);
    }
    if (!Number.isInteger(v.value)) return fail(`${path} is ${v.value}; set it to a positive integer`, path);
    if (v.value === 0) {
      return pass(`${path} is 0: every invocation is throttled (the function is disabled), so it spends nothing`, path);
    }
    return pass(`${path} is ${v.value}: at most ${v.value} concurrent executions`, path);
  };

const SCALE_LIMIT = 'app_scale_limit';

/** Function apps: site_config.app_scale_limit, a positive number of instances. */
const appScaleLimit: Check = (res, { graph }) => {
  const block = tfBlock(graph, res, '', 'site_config');
  const path = joinPath(block.path, SCALE_LIMIT);
  if (block.kind === 'absent') {
    return fail(`${path} is not set: the app scales out to the plan\u2019s maximum instances; set a limit`, path);
  }
  const v = readNumber(graph, res, path);
  if (v.kind === 'unknown') return unknownAt(path, v.reason);
  if (v.kind === 'absent') {
    return fail(
      `${path} is not set: the app scales out to the plan\u2019s maximum instances (up to 200 on Consumption), so a ` +
        'flood of requests or events is met with ever more instances; set the few instances it needs',
      path,
    );
  }
  if (v.value <= 0 || !Number.isInteger(v.value)) {
    return fail(`${path} is ${v.value}, which is no limit; set it to a positive number of instances`, path);
  }
  return throughDynamic(block, pass(`${path} is ${v.value}: at most ${v.value} instances`, path));
};

export const concurrencyCeilingRule: Rule = {
  id: 'ZT-PIPELINE-005',
  title: 'Functions have a concurrency ceiling',
  severity: 'low',
  layer: 'pipeline',
  rationale:
    'Functions that callers can drive \u2014 authorizers, secret rotation, model verification gates \u2014 scale with ' +
    'their callers. Without a ceiling, a flood of invocations or a compromised caller exhausts the account\u2019s ' +
    'shared Lambda concurrency (or the plan\u2019s instances) and starves every other function: a denial of service ' +
    'through a side door. A ceiling also bounds what a compromised caller can spend.',
  remediation:
    'AWS: give every function a small reserved concurrency, the most it needs at once. CloudFormation: ' +
    'ReservedConcurrentExecutions: <n> on AWS::Lambda::Function. CDK: lambda.Function({ reservedConcurrentExecutions: ' +
    'n }) (PlatformSecrets rotationConcurrency, ModelRegistry verifierConcurrency). Terraform: ' +
    'reserved_concurrent_executions = n on aws_lambda_function (-1, the default, is unreserved). Azure: ' +
    'site_config { app_scale_limit = n } on azurerm_linux_function_app / azurerm_windows_function_app (Consumption and ' +
    'Elastic Premium plans; an app on a Dedicated plan is capped by the plan\u2019s worker count: waive it with that ' +
    'reason).',
  remediationBy: {
    cdk: 'lambda.Function({ reservedConcurrentExecutions: n }) with the few concurrent executions the function needs.',
    cdktf:
      'Function app: siteConfig: { appScaleLimit: n } (azurerm); LambdaFunction: reservedConcurrentExecutions: n (aws).',
  },
  controls: [
    { framework: 'NIST-800-53', id: 'SC-5' },
    { framework: 'SOC2', id: 'A1.1' },
    { framework: 'GDPR', id: 'Art. 32(1)(b)' },
    { framework: 'ISO-27001', id: 'A.8.6' },
  ],
  // Checkov's CKV_AWS_115 judges the same, but has no fixtures in the conformance corpus.
  equivalents: [
    ...nagEquivalents(
      ['NIST.800.53.R5-LambdaConcurrency', 'HIPAA.Security-LambdaConcurrency'],
      ['AWS::Lambda::Function'],
      'cdk-nag fails ReservedConcurrentExecutions 0; this rule passes it (the function is disabled, it spends nothing).',
    ),
  ],
  scope: 'resource',
  checks: {
    'AWS::Lambda::Function': lambdaCeiling('ReservedConcurrentExecutions'),
    aws_lambda_function: lambdaCeiling('reserved_concurrent_executions'),
    azurerm_linux_function_app: appScaleLimit,
    azurerm_windows_function_app: appScaleLimit,
  },
};
