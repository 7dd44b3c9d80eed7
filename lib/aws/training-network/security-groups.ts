import { CfnParameter } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { acknowledgeNagRule } from '../waive';

export const HTTPS = ec2.Port.tcp(443);

export interface NetworkSecurityGroups {
  /** Attached to every interface endpoint: admits HTTPS from the platform's groups only. */
  readonly endpoint: ec2.SecurityGroup;
  /** For training jobs, notebooks, pipelines and functions in the isolated subnets. */
  readonly workload: ec2.SecurityGroup;
  /** The S3 prefix list the workload group may reach (a literal or the stack parameter). */
  readonly s3PrefixListId: string;
}

/**
 * The two security groups. Neither has an all-destinations rule: `allowAllOutbound: false` (CDK then
 * writes a match-nothing placeholder egress rule to 255.255.255.255/32), and every rule names a
 * security group or the S3 prefix list.
 *
 * Workload group: egress HTTPS to the endpoint group and to S3 (gateway endpoint, via its prefix
 * list); all traffic to and from itself, which distributed training (NCCL/MPI between instances)
 * and SageMaker's multi-instance jobs require.
 */
export function createSecurityGroups(
  scope: Construct,
  vpc: ec2.IVpc,
  s3PrefixListId: string | undefined,
): NetworkSecurityGroups {
  const endpoint = new ec2.SecurityGroup(scope, 'EndpointSecurityGroup', {
    vpc,
    description: 'Interface endpoints: HTTPS from the platform security groups only',
    allowAllOutbound: false,
    allowAllIpv6Outbound: false,
  });
  const workload = new ec2.SecurityGroup(scope, 'WorkloadSecurityGroup', {
    vpc,
    description: 'Training workloads: HTTPS to the VPC endpoints and S3 only',
    allowAllOutbound: false,
    allowAllIpv6Outbound: false,
  });
  const prefixList =
    s3PrefixListId ??
    new CfnParameter(scope, 'S3PrefixListId', {
      type: 'String',
      allowedPattern: '^pl-[0-9a-f]{8,17}$',
      description:
        'ID of the AWS-managed S3 prefix list of this region (com.amazonaws.<region>.s3), the only S3 ' +
        'destination of the training security group',
    }).valueAsString;

  admitToEndpoints(workload, endpoint, 'training workloads');
  workload.addEgressRule(ec2.Peer.prefixList(prefixList), HTTPS, 'S3 through the gateway endpoint');
  workload.addIngressRule(workload, ec2.Port.allTraffic(), 'Between training instances (distributed training)');
  workload.addEgressRule(workload, ec2.Port.allTraffic(), 'Between training instances (distributed training)');
  const selfIngress = workload.node.children.find(
    (c) => c instanceof ec2.CfnSecurityGroupIngress && c.ipProtocol === '-1',
  ) as ec2.CfnSecurityGroupIngress;
  for (const pack of ['NIST.800.53.R5', 'HIPAA.Security']) {
    acknowledgeNagRule(
      selfIngress,
      `${pack}-EC2RestrictedCommonPorts`,
      'The rule admits all protocols only from this same security group (no CIDR): instances of one ' +
        'distributed training job must reach each other on any port, and EFA (p4d/p5) requires all protocols ' +
        'within the group. cdk-nag flags every protocol -1 ingress regardless of its source.',
    );
  }
  return { endpoint, workload, s3PrefixListId: prefixList };
}

/** HTTPS from `client` to the endpoints: an egress rule on the client and an ingress rule on the endpoints. */
export function admitToEndpoints(client: ec2.ISecurityGroup, endpoint: ec2.ISecurityGroup, label: string): void {
  client.connections.allowTo(endpoint, HTTPS, `HTTPS to the VPC interface endpoints (${label})`);
}
