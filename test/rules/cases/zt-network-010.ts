import { describedRulesRule } from '../../../policies/rules/network/zt-network-010-described-rules';
import { RuleCases, cfn, tf } from '../helpers';
import { WHY, azureCases } from './zt-network-010-azure';

const CDK_PATH = 'Stack/Net/WorkloadSg';
const group = (props: Record<string, unknown>, extra: Record<string, unknown> = {}, cdkPath?: string) =>
  cfn(
    {
      Sg: {
        Type: 'AWS::EC2::SecurityGroup',
        Properties: { VpcId: 'vpc-1', ...props },
        ...(cdkPath ? { Metadata: { 'aws:cdk:path': `${cdkPath}/Resource` } } : {}),
      },
    },
    extra,
  );
const https = (extra: Record<string, unknown> = {}) => ({
  IpProtocol: 'tcp',
  FromPort: 443,
  ToPort: 443,
  CidrIp: '10.0.0.0/16',
  ...extra,
});
const standalone = (type: string, props: Record<string, unknown>, cdkPath?: string) =>
  cfn({
    Rule: {
      Type: type,
      Properties: { GroupId: 'sg-1', ...https(), ...props },
      ...(cdkPath ? { Metadata: { 'aws:cdk:path': cdkPath } } : {}),
    },
  });
