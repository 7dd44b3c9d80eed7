import { defaultSecurityGroupRule } from '../../../policies/rules/network/zt-network-005-default-sg-closed';
import { RuleCases, cfn, tf } from '../helpers';

const VPC = { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } };
const DEFAULT_SG = { 'Fn::GetAtt': ['Vpc', 'DefaultSecurityGroup'] };
const association = (name: string, groupId: unknown = DEFAULT_SG) => ({
  Type: 'AWS::SSM::Association',
  Properties: { Name: name, Parameters: { GroupId: [groupId], AutomationAssumeRole: ['arn:role'] } },
});
const tfVpc = (sg?: Record<string, unknown>, extra: Record<string, Record<string, unknown>> = {}) =>
  tf({
    aws_vpc: { v: { cidr_block: '10.0.0.0/16' } },
    ...(sg ? { aws_default_security_group: { d: { vpc_id: '${aws_vpc.v.id}', ...sg } } } : {}),
    ...extra,
  });

export const cases: RuleCases = {
  rule: defaultSecurityGroupRule,
  cases: [
    {
      name: 'VPC whose default group is stripped by the SSM remediation runbook',
      doc: cfn({ Vpc: VPC, Close: association('AWSConfigRemediation-RemoveVPCDefaultSecurityGroupRules') }),
      address: 'Vpc',
      verdict: 'pass',
    },
    {
      name: 'VPC with CDK restrictDefaultSecurityGroup',
      doc: cfn({
        Vpc: VPC,
        Restrict: {
          Type: 'Custom::VpcRestrictDefaultSG',
          Properties: { ServiceToken: 'arn:fn', DefaultSecurityGroupId: DEFAULT_SG },
        },
      }),
      address: 'Vpc',
      verdict: 'pass',
    },
    {
      name: 'VPC with nothing stripping the default group',
      doc: cfn({ Vpc: VPC }),
      address: 'Vpc',
      verdict: 'fail',
      path: 'DefaultSecurityGroup',
    },
    {
      name: 'VPC whose SSM association runs another document',
      doc: cfn({ Vpc: VPC, Close: association('AWS-RunShellScript') }),
      address: 'Vpc',
      verdict: 'fail',
    },
    {
      name: 'VPC whose runbook targets another group',
      doc: cfn({ Vpc: VPC, Close: association('AWSConfigRemediation-RemoveVPCDefaultSecurityGroupRules', 'sg-1') }),
      address: 'Vpc',
      verdict: 'fail',
    },
    { name: 'tf VPC with an empty default security group', doc: tfVpc({}), address: 'aws_vpc.v', verdict: 'pass' },
    {
      name: 'tf VPC without aws_default_security_group',
      doc: tfVpc(),
      address: 'aws_vpc.v',
      verdict: 'fail',
      path: 'aws_default_security_group',
    },
    {
      name: 'tf default group with an egress block',
      doc: tfVpc({ egress: [{ from_port: 0, to_port: 0, protocol: '-1', cidr_blocks: ['0.0.0.0/0'] }] }),
      address: 'aws_vpc.v',
      verdict: 'fail',
      path: 'aws_default_security_group.d.egress',
    },
    {
      name: 'tf default group given a rule by aws_vpc_security_group_ingress_rule',
      doc: tfVpc(
        {},
        {
          aws_vpc_security_group_ingress_rule: {
            r: { security_group_id: '${aws_default_security_group.d.id}', cidr_ipv4: '10.0.0.0/8', ip_protocol: 'tcp' },
          },
        },
      ),
      address: 'aws_vpc.v',
      verdict: 'fail',
      path: 'aws_default_security_group.d.aws_vpc_security_group_ingress_rule.r',
    },
    {
      name: 'tf VPC whose default group adopts a VPC given by a variable',
      doc: tfVpc({ vpc_id: '${var.vpc}' }),
      address: 'aws_vpc.v',
      verdict: 'unknown',
    },
    {
      name: 'tf default group of the default VPC (no vpc_id), empty',
      doc: tf({ aws_default_security_group: { d: {} } }),
      address: 'aws_default_security_group.d',
      verdict: 'pass',
    },
    {
      name: 'tf default group of the default VPC with a self ingress',
      doc: tf({
        aws_default_security_group: { d: { ingress: [{ protocol: '-1', self: true, from_port: 0, to_port: 0 }] } },
      }),
      address: 'aws_default_security_group.d',
      verdict: 'fail',
      path: 'ingress',
    },
  ],
};
