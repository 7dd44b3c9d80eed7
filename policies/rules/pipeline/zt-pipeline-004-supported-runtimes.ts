import type { ResourceGraph } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import { type Check, type CheckResult, Rule, fail, notApplicable, pass, unknown } from '../../engine/rule';
import { eachOf } from '../shared/combine';
import { nagEquivalents } from '../shared/nag-equivalents';
import { describeResolved, isPresent, joinPath, readBoolean, readString, unknownAt } from '../shared/read';
import { forbiddenInBlock, tfBlock } from '../shared/tf-blocks';
import {
  AZURE_FUNCTIONS_VERSIONS,
  type AzureStack,
  LAMBDA_RUNTIMES,
  RUNTIME_TABLE_CHECKED,
  type RuntimeEntry,
  azureVersionKey,
  lifecycle,
  newestSupported,
} from './runtime-support';

/**
 * Zero trust's workload-health tenet: a runtime its provider no longer patches is an unhealthy workload,
 * whatever network it sits in. Lambda .zip functions name a managed runtime; Azure function apps name a
 * language version in site_config.application_stack. Both are judged against the dated tables of
 * runtime-support.ts on the day of the scan (a scheduled deprecation date that has passed fails). An id the
 * table does not know is unknown, never a pass or a fail. Container images (Lambda PackageType Image, an
 * application_stack docker block) carry their own runtime: their patching is ZT-MODEL-002's image scanning.
 */
const NOT_IN_TABLE = `not in the table of ${RUNTIME_TABLE_CHECKED} (policies/rules/pipeline/runtime-support.ts)`;

/** One runtime id judged against a table; `suggest` names the move a failure recommends, `spelled` the id as written. */
function judgeRuntime(
  table: Readonly<Record<string, RuntimeEntry>>,
  id: string,
  path: string,
  what: string,
  suggest: () => string | undefined,
  spelled: string | number = id,
): CheckResult {
  const l = lifecycle(table, id);
  const shown = JSON.stringify(spelled);
  switch (l.kind) {
    case 'supported':
      return pass(`${path} is ${shown}, supported by ${what}${l.until ? ` until ${l.until}` : ''}`, path);
    case 'deprecated': {
      const to = suggest();
      return fail(
        `${path} is ${shown}, which ${what} has not patched since ${l.since}${to ? `; move to ${to}` : ''}`,
        path,
      );
    }
    case 'unconfirmed':
      return unknown(`${path} is ${shown}, whose support by ${what} could not be confirmed: ${l.reason}`, path);
    case 'unlisted':
      return unknown(`${path} is ${shown}, ${NOT_IN_TABLE}`, path);
  }
}

/** Lambda runtime families for the suggested move: go1.x moved to provided.al2023, dotnetcore to dotnet. */
const family = (id: string): string => {
  const f = id.replace(/[\d.].*$/, '');
  return f === 'go' ? 'provided' : f === 'dotnetcore' ? 'dotnet' : f;
};

const lambdaFunction =
  (runtimePath: string, packagePath: string): Check =>
  (fn, { graph }) => {
    const pkg = readString(graph, fn, packagePath);
    if (pkg.kind === 'value' && pkg.value === 'Image') {
      return notApplicable('a container-image function: its runtime is patched through the image (ZT-MODEL-002)');
    }
    const runtime = readString(graph, fn, runtimePath);
    if (runtime.kind === 'absent') {
      return notApplicable(
        `no ${runtimePath}: a container-image function (Lambda rejects a .zip function without one)`,
      );
    }
    if (runtime.kind === 'unknown') return unknownAt(runtimePath, runtime.reason);
    const id = runtime.value;
    return judgeRuntime(LAMBDA_RUNTIMES, id, runtimePath, 'AWS Lambda', () =>
      newestSupported(LAMBDA_RUNTIMES, (other) => family(other) === family(id)),
    );
  };

const STACKS: readonly [string, AzureStack, string][] = [
  ['python_version', 'python', 'Python'],
  ['node_version', 'node', 'Node.js'],
  ['java_version', 'java', 'Java'],
  ['dotnet_version', 'dotnet', '.NET'],
  ['powershell_core_version', 'powershell', 'PowerShell'],
];

/** A version argument: a string, or a number Terraform JSON may carry ("node_version": 22). */
function judgeVersion(
  graph: ResourceGraph,
  app: Resource,
  path: string,
  stack: AzureStack,
  label: string,
): CheckResult {
  const r = graph.value(app, path);
  const raw =
    r.kind === 'literal' && (typeof r.value === 'string' || typeof r.value === 'number') ? r.value : undefined;
  if (raw === undefined) return unknownAt(path, describeResolved(r));
  const table = AZURE_FUNCTIONS_VERSIONS[stack];
  const key = azureVersionKey(stack, String(raw));
  // Judged by its table key, shown in the provider's own spelling ("~20", "v8.0").
  return judgeRuntime(
    table,
    key,
    path,
    `Azure Functions (${label} ${key})`,
    () => newestSupported(table, () => true),
    raw,
  );
}

