import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { SecureDataLake } from '../../lib/aws/data-lake';
import { TrainingCompute, TrainingComputeProps } from '../../lib/aws/training-compute';

/** Literal identifiers, so the synthesized isolation policy can be evaluated as-is. */
export const ACCOUNT = '111122223333';
export const REGION = 'eu-west-1';
export const SUBNETS = ['subnet-0aaa1111aaaa11111', 'subnet-0bbb2222bbbb22222'];
export const SECURITY_GROUP = 'sg-0ccc3333cccc33333';
export const VOLUME_KEY_ARN = `arn:aws:kms:${REGION}:${ACCOUNT}:key/11111111-2222-3333-4444-555555555555`;
export const ARTIFACT_KEY_ARN = `arn:aws:kms:${REGION}:${ACCOUNT}:key/66666666-7777-8888-9999-000000000000`;

/**
 * A minimal network standing in for training-network: a VPC with two isolated subnets (no IGW,
 * no NAT) and one security group that only talks inside the VPC.
 */
export function fixtureNetwork(stack: Stack): { vpc: ec2.Vpc; sg: ec2.SecurityGroup } {
  const vpc = new ec2.Vpc(stack, 'Vpc', {
    maxAzs: 2,
    natGateways: 0,
    subnetConfiguration: [{ name: 'training', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 }],
    restrictDefaultSecurityGroup: false,
  });
  const sg = new ec2.SecurityGroup(stack, 'TrainingSg', { vpc, allowAllOutbound: false });
  sg.addEgressRule(ec2.Peer.ipv4(vpc.vpcCidrBlock), ec2.Port.tcp(443), 'VPC endpoints');
  return { vpc, sg };
}

/** The construct in a stack with a real VPC and a real data lake (template and cdk-nag tests). */
export function realisticStack(app: App, extra: Partial<TrainingComputeProps> = {}) {
  const stack = new Stack(app, 'Fixture');
  const { vpc, sg } = fixtureNetwork(stack);
  const dataLake = new SecureDataLake(stack, 'DataLake', { zones: ['raw', 'curated', 'features', 'models'] });
  const compute = new TrainingCompute(stack, 'Compute', {
    vpc,
    securityGroups: [sg],
    dataLake,
    modelArtifacts: { bucket: dataLake.bucket('models'), prefix: 'models/' },
    ...extra,
  });
  return { stack, vpc, sg, dataLake, compute };
}

/** The construct with imported, literal network and keys: its policy has no tokens for those. */
export function literalStack(app: App) {
  const stack = new Stack(app, 'Literal', { env: { account: ACCOUNT, region: REGION } });
  const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', {
    vpcId: 'vpc-0ddd4444dddd44444',
    availabilityZones: [`${REGION}a`, `${REGION}b`],
    isolatedSubnetIds: SUBNETS,
  });
  const sg = ec2.SecurityGroup.fromSecurityGroupId(stack, 'Sg', SECURITY_GROUP);
  const dataLake = new SecureDataLake(stack, 'DataLake');
  const bucket = s3.Bucket.fromBucketAttributes(stack, 'Artifacts', {
    bucketName: 'ztai-model-artifacts',
    encryptionKey: kms.Key.fromKeyArn(stack, 'ArtifactKey', ARTIFACT_KEY_ARN),
  });
  const compute = new TrainingCompute(stack, 'Compute', {
    vpc,
    securityGroups: [sg],
    dataLake,
    modelArtifacts: { bucket },
    key: kms.Key.fromKeyArn(stack, 'VolumeKey', VOLUME_KEY_ARN),
  });
  return { stack, compute };
}
