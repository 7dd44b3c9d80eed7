import { Aws } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';
import { Construct } from 'constructs';
import { endpointRejectsKmsKey } from '../../core/inference';
import { acknowledgeWildcardResources } from '../training-compute/nag';
import { ENI_RESOURCE_ARNS, ENI_WILDCARD_REASON, SAGEMAKER_VPC_DESCRIBE_ACTIONS } from '../vpc-function';
import { acknowledgeNagRule } from '../waive';

export interface SageMakerEndpointParts {
  readonly role: iam.Role;
  readonly policy: iam.ManagedPolicy;
  readonly model: sagemaker.CfnModel;
  readonly endpointConfig: sagemaker.CfnEndpointConfig;
  readonly endpoint: sagemaker.CfnEndpoint;
  /** False for instance types with local NVMe storage: SageMaker rejects a KmsKeyId for them. */
  readonly volumeKeyApplied: boolean;
}

export interface SageMakerEndpointInput {
  readonly endpointName: string;
  readonly instanceType: string;
  readonly instanceCount: number;
  readonly imageUri: string;
  readonly modelData: { readonly bucket: s3.IBucket; readonly key: string };
  readonly capture: { readonly bucket: s3.IBucket; readonly prefix: string; readonly samplingPercentage: number };
  /** The platform key: endpoint volume, capture objects; the model and capture buckets use it too. */
  readonly key: kms.IKey;
  readonly subnets: readonly ec2.ISubnet[];
  readonly securityGroups: readonly ec2.ISecurityGroup[];
  readonly endpointLogGroupArn: string;
}

/**
 * The EC2 calls SageMaker makes with a job's or endpoint's role to place it in the platform
 * subnets: the ENI lifecycle on the account's EC2 resources, the describes on `*`.
 */
export function sagemakerVpcPlacementStatements(): iam.PolicyStatement[] {
  return [
    new iam.PolicyStatement({
      sid: 'VpcPlacement',
      actions: [
        'ec2:CreateNetworkInterface',
        'ec2:CreateNetworkInterfacePermission',
        'ec2:DeleteNetworkInterface',
        'ec2:DeleteNetworkInterfacePermission',
      ],
      resources: [...ENI_RESOURCE_ARNS],
    }),
    new iam.PolicyStatement({
      sid: 'VpcPlacementDescribe',
      actions: [...SAGEMAKER_VPC_DESCRIBE_ACTIONS],
      resources: ['*'],
    }),
  ];
}

export const VPC_PLACEMENT_REASON = ENI_WILDCARD_REASON;

/** Why an NVMe instance type's endpoint config has no KmsKeyId: shared by the nag acknowledgement. */
export const NVME_KMS_REASON =
  'The endpoint runs on an instance type with local NVMe instance storage; SageMaker rejects a KmsKeyId for ' +
  'those types (CreateEndpointConfig fails) because the instance store is encrypted by the Nitro hardware with ' +
  'keys that never leave the host. Data capture is still encrypted with the platform key.';

/**
 * The SageMaker side of the custom-model path: a model in the isolated subnets with network
 * isolation (the container can open no connection), an endpoint config with the platform key on
 * its volume (unless the instance type has NVMe storage) and data capture of requests and answers
 * to an encrypted bucket, and the endpoint. The execution role reaches only its image repository,
 * its model archive, the capture prefix, its log group and the ENI calls VPC placement needs.
 */
