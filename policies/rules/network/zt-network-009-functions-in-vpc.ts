import type { ResourceGraph } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import { type Check, type CheckResult, Rule, fail, pass } from '../../engine/rule';
import { eachOf } from '../shared/combine';
import { isFalse, judgeSetting } from '../shared/expect';
import { nagEquivalents } from '../shared/nag-equivalents';
import { isPresent, joinPath, listLength, unknownAt } from '../shared/read';

/**
 * A function outside the VPC runs on the provider's network with a route to the internet: its
 * role's credentials and whatever it reads (secrets during rotation, model artifacts during
 * verification) can leave without crossing a security group or flow log. Inside, it reaches
 * services only through the VPC's endpoints. One finding per missing list.
 */
function nonEmpty(g: ResourceGraph, res: Resource, path: string, what: string): CheckResult {
  const n = listLength(g, res, path);
  if (n.kind === 'unknown') return unknownAt(path, n.reason);
  return n.kind === 'value' && n.value > 0
    ? pass(`${path} lists ${n.value} ${what}`, path)
    : fail(`${path} is empty: the function is not attached to the VPC\u2019s ${what}`, path);
}

const lambda =
  (block: string, subnets: string, groups: string): Check =>
  (res, { graph }) => {
    if (!isPresent(graph, res, block)) {
      return fail(
        `${block} is not set: the function runs outside the VPC, with a path to the internet that no security ` +
          'group or flow log sees; attach it to the private subnets',
        block,
      );
    }
    return eachOf([
      nonEmpty(graph, res, joinPath(block, subnets), 'subnets'),
      nonEmpty(graph, res, joinPath(block, groups), 'security groups'),
    ]);
  };

/** Azure function apps: regional VNet integration for egress, and no public inbound endpoint. */
const functionApp: Check = (res, { graph }) =>
  eachOf([
    isPresent(graph, res, 'virtual_network_subnet_id')
      ? pass('virtual_network_subnet_id integrates the app with a subnet', 'virtual_network_subnet_id')
      : fail(
          'virtual_network_subnet_id is not set: outbound calls leave from the platform\u2019s shared public ' +
            'addresses, not the virtual network; integrate the app with a delegated subnet',
          'virtual_network_subnet_id',
        ),
    judgeSetting(
      graph,
      res,
      isFalse('public_network_access_enabled', {
        providerDefault: true,
        risk: 'the app is reachable from the internet',
      }),
    ),
  ]);

export const functionsInVpcRule: Rule = {
  id: 'ZT-NETWORK-009',
  title: 'Functions run inside the private network',
  severity: 'high',
  layer: 'network',
  rationale:
    'The platform\u2019s functions rotate secrets, verify model signatures and glue pipelines together: they hold ' +
    'credentials and read sensitive data. Outside the private network their traffic bypasses the security groups, ' +
    'NSGs, endpoints and flow logs that confine everything else, so a compromised dependency can exfiltrate freely.',
  remediation:
    'AWS: VpcConfig with SubnetIds (private subnets) and SecurityGroupIds on every AWS::Lambda::Function / a ' +
    'vpc_config block with subnet_ids and security_group_ids (CDK: lambda.Function({ vpc, vpcSubnets, ' +
    'securityGroups })); reach AWS services through interface endpoints. Azure: virtual_network_subnet_id on the ' +
    'function app and public_network_access_enabled = false, with a private endpoint for inbound calls.',
  controls: [
    { framework: 'NIST-800-53', id: 'SC-7' },
    { framework: 'NIST-800-53', id: 'AC-4' },
    { framework: 'SOC2', id: 'CC6.6' },
    { framework: 'HIPAA', id: '164.312(e)(1)' },
    { framework: 'GDPR', id: 'Art. 32(1)(b)' },
    { framework: 'ISO-27001', id: 'A.8.20' },
    { framework: 'ISO-27001', id: 'A.8.22' },
  ],
  equivalents: [
    ...nagEquivalents(
      ['NIST.800.53.R5-LambdaInsideVPC', 'HIPAA.Security-LambdaInsideVPC'],
      ['AWS::Lambda::Function'],
      'cdk-nag passes a VpcConfig with subnets or security groups; this rule requires both.',
    ),
  ],
  scope: 'resource',
  checks: {
    'AWS::Lambda::Function': lambda('VpcConfig', 'SubnetIds', 'SecurityGroupIds'),
    aws_lambda_function: lambda('vpc_config', 'subnet_ids', 'security_group_ids'),
    azurerm_linux_function_app: functionApp,
    azurerm_windows_function_app: functionApp,
  },
};
