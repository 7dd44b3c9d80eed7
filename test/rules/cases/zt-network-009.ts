import { functionsInVpcRule } from '../../../policies/rules/network/zt-network-009-functions-in-vpc';
import { RuleCases, cfn, tf } from '../helpers';

const fn = (props: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  cfn({ Fn: { Type: 'AWS::Lambda::Function', Properties: { Runtime: 'nodejs22.x', Role: 'arn', ...props } } }, extra);
const inVpc = { SubnetIds: ['subnet-1', 'subnet-2'], SecurityGroupIds: ['sg-1'] };
const tfFn = (args: Record<string, unknown>) =>
  tf({ aws_lambda_function: { f: { function_name: 'f', role: 'arn', runtime: 'nodejs22.x', ...args } } });
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
const isolated = { virtual_network_subnet_id: '${azurerm_subnet.s.id}', public_network_access_enabled: false };

export const cases: RuleCases = {
  rule: functionsInVpcRule,
  cases: [
    {
      name: 'function in private subnets with a security group',
      doc: fn({ VpcConfig: inVpc }),
      address: 'Fn',
      verdict: 'pass',
    },
    { name: 'function without VpcConfig', doc: fn({}), address: 'Fn', verdict: 'fail', path: 'VpcConfig' },
    {
      name: 'function with subnets but no security group',
      doc: fn({ VpcConfig: { SubnetIds: ['subnet-1'], SecurityGroupIds: [] } }),
      address: 'Fn',
      verdict: 'fail',
      path: 'VpcConfig.SecurityGroupIds',
    },
    {
      name: 'function subnets from a parameter',
      doc: fn(
        { VpcConfig: { SubnetIds: { Ref: 'Subnets' }, SecurityGroupIds: ['sg-1'] } },
        { Parameters: { Subnets: { Type: 'List<AWS::EC2::Subnet::Id>' } } },
      ),
      address: 'Fn',
      verdict: 'unknown',
      path: 'VpcConfig.SubnetIds',
    },
    {
      name: 'aws_lambda_function with vpc_config',
      doc: tfFn({ vpc_config: { subnet_ids: ['subnet-1'], security_group_ids: ['sg-1'] } }),
      address: 'aws_lambda_function.f',
      verdict: 'pass',
    },
    {
      name: 'aws_lambda_function without vpc_config',
      doc: tfFn({}),
      address: 'aws_lambda_function.f',
      verdict: 'fail',
      path: 'vpc_config',
    },
    {
      name: 'aws_lambda_function with empty subnet_ids',
      doc: tfFn({ vpc_config: { subnet_ids: [], security_group_ids: ['sg-1'] } }),
      address: 'aws_lambda_function.f',
      verdict: 'fail',
      path: 'vpc_config.subnet_ids',
    },
    {
      name: 'aws_lambda_function subnets from a variable',
      doc: tfFn({ vpc_config: { subnet_ids: '${var.subnets}', security_group_ids: ['sg-1'] } }),
      address: 'aws_lambda_function.f',
      verdict: 'unknown',
    },
    {
      name: 'linux function app integrated with a subnet, no public access',
      doc: app('azurerm_linux_function_app', isolated),
      address: 'azurerm_linux_function_app.a',
      verdict: 'pass',
    },
    {
      name: 'linux function app with defaults (public, no VNet integration)',
      doc: app('azurerm_linux_function_app', {}),
      address: 'azurerm_linux_function_app.a',
      verdict: 'fail',
      failingPaths: ['virtual_network_subnet_id', 'public_network_access_enabled'],
    },
    {
      name: 'windows function app integrated, no public access',
      doc: app('azurerm_windows_function_app', isolated),
      address: 'azurerm_windows_function_app.a',
      verdict: 'pass',
    },
    {
      name: 'windows function app integrated but public',
      doc: app('azurerm_windows_function_app', { ...isolated, public_network_access_enabled: true }),
      address: 'azurerm_windows_function_app.a',
      verdict: 'fail',
      path: 'public_network_access_enabled',
    },
    {
      name: 'windows function app public access from a variable',
      doc: app('azurerm_windows_function_app', { ...isolated, public_network_access_enabled: '${var.public}' }),
      address: 'azurerm_windows_function_app.a',
      verdict: 'unknown',
    },
  ],
};
