import { supportedRuntimesRule } from '../../../policies/rules/pipeline/zt-pipeline-004-supported-runtimes';
import { RuleCases, cfn, tf } from '../helpers';

// Pass cases use the runtimes patched longest (2028 and later), so they do not expire with the clock.
const CODE = { ZipFile: 'exports.handler = async () => ({});' };
const fn = (props: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  cfn({ Fn: { Type: 'AWS::Lambda::Function', Properties: { Role: 'arn:role', Code: CODE, ...props } } }, extra);
const tfFn = (args: Record<string, unknown>) =>
  tf({ aws_lambda_function: { f: { function_name: 'f', role: 'arn:role', filename: 'f.zip', ...args } } });
const APP = {
  name: 'app',
  location: 'westeurope',
  resource_group_name: 'rg',
  service_plan_id: 'plan',
  storage_account_name: 'sa',
};
const linux = (site: unknown) => tf({ azurerm_linux_function_app: { a: { ...APP, site_config: site } } });
const windows = (site: unknown) => tf({ azurerm_windows_function_app: { a: { ...APP, site_config: site } } });
const stack = (s: Record<string, unknown>) => [{ application_stack: [s] }];
const LINUX = 'azurerm_linux_function_app.a';
const WINDOWS = 'azurerm_windows_function_app.a';
const STACK = 'site_config.application_stack';

export const cases: RuleCases = {
  rule: supportedRuntimesRule,
  cases: [
    {
      name: 'Node.js 24 function',
      doc: fn({ Runtime: 'nodejs24.x', Handler: 'index.handler' }),
      address: 'Fn',
      verdict: 'pass',
    },
    {
      name: 'Python 3.14 function',
      doc: fn({ Runtime: 'python3.14', Handler: 'index.handler' }),
      address: 'Fn',
      verdict: 'pass',
    },
    {
      name: 'Node.js 18 function (deprecated 2025-09-01)',
      doc: fn({ Runtime: 'nodejs18.x' }),
      address: 'Fn',
      verdict: 'fail',
      path: 'Runtime',
      message: /since 2025-09-01; move to nodejs24\.x/,
    },
    {
      name: 'Node.js 20 function (deprecated 2026-04-30)',
      doc: fn({ Runtime: 'nodejs20.x' }),
      address: 'Fn',
      verdict: 'fail',
      path: 'Runtime',
    },
    { name: 'Python 3.9 function', doc: fn({ Runtime: 'python3.9' }), address: 'Fn', verdict: 'fail', path: 'Runtime' },
    {
      name: 'go1.x function: the move is provided.al2023',
      doc: fn({ Runtime: 'go1.x' }),
      address: 'Fn',
      verdict: 'fail',
      path: 'Runtime',
      message: /move to provided\.al2023/,
    },
    {
      name: 'Java 8 on Amazon Linux 1',
      doc: fn({ Runtime: 'java8' }),
      address: 'Fn',
      verdict: 'fail',
      path: 'Runtime',
    },
    {
      name: 'a runtime id the table does not know',
      doc: fn({ Runtime: 'nodejs26.x' }),
      address: 'Fn',
      verdict: 'unknown',
      path: 'Runtime',
      message: /not in the table of 2026-12-01/,
    },
    {
      name: 'provided.al2, whose date the sources disagree on',
      doc: fn({ Runtime: 'provided.al2' }),
      address: 'Fn',
      verdict: 'unknown',
      path: 'Runtime',
      message: /could not be confirmed/,
    },
    {
      name: 'Runtime from a parameter',
      doc: fn({ Runtime: { Ref: 'Rt' } }, { Parameters: { Rt: { Type: 'String', Default: 'nodejs24.x' } } }),
      address: 'Fn',
      verdict: 'unknown',
      path: 'Runtime',
    },
    {
      name: 'container-image function',
      doc: fn({ PackageType: 'Image', Code: { ImageUri: '123.dkr.ecr.eu-west-1.amazonaws.com/f:1' } }),
      address: 'Fn',
      verdict: 'not_applicable',
    },
    {
      name: 'aws_lambda_function on python3.13',
      doc: tfFn({ runtime: 'python3.13' }),
      address: 'aws_lambda_function.f',
      verdict: 'pass',
    },
    {
      name: 'aws_lambda_function on ruby3.2 (deprecated 2026-03-31)',
      doc: tfFn({ runtime: 'ruby3.2' }),
      address: 'aws_lambda_function.f',
      verdict: 'fail',
      path: 'runtime',
      message: /move to ruby3\.4/,
    },
    {
      name: 'aws_lambda_function runtime from a variable',
      doc: tfFn({ runtime: '${var.runtime}' }),
      address: 'aws_lambda_function.f',
      verdict: 'unknown',
      path: 'runtime',
    },
    {
      name: 'aws_lambda_function from an image',
      doc: tfFn({ package_type: 'Image', image_uri: 'repo:1', filename: undefined }),
      address: 'aws_lambda_function.f',
      verdict: 'not_applicable',
    },
    {
      name: 'Linux function app on Python 3.13',
      doc: linux(stack({ python_version: '3.13' })),
      address: LINUX,
      verdict: 'pass',
    },
    {
      name: 'Linux function app on Python 3.9',
      doc: linux(stack({ python_version: '3.9' })),
      address: LINUX,
      verdict: 'fail',
      path: `${STACK}.python_version`,
    },
    {
      name: 'Linux function app on Node 18',
      doc: linux(stack({ node_version: '18' })),
      address: LINUX,
      verdict: 'fail',
      path: `${STACK}.node_version`,
    },
    {
      name: 'Linux function app on .NET 6',
      doc: linux(stack({ dotnet_version: '6.0' })),
      address: LINUX,
      verdict: 'fail',
      path: `${STACK}.dotnet_version`,
    },
    {
      name: 'Linux function app on a Python version the table does not know',
      doc: linux(stack({ python_version: '3.15' })),
      address: LINUX,
      verdict: 'unknown',
      path: `${STACK}.python_version`,
    },
    {
      name: 'Linux function app Python version from a variable',
      doc: linux(stack({ python_version: '${var.python}' })),
      address: LINUX,
      verdict: 'unknown',
      path: `${STACK}.python_version`,
    },
    {
      name: 'Linux function app from a container image',
      doc: linux(stack({ docker: [{ registry_url: 'https://acr.azurecr.io', image_name: 'f', image_tag: '1' }] })),
      address: LINUX,
      verdict: 'not_applicable',
    },
    {
      name: 'Linux function app without application_stack',
      doc: linux([{}]),
      address: LINUX,
      verdict: 'not_applicable',
    },
    {
      name: 'Linux function app whose dynamic application_stack names a retired version',
      doc: linux([
        { dynamic: { application_stack: [{ for_each: '${var.stacks}', content: [{ node_version: '16' }] }] } },
      ]),
      address: LINUX,
      verdict: 'unknown',
      path: 'site_config.dynamic.application_stack.content.node_version',
    },
    {
      name: 'Windows function app on .NET 10',
      doc: windows(stack({ dotnet_version: 'v10.0' })),
      address: WINDOWS,
      verdict: 'pass',
    },
    {
      name: 'Windows function app on Node ~24',
      doc: windows(stack({ node_version: '~24' })),
      address: WINDOWS,
      verdict: 'pass',
    },
    {
      name: 'Windows function app on PowerShell 7.2',
      doc: windows(stack({ powershell_core_version: '7.2' })),
      address: WINDOWS,
      verdict: 'fail',
      path: `${STACK}.powershell_core_version`,
    },
    {
      name: 'Windows function app on Java 1.8 (Java 8 ended 2026-11-30)',
      doc: windows(stack({ java_version: '1.8' })),
      address: WINDOWS,
      verdict: 'fail',
      path: `${STACK}.java_version`,
      message: /"1\.8"/,
    },
    {
      name: 'Windows function app on Node ~20',
      doc: windows(stack({ node_version: '~20' })),
      address: WINDOWS,
      verdict: 'fail',
      path: `${STACK}.node_version`,
    },
  ],
};
