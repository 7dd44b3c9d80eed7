import type { ResourceGraph } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import { type Check, type CheckResult, Rule, fail, pass } from '../../engine/rule';
import { eachOf } from '../shared/combine';
import type { CompanionSpec } from '../shared/companion-index';
import { orphanOnly, withCompanions } from '../shared/companions';
import { listLength, rawAt, readString } from '../shared/read';

/**
 * A VPC's default security group admits all traffic from its members and all egress. Resources
 * launched without a group land in it, so it must hold no rule.
 * - Terraform can declare it: an aws_default_security_group adopts the group and removes every rule
 *   it does not list, so it must list none, and no rule resource may add any.
 * - CloudFormation cannot declare the default group's rules. What is checkable is that the template
 *   strips them: CDK's restrictDefaultSecurityGroup custom resource (Custom::VpcRestrictDefaultSG) or
 *   an SSM association running AWS's AWSConfigRemediation-RemoveVPCDefaultSecurityGroupRules runbook,
 *   either given this VPC's DefaultSecurityGroup. The pack cannot see what the function or runbook does
 *   at deploy time; it trusts those two known remediations by name.
 */
const TF_DEFAULT_SG: CompanionSpec = { type: 'aws_default_security_group', targets: ['vpc_id'] };
const RUNBOOK = 'AWSConfigRemediation-RemoveVPCDefaultSecurityGroupRules';
const RULE_TYPES = [
  'aws_security_group_rule',
  'aws_vpc_security_group_ingress_rule',
  'aws_vpc_security_group_egress_rule',
];

const isDefaultGroupOf = (g: ResourceGraph, res: Resource, path: string, vpc: Resource): boolean => {
  const r = g.value(res, path);
  return r.kind === 'reference' && r.to === vpc && r.attribute === 'DefaultSecurityGroup';
};

function cfnVpc(g: ResourceGraph, vpc: Resource): CheckResult {
  const custom = g
    .sameDocument(vpc, 'Custom::VpcRestrictDefaultSG')
    .find((c) => isDefaultGroupOf(g, c, 'DefaultSecurityGroupId', vpc));
  if (custom)
    return pass(`${custom.address} (CDK restrictDefaultSecurityGroup) strips the default group`, custom.address);
  const association = g.sameDocument(vpc, 'AWS::SSM::Association').find((a) => {
    const name = readString(g, a, 'Name');
    return name.kind === 'value' && name.value === RUNBOOK && isDefaultGroupOf(g, a, 'Parameters.GroupId.0', vpc);
  });
  if (association) return pass(`${association.address} runs ${RUNBOOK} on the default group`, association.address);
  return fail(
    'CloudFormation cannot declare the rules of the default security group, and nothing strips them: it admits ' +
      `all traffic between its members and all egress. CDK: restrictDefaultSecurityGroup: true, or an SSM association running ${RUNBOOK}`,
    'DefaultSecurityGroup',
  );
}

/** The adopted default group lists no rule, and no separate rule resource adds one. */
function tfDefaultGroup(g: ResourceGraph, sg: Resource): CheckResult[] {
  const results: CheckResult[] = [];
  for (const block of ['ingress', 'egress']) {
    const n = listLength(g, sg, block);
    const dynamic = rawAt(sg, `dynamic.${block}`) !== undefined;
    if (dynamic || n.kind !== 'value' || n.value > 0) {
      results.push(fail(`${block} declares rules on the default security group; it must have none`, block));
    }
  }
  for (const type of RULE_TYPES) {
    for (const rule of g.sameDocument(sg, type)) {
      const target = g.value(rule, 'security_group_id');
      if (target.kind === 'reference' && target.to === sg) {
        results.push(fail(`${rule.address} adds a rule to the default security group`, rule.address));
      }
    }
  }
  return eachOf(results.length > 0 ? results : [pass('the default security group declares no rule', 'ingress')]);
}

const tfVpc: Check = withCompanions({
  spec: TF_DEFAULT_SG,
  judge: tfDefaultGroup,
  inline: () =>
    fail(
      'no aws_default_security_group adopts this VPC\u2019s default group, so it keeps its default rules (all traffic ' +
        'from its members, all egress); declare one with no ingress or egress',
      'aws_default_security_group',
    ),
});

export const defaultSecurityGroupRule: Rule = {
  id: 'ZT-NETWORK-005',
  title: 'The default security group of every VPC is closed',
  severity: 'medium',
  layer: 'network',
  rationale:
    'Anything launched without an explicit security group (an endpoint, an instance, a training job given only ' +
    'subnets) lands in the default group, which by default admits all traffic between its members and allows all ' +
    'egress: an unreviewed internet path. Closing it makes every workload pick a reviewed group.',
  remediation:
    'Terraform: an aws_default_security_group { vpc_id = aws_vpc.v.id } with no ingress or egress blocks. ' +
    'CloudFormation cannot declare the default group\u2019s rules: strip them with CDK\u2019s ' +
    'restrictDefaultSecurityGroup (a custom resource) or an SSM association running ' +
    'AWSConfigRemediation-RemoveVPCDefaultSecurityGroupRules with GroupId = the VPC\u2019s DefaultSecurityGroup ' +
    '(TrainingNetwork does the latter). Azure has no default security group (NSG default rules are ZT-NETWORK-003).',
  controls: [
    { framework: 'NIST-800-53', id: 'SC-7(5)' },
    { framework: 'NIST-800-53', id: 'CM-7' },
    { framework: 'SOC2', id: 'CC6.6' },
    { framework: 'HIPAA', id: '164.312(e)(1)' },
    { framework: 'GDPR', id: 'Art. 32(1)(b)' },
    { framework: 'ISO-27001', id: 'A.8.20' },
  ],
  equivalents: [
    { tool: 'checkov', id: 'CKV2_AWS_12', resourceTypes: ['aws_vpc'] },
    {
      tool: 'cdk-nag',
      id: 'NIST.800.53.R5-VPCDefaultSecurityGroupClosed',
      resourceTypes: ['AWS::EC2::VPC'],
      note: 'cdk-nag recognizes only CDK\u2019s restrictDefaultSecurityGroup custom resource; this rule also accepts the SSM association running AWS\u2019s remediation runbook.',
    },
  ],
  checks: {
    'AWS::EC2::VPC': (vpc, { graph }) => cfnVpc(graph, vpc),
    aws_vpc: tfVpc,
    aws_default_security_group: orphanOnly(TF_DEFAULT_SG, (sg, { graph }) => tfDefaultGroup(graph, sg)),
  },
};