const tfGroup = (args: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  tf({ aws_security_group: { g: { name: 'g', vpc_id: 'vpc-1', ...args } } }, extra);
const block = (extra: Record<string, unknown> = {}) => ({
  from_port: 443,
  to_port: 443,
  protocol: 'tcp',
  cidr_blocks: ['10.0.0.0/16'],
  ...extra,
});
const tfRule = (type: string, args: Record<string, unknown>) =>
  tf({ [type]: { r: { security_group_id: 'sg-1', from_port: 443, to_port: 443, ip_protocol: 'tcp', ...args } } });
export const cases: RuleCases = {
  rule: describedRulesRule,
  cases: [
    // CloudFormation security groups
    {
      name: 'group and inline rules described',
      doc: group({
        GroupDescription: 'Endpoints: HTTPS from the platform',
        SecurityGroupIngress: [https({ Description: WHY })],
        SecurityGroupEgress: [https({ Description: 'to S3 through the gateway endpoint' })],
      }),
      address: 'Sg',
      verdict: 'pass',
    },
    {
      name: 'group without GroupDescription',
      doc: group({}),
      address: 'Sg',
      verdict: 'fail',
      path: 'GroupDescription',
    },
    {
      name: 'every undescribed inline rule is its own finding',
      doc: group({
        GroupDescription: 'Endpoints',
        SecurityGroupIngress: [https({ Description: WHY }), https({ Description: '  ' })],
        SecurityGroupEgress: [https()],
      }),
      address: 'Sg',
      verdict: 'fail',
      failingPaths: ['SecurityGroupIngress.1.Description', 'SecurityGroupEgress.0.Description'],
    },
    {
      name: 'GroupDescription left at CDK\u2019s default (the construct path)',
      doc: group({ GroupDescription: CDK_PATH }, {}, CDK_PATH),
      address: 'Sg',
      verdict: 'fail',
      path: 'GroupDescription',
      message: /construct path/,
    },
    {
      name: 'inline rule with CDK\u2019s generated description',
      doc: group(
        { GroupDescription: 'Workloads', SecurityGroupIngress: [https({ Description: 'from 10.0.0.0/16:443' })] },
        {},
        CDK_PATH,
      ),
      address: 'Sg',
      verdict: 'fail',
      path: 'SecurityGroupIngress.0.Description',
    },
    {
      name: 'a hand-written template may say "from 10.0.0.0/16:443" (not CDK\u2019s placeholder there)',
      doc: group({
        GroupDescription: 'Workloads',
        SecurityGroupIngress: [https({ Description: 'from 10.0.0.0/16:443' })],
      }),
      address: 'Sg',
      verdict: 'pass',
    },
    {
      name: 'GroupDescription from a parameter',
      doc: group({ GroupDescription: { Ref: 'Why' } }, { Parameters: { Why: { Type: 'String' } } }),
      address: 'Sg',
      verdict: 'unknown',
      path: 'GroupDescription',
    },
    {
      name: 'GroupDescription joined from text and the stack name',
      doc: group({ GroupDescription: { 'Fn::Join': ['', ['Endpoints of ', { Ref: 'AWS::StackName' }]] } }),
      address: 'Sg',
      verdict: 'pass',
    },
    {
      name: 'inline rules from a parameter list',
      doc: group(
        { GroupDescription: 'Endpoints', SecurityGroupIngress: { Ref: 'Rules' } },
        { Parameters: { Rules: { Type: 'String' } } },
      ),
      address: 'Sg',
      verdict: 'unknown',
      path: 'SecurityGroupIngress',
    },
    {
      name: 'standalone ingress rule described',
      doc: standalone('AWS::EC2::SecurityGroupIngress', { Description: WHY }),
      address: 'Rule',
      verdict: 'pass',
    },
    {
      name: 'standalone ingress rule without Description',
      doc: standalone('AWS::EC2::SecurityGroupIngress', {}),
      address: 'Rule',
      verdict: 'fail',
      path: 'Description',
    },
    {
      name: 'standalone egress rule described',
      doc: standalone('AWS::EC2::SecurityGroupEgress', { Description: 'to the endpoints' }),
      address: 'Rule',
      verdict: 'pass',
    },
    {
      name: 'standalone egress rule with CDK\u2019s generated description',
      doc: standalone(
        'AWS::EC2::SecurityGroupEgress',
        { Description: 'to sg-123:ALL TRAFFIC' },
        `${CDK_PATH}/to sg:ALL`,
      ),
      address: 'Rule',
      verdict: 'fail',
      path: 'Description',
    },
    {
      name: 'standalone egress rule with an empty Description',
      doc: standalone('AWS::EC2::SecurityGroupEgress', { Description: '' }),
      address: 'Rule',
      verdict: 'fail',
      path: 'Description',
    },
    // Terraform AWS
    {
      name: 'aws_security_group and its blocks described',
      doc: tfGroup({
        description: 'Endpoints',
        ingress: [block({ description: WHY })],
        egress: [block({ description: 'to S3' })],
      }),
      address: 'aws_security_group.g',
      verdict: 'pass',
    },
    {
      name: 'aws_security_group without description (defaults to "Managed by Terraform")',
      doc: tfGroup({}),
      address: 'aws_security_group.g',
      verdict: 'fail',
      path: 'description',
      message: /Managed by Terraform/,
    },
    {
      name: 'aws_security_group with the provider default spelled out',
      doc: tfGroup({ description: 'Managed by Terraform' }),
      address: 'aws_security_group.g',
      verdict: 'fail',
      path: 'description',
    },
    {
      name: 'aws_security_group block without description',
      doc: tfGroup({ description: 'Endpoints', ingress: [block({ description: WHY }), block()] }),
      address: 'aws_security_group.g',
      verdict: 'fail',
      failingPaths: ['ingress.1.description'],
    },
    {
      name: 'aws_security_group single egress block written as an object',
      doc: tfGroup({ description: 'Endpoints', egress: block({ description: null }) }),
      address: 'aws_security_group.g',
      verdict: 'fail',
      path: 'egress.description',
    },
    {
      name: 'aws_security_group description from a variable',
      doc: tfGroup({ description: '${var.why}' }),
      address: 'aws_security_group.g',
      verdict: 'unknown',
      path: 'description',
    },
    {
      name: 'aws_security_group description from a local that resolves',
      doc: tfGroup({ description: '${local.why}' }, { locals: { why: 'Endpoints of the platform' } }),
      address: 'aws_security_group.g',
      verdict: 'pass',
    },
    {
      name: 'dynamic ingress whose content is described: every rendered block is',
      doc: tfGroup({
        description: 'Endpoints',
        dynamic: { ingress: [{ for_each: '${var.peers}', content: [block({ description: WHY })] }] },
      }),
      address: 'aws_security_group.g',
      verdict: 'pass',
    },
    {
      name: 'dynamic ingress whose content has no description: every rendered block lacks one',
      doc: tfGroup({
        description: 'Endpoints',
        dynamic: { ingress: [{ for_each: '${var.peers}', content: [block()] }] },
      }),
      address: 'aws_security_group.g',
      verdict: 'fail',
      path: 'dynamic.ingress.content.description',
    },
    {
      name: 'dynamic ingress described from the iterator',
      doc: tfGroup({
        description: 'Endpoints',
        dynamic: {
          ingress: [{ for_each: '${var.peers}', content: [block({ description: '${ingress.value.why}' })] }],
        },
      }),
      address: 'aws_security_group.g',
      verdict: 'unknown',
      path: 'dynamic.ingress.content.description',
    },
    {
      name: 'aws_security_group_rule described',
      doc: tfRule('aws_security_group_rule', { type: 'ingress', protocol: 'tcp', description: WHY }),
      address: 'aws_security_group_rule.r',
      verdict: 'pass',
    },
    {
      name: 'aws_security_group_rule without description',
      doc: tfRule('aws_security_group_rule', { type: 'ingress', protocol: 'tcp' }),
      address: 'aws_security_group_rule.r',
      verdict: 'fail',
      path: 'description',
    },
    {
      name: 'aws_vpc_security_group_ingress_rule described',
      doc: tfRule('aws_vpc_security_group_ingress_rule', { cidr_ipv4: '10.0.0.0/16', description: WHY }),
      address: 'aws_vpc_security_group_ingress_rule.r',
      verdict: 'pass',
    },
    {
      name: 'aws_vpc_security_group_ingress_rule without description',
      doc: tfRule('aws_vpc_security_group_ingress_rule', { cidr_ipv4: '10.0.0.0/16' }),
      address: 'aws_vpc_security_group_ingress_rule.r',
      verdict: 'fail',
      path: 'description',
    },
    {
      name: 'aws_vpc_security_group_egress_rule described',
      doc: tfRule('aws_vpc_security_group_egress_rule', { cidr_ipv4: '10.0.0.0/16', description: 'to S3' }),
      address: 'aws_vpc_security_group_egress_rule.r',
      verdict: 'pass',
    },
    {
      name: 'aws_vpc_security_group_egress_rule with a blank description',
      doc: tfRule('aws_vpc_security_group_egress_rule', { cidr_ipv4: '10.0.0.0/16', description: ' ' }),
      address: 'aws_vpc_security_group_egress_rule.r',
      verdict: 'fail',
      path: 'description',
    },
    {
      name: 'aws_vpc_security_group_egress_rule description from a variable',
      doc: tfRule('aws_vpc_security_group_egress_rule', { cidr_ipv4: '10.0.0.0/16', description: '${var.why}' }),
      address: 'aws_vpc_security_group_egress_rule.r',
      verdict: 'unknown',
      path: 'description',
    },
    ...azureCases,
  ],
};
