import { concurrencyCeilingRule } from '../../../policies/rules/pipeline/zt-pipeline-005-concurrency-ceiling';
import { RuleCases, cfn, tf } from '../helpers';

const fn = (props: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  cfn(
    {
      Fn: {
        Type: 'AWS::Lambda::Function',
        Properties: { Role: 'arn:aws:iam::111122223333:role/r', Code: { ZipFile: 'x' }, ...props },
      },
    },
    extra,
  );
const tfFn = (args: Record<string, unknown>) =>
  tf({ aws_lambda_function: { f: { function_name: 'f', role: 'arn:aws:iam::111122223333:role/r', ...args } } });
const app = (type: string, args: Record<string, unknown>) =>
  tf({
    [type]: {
      a: { name: 'a', location: 'westeurope', resource_group_name: 'rg', service_plan_id: 'plan', ...args },
    },
  });
const linux = (args: Record<string, unknown>) => app('azurerm_linux_function_app', args);
const windows = (args: Record<string, unknown>) => app('azurerm_windows_function_app', args);

export const cases: RuleCases = {
  rule: concurrencyCeilingRule,
  cases: [
    {
      name: 'function with a reserved concurrency of 2',
      doc: fn({ ReservedConcurrentExecutions: 2 }),
      address: 'Fn',
      verdict: 'pass',
      path: 'ReservedConcurrentExecutions',
    },
    {
      name: 'function without reserved concurrency (unreserved pool)',
      doc: fn({}),
      address: 'Fn',
      verdict: 'fail',
      path: 'ReservedConcurrentExecutions',
      message: /unreserved concurrency/,
    },
    {
      name: 'function with reserved concurrency 0: disabled, spends nothing',
      doc: fn({ ReservedConcurrentExecutions: 0 }),
      address: 'Fn',
      verdict: 'pass',
      message: /disabled/,
    },
    {
      name: 'function with a fractional reserved concurrency',
      doc: fn({ ReservedConcurrentExecutions: 2.5 }),
      address: 'Fn',
      verdict: 'fail',
      path: 'ReservedConcurrentExecutions',
    },
    {
      name: 'reserved concurrency from a parameter',
      doc: fn({ ReservedConcurrentExecutions: { Ref: 'Ceiling' } }, { Parameters: { Ceiling: { Type: 'Number' } } }),
      address: 'Fn',
      verdict: 'unknown',
      path: 'ReservedConcurrentExecutions',
    },
    {
      name: 'aws_lambda_function with reserved_concurrent_executions 5',
      doc: tfFn({ reserved_concurrent_executions: 5 }),
      address: 'aws_lambda_function.f',
      verdict: 'pass',
    },
    {
      name: 'aws_lambda_function without reserved_concurrent_executions (provider default -1)',
      doc: tfFn({}),
      address: 'aws_lambda_function.f',
      verdict: 'fail',
      path: 'reserved_concurrent_executions',
    },
    {
      name: 'aws_lambda_function with reserved_concurrent_executions -1 (unreserved)',
      doc: tfFn({ reserved_concurrent_executions: -1 }),
      address: 'aws_lambda_function.f',
      verdict: 'fail',
      path: 'reserved_concurrent_executions',
      message: /unreserved/,
    },
    {
      name: 'aws_lambda_function reserved_concurrent_executions from a variable',
      doc: tfFn({ reserved_concurrent_executions: '${var.ceiling}' }),
      address: 'aws_lambda_function.f',
      verdict: 'unknown',
      path: 'reserved_concurrent_executions',
    },
    {
      name: 'linux function app with app_scale_limit 3',
      doc: linux({ site_config: [{ app_scale_limit: 3 }] }),
      address: 'azurerm_linux_function_app.a',
      verdict: 'pass',
      path: 'site_config.app_scale_limit',
    },
    {
      name: 'linux function app without app_scale_limit (plan maximum)',
      doc: linux({ site_config: [{ always_on: false }] }),
      address: 'azurerm_linux_function_app.a',
      verdict: 'fail',
      path: 'site_config.app_scale_limit',
    },
    {
      name: 'linux function app without site_config',
      doc: linux({}),
      address: 'azurerm_linux_function_app.a',
      verdict: 'fail',
      path: 'site_config.app_scale_limit',
    },
    {
      name: 'linux function app with app_scale_limit 0 (no limit)',
      doc: linux({ site_config: { app_scale_limit: 0 } }),
      address: 'azurerm_linux_function_app.a',
      verdict: 'fail',
      path: 'site_config.app_scale_limit',
    },
    {
      name: 'linux function app app_scale_limit from a variable',
      doc: linux({ site_config: [{ app_scale_limit: '${var.limit}' }] }),
      address: 'azurerm_linux_function_app.a',
      verdict: 'unknown',
      path: 'site_config.app_scale_limit',
    },
    {
      name: 'windows function app with app_scale_limit 10',
      doc: windows({ site_config: [{ app_scale_limit: 10 }] }),
      address: 'azurerm_windows_function_app.a',
      verdict: 'pass',
    },
    {
      name: 'windows function app without app_scale_limit',
      doc: windows({ site_config: [{}] }),
      address: 'azurerm_windows_function_app.a',
      verdict: 'fail',
      path: 'site_config.app_scale_limit',
    },
    {
      name: 'function app with a limit in a dynamic site_config: only as good as for_each',
      doc: windows({ dynamic: { site_config: [{ for_each: '${var.configs}', content: [{ app_scale_limit: 4 }] }] } }),
      address: 'azurerm_windows_function_app.a',
      verdict: 'unknown',
      path: 'dynamic.site_config.content',
    },
    {
      name: 'function app with a dynamic site_config that sets no limit',
      doc: windows({ dynamic: { site_config: [{ for_each: '${var.configs}', content: [{}] }] } }),
      address: 'azurerm_windows_function_app.a',
      verdict: 'fail',
      path: 'dynamic.site_config.content.app_scale_limit',
    },
  ],
};