export function createSageMakerEndpoint(scope: Construct, p: SageMakerEndpointInput): SageMakerEndpointParts {
  const repoName = repositoryName(p.imageUri);
  const role = new iam.Role(scope, 'ExecutionRole', {
    description: `Execution role of the SageMaker endpoint ${p.endpointName}`,
    assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com'),
  });
  const region = Aws.REGION;
  const policy = new iam.ManagedPolicy(scope, 'ExecutionPolicy', {
    description: `What the ${p.endpointName} endpoint needs to start and serve, nothing else`,
    roles: [role],
    statements: [
      new iam.PolicyStatement({
        sid: 'PullServingImage',
        actions: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability'],
        resources: [`arn:${Aws.PARTITION}:ecr:${region}:${Aws.ACCOUNT_ID}:repository/${repoName}`],
      }),
      new iam.PolicyStatement({ sid: 'EcrToken', actions: ['ecr:GetAuthorizationToken'], resources: ['*'] }),
      new iam.PolicyStatement({
        sid: 'ReadModelArchive',
        actions: ['s3:GetObject'],
        resources: [p.modelData.bucket.arnForObjects(p.modelData.key)],
      }),
      new iam.PolicyStatement({
        sid: 'WriteCapture',
        actions: ['s3:PutObject', 's3:AbortMultipartUpload'],
        resources: [p.capture.bucket.arnForObjects(`${p.capture.prefix}*`)],
      }),
      new iam.PolicyStatement({
        sid: 'PlatformKeyViaServices',
        actions: ['kms:Decrypt', 'kms:GenerateDataKey', 'kms:CreateGrant', 'kms:DescribeKey'],
        resources: [p.key.keyArn],
        conditions: {
          StringEquals: { 'kms:ViaService': [`s3.${region}.amazonaws.com`, `sagemaker.${region}.amazonaws.com`] },
        },
      }),
      new iam.PolicyStatement({
        sid: 'EndpointLogs',
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
        resources: [`${p.endpointLogGroupArn}:*`],
      }),
      new iam.PolicyStatement({
        sid: 'EndpointMetrics',
        actions: ['cloudwatch:PutMetricData'],
        resources: ['*'],
        conditions: { StringLike: { 'cloudwatch:namespace': '/aws/sagemaker/*' } },
      }),
      ...sagemakerVpcPlacementStatements(),
    ],
  });
  acknowledgeWildcardResources(policy, {
    EcrToken:
      'ecr:GetAuthorizationToken supports no resource-level permission; image pulls are limited to one repository.',
    EndpointMetrics:
      'cloudwatch:PutMetricData supports no resource-level permission; the condition limits it to the /aws/sagemaker/ namespaces.',
    VpcPlacement: VPC_PLACEMENT_REASON,
    VpcPlacementDescribe: VPC_PLACEMENT_REASON,
    WriteCapture: 'Data capture writes one object per capture file under the fixed capture prefix of one bucket.',
    EndpointLogs: 'Log streams are created by the endpoint per instance inside its own log group only.',
  });

  const model = new sagemaker.CfnModel(scope, 'Model', {
    executionRoleArn: role.roleArn,
    enableNetworkIsolation: true,
    primaryContainer: { image: p.imageUri, modelDataUrl: p.modelData.bucket.s3UrlForObject(p.modelData.key) },
    vpcConfig: {
      subnets: p.subnets.map((s) => s.subnetId),
      securityGroupIds: p.securityGroups.map((g) => g.securityGroupId),
    },
  });
  model.node.addDependency(policy);

  const volumeKeyApplied = !endpointRejectsKmsKey(p.instanceType);
  const endpointConfig = new sagemaker.CfnEndpointConfig(scope, 'EndpointConfig', {
    ...(volumeKeyApplied ? { kmsKeyId: p.key.keyArn } : {}),
    productionVariants: [
      {
        variantName: 'primary',
        modelName: model.attrModelName,
        instanceType: p.instanceType,
        initialInstanceCount: p.instanceCount,
        initialVariantWeight: 1,
      },
    ],
    dataCaptureConfig: {
      enableCapture: true,
      initialSamplingPercentage: p.capture.samplingPercentage,
      destinationS3Uri: p.capture.bucket.s3UrlForObject(p.capture.prefix.replace(/\/$/, '')),
      kmsKeyId: p.key.keyArn,
      captureOptions: [{ captureMode: 'Input' }, { captureMode: 'Output' }],
      captureContentTypeHeader: { jsonContentTypes: ['application/json'] },
    },
  });
  if (!volumeKeyApplied) {
    for (const pack of ['NIST.800.53.R5', 'HIPAA.Security']) {
      acknowledgeNagRule(endpointConfig, `${pack}-SageMakerEndpointConfigurationKMSKeyConfigured`, NVME_KMS_REASON);
    }
  }
  const endpoint = new sagemaker.CfnEndpoint(scope, 'Endpoint', {
    endpointName: p.endpointName,
    endpointConfigName: endpointConfig.attrEndpointConfigName,
  });
  return { role, policy, model, endpointConfig, endpoint, volumeKeyApplied };
}

/** Repository of an ECR image URI `<account>.dkr.ecr.<region>.<suffix>/<repo>[:tag|@digest]`. */
export function repositoryName(imageUri: string): string {
  const path = imageUri.slice(imageUri.indexOf('/') + 1);
  return path.replace(/@sha256:[0-9a-f]+$/, '').replace(/:[\w.-]+$/, '');
}
