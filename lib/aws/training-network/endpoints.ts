import { Aws, Fn, Lazy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { AwsInterfaceEndpoint } from '../../core/network';

/** Short endpoint name -> the AWS service CDK resolves to com.amazonaws.<region>.<service>. */
export const INTERFACE_ENDPOINT_SERVICES: Record<AwsInterfaceEndpoint, ec2.InterfaceVpcEndpointAwsService> = {
  'sagemaker-api': ec2.InterfaceVpcEndpointAwsService.SAGEMAKER_API,
  'sagemaker-runtime': ec2.InterfaceVpcEndpointAwsService.SAGEMAKER_RUNTIME,
  'sagemaker-studio': ec2.InterfaceVpcEndpointAwsService.SAGEMAKER_STUDIO,
  'sagemaker-notebook': ec2.InterfaceVpcEndpointAwsService.SAGEMAKER_NOTEBOOK,
  'ecr-api': ec2.InterfaceVpcEndpointAwsService.ECR,
  'ecr-dkr': ec2.InterfaceVpcEndpointAwsService.ECR_DOCKER,
  kms: ec2.InterfaceVpcEndpointAwsService.KMS,
  logs: ec2.InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS,
  monitoring: ec2.InterfaceVpcEndpointAwsService.CLOUDWATCH_MONITORING,
  sts: ec2.InterfaceVpcEndpointAwsService.STS,
  secretsmanager: ec2.InterfaceVpcEndpointAwsService.SECRETS_MANAGER,
  ssm: ec2.InterfaceVpcEndpointAwsService.SSM,
  ssmmessages: ec2.InterfaceVpcEndpointAwsService.SSM_MESSAGES,
  ec2messages: ec2.InterfaceVpcEndpointAwsService.EC2_MESSAGES,
};

/** CamelCase construct id for an endpoint name: sagemaker-api -> SagemakerApi. */
export function endpointId(name: AwsInterfaceEndpoint): string {
  return name
    .split('-')
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
}

/**
 * One interface endpoint per name in the isolated subnets, private DNS on (so SDKs resolve the
 * public service names to it), behind the one endpoint security group. `open: false`: CDK would
 * otherwise admit the whole VPC CIDR on 443; only the platform's security groups are admitted.
 */
export function createInterfaceEndpoints(
  vpc: ec2.IVpc,
  names: readonly AwsInterfaceEndpoint[],
  endpointSg: ec2.ISecurityGroup,
): Record<string, ec2.InterfaceVpcEndpoint> {
  const endpoints: Record<string, ec2.InterfaceVpcEndpoint> = {};
  for (const name of names) {
    endpoints[name] = vpc.addInterfaceEndpoint(endpointId(name), {
      service: INTERFACE_ENDPOINT_SERVICES[name],
      privateDnsEnabled: true,
      open: false,
      securityGroups: [endpointSg],
      subnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
    });
  }
  return endpoints;
}

/** Object-level and bucket-level S3 actions training needs on the platform's buckets; no delete, no config. */
export const S3_DATA_ACTIONS = [
  's3:GetObject',
  's3:GetObjectVersion',
  's3:PutObject',
  's3:AbortMultipartUpload',
  's3:ListMultipartUploadParts',
  's3:ListBucket',
  's3:ListBucketMultipartUploads',
  's3:GetBucketLocation',
];

/**
 * The S3 gateway endpoint's policy: the platform's buckets (for principals of this account only)
 * and ECR's image-layer bucket (ECR serves layers from `prod-<region>-starport-layer-bucket`; without
 * it image pulls fail). Anything else, including every other bucket in this account, is denied by
 * omission. Rendered lazily so buckets added after construction are included.
 */
export function s3EndpointPolicy(bucketArns: readonly string[], cfnResponses = false): Record<string, unknown> {
  const statements: Record<string, unknown>[] = [];
  if (bucketArns.length > 0) {
    statements.push({
      Sid: 'PlatformBuckets',
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: S3_DATA_ACTIONS,
      Resource: bucketArns.flatMap((arn) => [arn, `${arn}/*`]),
      Condition: { StringEquals: { 'aws:PrincipalAccount': Aws.ACCOUNT_ID } },
    });
  }
  statements.push({
    Sid: 'EcrImageLayers',
    Effect: 'Allow',
    Principal: { AWS: '*' },
    Action: ['s3:GetObject'],
    Resource: [`arn:${Aws.PARTITION}:s3:::prod-${Aws.REGION}-starport-layer-bucket/*`],
  });
  if (cfnResponses) {
    // Custom-resource functions in the VPC answer CloudFormation by a PUT to a pre-signed URL of
    // its response bucket (cloudformation-custom-resource-response-<region without dashes>); the
    // URL is signed by CloudFormation, so no account condition can apply. Writes only, that bucket only.
    statements.push({
      Sid: 'CloudFormationResponses',
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: ['s3:PutObject'],
      Resource: [
        `arn:${Aws.PARTITION}:s3:::cloudformation-custom-resource-response-${Fn.join('', Fn.split('-', Aws.REGION))}/*`,
      ],
    });
  }
  return { Version: '2012-10-17', Statement: statements };
}

export function createS3GatewayEndpoint(
  vpc: ec2.IVpc,
  bucketArns: string[],
  cfnResponses: () => boolean = () => false,
): ec2.GatewayVpcEndpoint {
  const endpoint = vpc.addGatewayEndpoint('S3Endpoint', {
    service: ec2.GatewayVpcEndpointAwsService.S3,
    subnets: [{ subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
  });
  const cfn = endpoint.node.defaultChild as ec2.CfnVPCEndpoint;
  cfn.policyDocument = Lazy.any({ produce: () => s3EndpointPolicy(bucketArns, cfnResponses()) });
  return endpoint;
}