/** The language versions an application_stack block names (normally one). */
function applicationStack(graph: ResourceGraph, app: Resource, base: string): CheckResult[] {
  if (isPresent(graph, app, joinPath(base, 'docker'))) return [];
  const custom = readBoolean(graph, app, joinPath(base, 'use_custom_runtime'));
  if (custom.kind === 'value' && custom.value) return [];
  const results: CheckResult[] = [];
  for (const [arg, stack, label] of STACKS) {
    const path = joinPath(base, arg);
    if (isPresent(graph, app, path)) results.push(judgeVersion(graph, app, path, stack, label));
  }
  return results;
}

const functionApp: Check = (app, { graph }) => {
  const site = tfBlock(graph, app, '', 'site_config');
  if (site.kind === 'absent') return notApplicable('no site_config, so no application_stack names a language version');
  const stack = tfBlock(graph, app, site.path, 'application_stack');
  if (stack.kind === 'absent') return notApplicable('site_config names no application_stack (no language version)');
  const results = applicationStack(graph, app, stack.path);
  if (results.length === 0) {
    return notApplicable('application_stack names no language version (a container image or a custom handler)');
  }
  // A dynamic block is rendered only if its for_each is non-empty: a retired version there may never deploy.
  return eachOf(results.map((r) => forbiddenInBlock(site.kind === 'dynamic' ? site : stack, r)));
};

export const supportedRuntimesRule: Rule = {
  id: 'ZT-PIPELINE-004',
  title: 'Compute runs on supported runtimes',
  severity: 'medium',
  layer: 'pipeline',
  rationale:
    'Zero trust judges every request by the health of the workload that makes it, not by the network it comes ' +
    'from. A function on a runtime its provider has deprecated no longer receives security patches for the ' +
    'language runtime or its operating system: known vulnerabilities stay exploitable in the code that handles ' +
    'model artefacts, secrets rotation and pipeline events, however private its network is.',
  remediation:
    'AWS: set the function runtime to one Lambda still patches (nodejs24.x, python3.14, java25, dotnet10, ruby3.4, ' +
    'provided.al2023) and redeploy; CDK lambda.Function({ runtime: lambda.Runtime.NODEJS_24_X }); CloudFormation ' +
    'AWS::Lambda::Function Runtime: nodejs24.x; Terraform aws_lambda_function runtime = "nodejs24.x". ' +
    'Azure: azurerm_linux_function_app / azurerm_windows_function_app site_config { application_stack { ' +
    'python_version = "3.12" } } (or node_version "22", java_version "17", dotnet_version "10.0", a supported ' +
    'powershell_core_version). Container images are patched through the image, which ZT-MODEL-002 scans.',
  remediationBy: {
    cdk: 'lambda.Function({ runtime: lambda.Runtime.NODEJS_24_X }) (or PYTHON_3_14, JAVA_25, DOTNET_10, RUBY_3_4, PROVIDED_AL2023).',
    cdktf:
      'LinuxFunctionApp / WindowsFunctionApp siteConfig: { applicationStack: { pythonVersion: "3.12" } } (azurerm); ' +
      'LambdaFunction({ runtime: "nodejs24.x" }) (aws).',
  },
  controls: [
    { framework: 'NIST-800-53', id: 'SA-22' },
    { framework: 'NIST-800-53', id: 'SI-2' },
    { framework: 'SOC2', id: 'CC7.1' },
    { framework: 'ISO-27001', id: 'A.8.8' },
  ],
  equivalents: nagEquivalents(
    ['AwsSolutions-L1'],
    ['AWS::Lambda::Function'],
    'cdk-nag LambdaLatestVersion demands the latest runtime of the family that the installed aws-cdk-lib knows ' +
      '(python3.13 fails once PYTHON_3_14 exists) and skips provided.*; this rule fails only runtimes Lambda has ' +
      'deprecated, and reports unknown for an id missing from its dated table.',
  ),
  scope: 'resource',
  checks: {
    'AWS::Lambda::Function': lambdaFunction('Runtime', 'PackageType'),
    aws_lambda_function: lambdaFunction('runtime', 'package_type'),
    azurerm_linux_function_app: functionApp,
    azurerm_windows_function_app: functionApp,
  },
};
