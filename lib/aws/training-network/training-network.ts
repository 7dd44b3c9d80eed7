import { Fn, Tags } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';
import { AwsInterfaceEndpoint } from '../../core/network';
import { governanceTags } from '../../core/tags';
import { closeDefaultSecurityGroup } from './default-security-group';
import { createInterfaceEndpoints, createS3GatewayEndpoint } from './endpoints';
import { createFlowLogs } from './flow-logs';
import { resolveTrainingNetworkProps, TrainingNetworkProps, validateBucketArn } from './props';
import { admitToEndpoints, createSecurityGroups } from './security-groups';

/**
 * A private training network: a VPC with isolated subnets only, from which training reaches the
 * platform's buckets, its registries and the AWS APIs it needs, and nothing else.
 *
 * - isolated subnets across >= 2 AZs: no internet gateway, no NAT, no route to 0.0.0.0/0;
 * - an S3 gateway endpoint whose policy allows only the platform's buckets and ECR's layer bucket;
 * - interface endpoints (SageMaker API/runtime/Studio, ECR, KMS, Logs, Monitoring, STS, Secrets
 *   Manager by default) with private DNS, behind one security group that admits HTTPS from the
 *   platform's security groups only;
 * - no security group rule to 0.0.0.0/0 or ::/0; the default security group stripped of its rules
 *   (and kept stripped, see default-security-group.ts);
 * - VPC flow logs of ALL traffic to a KMS-encrypted log group with retention, retained.
 */
export class TrainingNetwork extends Construct {
  public readonly vpc: ec2.Vpc;
  /** Isolated subnets, one per AZ: where training jobs, notebooks and functions go. */
  public readonly subnets: readonly ec2.ISubnet[];
  /** Give this group to training jobs, Studio, pipelines and functions in the network. */
  public readonly workloadSecurityGroup: ec2.SecurityGroup;
  /** The group of every interface endpoint. */
  public readonly endpointSecurityGroup: ec2.SecurityGroup;
  public readonly s3Endpoint: ec2.GatewayVpcEndpoint;
  /** Interface endpoints by short name (sagemaker-api, ecr-dkr, ...). */
  public readonly interfaceEndpoints: Readonly<Partial<Record<AwsInterfaceEndpoint, ec2.InterfaceVpcEndpoint>>>;
  public readonly flowLog: ec2.CfnFlowLog;
  public readonly flowLogGroup: logs.LogGroup;
  public readonly flowLogKey: kms.IKey;
  public readonly flowLogRole: iam.Role;
  /** The association that strips the default security group. */
  public readonly defaultSecurityGroupClosure: ssm.CfnAssociation;
  /** ID of the S3 prefix list the workload group may reach (a literal or a stack parameter). */
  public readonly s3PrefixListId: string;

  private readonly bucketArns: string[];
  private cfnResponses = false;

  constructor(scope: Construct, id: string, props: TrainingNetworkProps = {}) {
    super(scope, id);
    const p = resolveTrainingNetworkProps(props);
    this.bucketArns = [...p.bucketArns];

    // Explicit AZs, or the first N of the region through Fn::GetAZs: never a context lookup.
    const availabilityZones = p.zoneNames
      ? [...p.zoneNames]
      : Array.from({ length: p.azCount }, (_, i) => Fn.select(i, Fn.getAzs()));
    const planned = p.subnets;
    this.vpc = new ec2.Vpc(this, 'Vpc', {
      ipAddresses: {
        allocateVpcCidr: () => ({ cidrBlock: p.cidr }),
        allocateSubnetsCidr: (input) => ({
          allocatedSubnets: input.requestedSubnets.map((_, i) => ({ cidr: planned[i].cidr })),
        }),
      },
      availabilityZones,
      subnetConfiguration: [
        { name: 'training', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: p.subnetPrefix },
      ],
      natGateways: 0,
      createInternetGateway: false,
      // Private DNS of interface endpoints needs both.
      enableDnsHostnames: true,
      enableDnsSupport: true,
      // Closed by a State Manager association instead of CDK's Lambda (see default-security-group.ts).
      restrictDefaultSecurityGroup: false,
    });
    this.subnets = this.vpc.isolatedSubnets;

    const groups = createSecurityGroups(this, this.vpc, p.s3PrefixListId);
    this.workloadSecurityGroup = groups.workload;
    this.endpointSecurityGroup = groups.endpoint;
    this.s3PrefixListId = groups.s3PrefixListId;

    this.s3Endpoint = createS3GatewayEndpoint(this.vpc, this.bucketArns, () => this.cfnResponses);
    this.interfaceEndpoints = createInterfaceEndpoints(this.vpc, p.interfaceEndpoints, groups.endpoint);

    const flow = createFlowLogs(this, this.vpc, p, props.flowLogKey);
    this.flowLog = flow.flowLog;
    this.flowLogGroup = flow.logGroup;
    this.flowLogKey = flow.key;
    this.flowLogRole = flow.role;

    this.defaultSecurityGroupClosure = closeDefaultSecurityGroup(this, this.vpc).association;

    const tags = governanceTags({
      owner: p.owner,
      classification: p.classification,
      lineage: `${p.project}:training-network`,
      project: p.project,
      environment: p.environment,
    });
    // AWS::SSM::Association gained Tags only recently; cfn-lint's schema (1.51) still rejects them,
    // and the association holds no data, so it stays untagged rather than failing the lint.
    for (const [key, value] of Object.entries(tags)) {
      Tags.of(this).add(key, value, { excludeResourceTypes: ['AWS::SSM::Association'] });
    }
  }

  /** Subnet selection of the isolated subnets, for constructs that take one. */
  public get subnetSelection(): ec2.SubnetSelection {
    return { subnets: [...this.subnets] };
  }

  /** Lets the S3 gateway endpoint reach more platform buckets (rendered at synth time). */
  public allowS3Buckets(...bucketArns: string[]): void {
    bucketArns.forEach((arn, i) => validateBucketArn(`TrainingNetwork.allowS3Buckets[${i}]`, arn));
    for (const arn of bucketArns) if (!this.bucketArns.includes(arn)) this.bucketArns.push(arn);
  }

  /**
   * Lets custom-resource functions in the network answer CloudFormation: the gateway endpoint then
   * admits PUTs to the region's CloudFormation response bucket (and nothing else of it).
   */
  public allowCloudFormationResponses(): void {
    this.cfnResponses = true;
  }

  /**
   * Admits another platform security group to the interface endpoints: HTTPS egress on it and the
   * matching ingress on the endpoint group. The only way anything else reaches the endpoints.
   */
  public admitToEndpoints(group: ec2.ISecurityGroup, label = group.node.path): void {
    admitToEndpoints(group, this.endpointSecurityGroup, label);
  }
}
