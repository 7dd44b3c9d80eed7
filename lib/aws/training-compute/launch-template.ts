import { Aws } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { acknowledgeWildcardResources } from './nag';
import { ResolvedTrainingComputeProps } from './props';

/** Public SSM parameter of the AWS Deep Learning Base GPU AMI (NVIDIA driver, Amazon Linux 2023). */
export const DLAMI_PARAMETER =
  '/aws/service/deeplearning/ami/x86_64/base-oss-nvidia-driver-gpu-amazon-linux-2023/latest/ami-id';

export interface GpuLaunchTemplate {
  readonly launchTemplate: ec2.LaunchTemplate;
  readonly role: iam.Role;
}

/**
 * A launch template for self-managed GPU nodes (EC2 Auto Scaling, EKS node groups, Batch):
 * IMDSv2 only with a hop limit of 1 (containers on the node cannot reach the node's credentials),
 * root volume encrypted with the platform CMK, no public IP, no key pair; shell access through
 * SSM Session Manager (over the VPC endpoints) instead of SSH. Subnets are chosen by the consumer
 * (Auto Scaling group / node group / compute environment): pass `TrainingCompute.subnetIds`.
 */
export function createGpuLaunchTemplate(
  scope: Construct,
  lt: NonNullable<ResolvedTrainingComputeProps['launchTemplate']>,
  key: kms.IKey,
  securityGroups: readonly ec2.ISecurityGroup[],
): GpuLaunchTemplate {
  const role = new iam.Role(scope, 'GpuNodeRole', {
    assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com'),
    description: 'GPU training nodes: SSM Session Manager only.',
  });
  const ssm = new iam.ManagedPolicy(scope, 'GpuNodeSsmPolicy', {
    description: 'Session Manager for GPU nodes (replaces SSH and key pairs).',
    roles: [role],
    statements: [
      new iam.PolicyStatement({
        sid: 'RegisterWithSsm',
        actions: ['ssm:UpdateInstanceInformation'],
        resources: [`arn:${Aws.PARTITION}:ec2:${Aws.REGION}:${Aws.ACCOUNT_ID}:instance/*`],
      }),
      new iam.PolicyStatement({
        sid: 'SessionChannels',
        actions: [
          'ssmmessages:CreateControlChannel',
          'ssmmessages:CreateDataChannel',
          'ssmmessages:OpenControlChannel',
          'ssmmessages:OpenDataChannel',
        ],
        resources: ['*'],
      }),
    ],
  });
  acknowledgeWildcardResources(ssm, {
    RegisterWithSsm:
      'ssm:UpdateInstanceInformation is scoped to instances of this account and region; node instance IDs are ' +
      'unknown at synth (Auto Scaling / EKS / Batch launch them).',
    SessionChannels:
      'ssmmessages channel actions support no resource-level permissions; AWS requires Resource "*" for them.',
  });
  const launchTemplate = new ec2.LaunchTemplate(scope, 'GpuLaunchTemplate', {
    instanceType: new ec2.InstanceType(lt.instanceType),
    machineImage: lt.machineImage ?? ec2.MachineImage.fromSsmParameter(DLAMI_PARAMETER),
    role,
    requireImdsv2: true,
    httpTokens: ec2.LaunchTemplateHttpTokens.REQUIRED,
    httpPutResponseHopLimit: 1,
    httpEndpoint: true,
    associatePublicIpAddress: false,
    securityGroup: securityGroups[0],
    ebsOptimized: true,
    blockDevices: [
      {
        deviceName: '/dev/xvda',
        volume: ec2.BlockDeviceVolume.ebs(lt.rootVolumeGiB, {
          encrypted: true,
          kmsKey: key,
          volumeType: ec2.EbsDeviceVolumeType.GP3,
          deleteOnTermination: true,
        }),
      },
    ],
  });
  for (const sg of securityGroups.slice(1)) launchTemplate.addSecurityGroup(sg);
  return { launchTemplate, role };
}
