import { Aws } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';
import { acknowledgeNagRule } from '../waive';

/** AWS-owned Automation runbook that removes every ingress and egress rule of a VPC's default security group. */
export const REMOVE_DEFAULT_SG_RULES_RUNBOOK = 'AWSConfigRemediation-RemoveVPCDefaultSecurityGroupRules';

export interface DefaultSecurityGroupClosure {
  readonly association: ssm.CfnAssociation;
  readonly role: iam.Role;
}

/**
 * Strips the default security group of all rules with a State Manager association running AWS's
 * own runbook, at creation and then daily, so a rule someone adds later is removed again.
 *
 * Why not CDK's `restrictDefaultSecurityGroup`: it deploys a Node.js Lambda (custom resource) with
 * an AWS-managed execution policy, outside the VPC, without concurrency limit or DLQ, which runs
 * once and never again. cdk-nag does not see that function (CDK writes it as a raw CfnResource),
 * so the packs would pass it while it is exactly what they flag. The runbook needs no code of ours,
 * no function and no network path, and it keeps the group closed.
 */
export function closeDefaultSecurityGroup(scope: Construct, vpc: ec2.Vpc): DefaultSecurityGroupClosure {
  const role = new iam.Role(scope, 'DefaultSecurityGroupRemediationRole', {
    description: `Lets Systems Manager run ${REMOVE_DEFAULT_SG_RULES_RUNBOOK} on the training VPC`,
    assumedBy: new iam.ServicePrincipal('ssm.amazonaws.com', {
      conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } },
    }),
  });
  const policy = new iam.ManagedPolicy(scope, 'DefaultSecurityGroupRemediationPolicy', {
    description: 'Revoke rules of the training VPC default security group; nothing else',
    roles: [role],
    statements: [
      new iam.PolicyStatement({
        sid: 'RevokeDefaultGroupRules',
        actions: ['ec2:RevokeSecurityGroupIngress', 'ec2:RevokeSecurityGroupEgress'],
        resources: [
          `arn:${Aws.PARTITION}:ec2:${Aws.REGION}:${Aws.ACCOUNT_ID}:security-group/${vpc.vpcDefaultSecurityGroup}`,
        ],
      }),
      new iam.PolicyStatement({
        sid: 'ReadSecurityGroups',
        actions: ['ec2:DescribeSecurityGroups'],
        resources: ['*'],
      }),
    ],
  });
  acknowledgeNagRule(
    policy,
    'AwsSolutions-IAM5[Resource::*]',
    'ec2:DescribeSecurityGroups supports no resource-level permissions (IAM Service Authorization Reference); ' +
      'it is read-only and the only statement on "*". The revoke actions are scoped to the default group.',
  );

  const association = new ssm.CfnAssociation(scope, 'CloseDefaultSecurityGroup', {
    name: REMOVE_DEFAULT_SG_RULES_RUNBOOK,
    associationName: `close-default-sg-${vpc.node.addr.slice(0, 12)}`,
    parameters: { AutomationAssumeRole: [role.roleArn], GroupId: [vpc.vpcDefaultSecurityGroup] },
    scheduleExpression: 'rate(1 day)',
    // The stack waits until the first run succeeded: the group is closed before anything uses the VPC.
    waitForSuccessTimeoutSeconds: 900,
  });
  association.node.addDependency(policy);

  for (const pack of ['NIST.800.53.R5', 'HIPAA.Security']) {
    acknowledgeNagRule(
      vpc,
      `${pack}-VPCDefaultSecurityGroupClosed`,
      `The default security group is closed by the State Manager association ${association.node.path} ` +
        `(${REMOVE_DEFAULT_SG_RULES_RUNBOOK}, at creation and daily); cdk-nag recognizes only CDK's Lambda-based ` +
        'Custom::VpcRestrictDefaultSG, which this construct replaces on purpose.',
    );
  }
  return { association, role };
}
