import { Aws, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { ManagedPolicyGrantee } from './managed-grantee';
import { SAGEMAKER_VPC_DESCRIBE_ACTIONS } from '../vpc-function';
import { acknowledgeWildcardResources } from './nag';
import { ResolvedTrainingComputeProps, TrainingComputeProps } from './props';

/** SageMaker may assume the role only on behalf of this account (confused-deputy guard). */
function sageMakerPrincipal(): iam.IPrincipal {
  return new iam.ServicePrincipal('sagemaker.amazonaws.com').withConditions({
    StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID },
  });
}

const arn = (service: string, resource: string) =>
  `arn:${Aws.PARTITION}:${service}:${Aws.REGION}:${Aws.ACCOUNT_ID}:${resource}`;

/** Log group SageMaker writes training, processing and tuning logs to (fixed by the service). */
export const TRAINING_LOG_GROUPS = ['/aws/sagemaker/TrainingJobs', '/aws/sagemaker/ProcessingJobs'];
export const METRICS_NAMESPACE = '/aws/sagemaker/TrainingJobs';

export interface TrainingRoleInputs {
  readonly props: TrainingComputeProps;
  readonly resolved: ResolvedTrainingComputeProps;
  readonly volumeKey: kms.IKey;
  readonly artifactKey: kms.IKey;
  readonly subnetIds: string[];
}

/**
 * The role training jobs run as. It may read the granted lake zones (through the lake's own grants),
 * write only under the model-artifact prefix, use the volume key only through SageMaker/EC2, create
 * job ENIs only in the platform's subnets and security groups, and write its own logs and metrics.
 * All statements go to one customer-managed policy (no inline policy).
 */
export function createTrainingRole(scope: Construct, i: TrainingRoleInputs): iam.Role {
  const role = new iam.Role(scope, 'TrainingRole', {
    assumedBy: sageMakerPrincipal(),
    description: 'Runs isolated SageMaker training jobs: reads curated data, writes model artifacts only.',
  });
  const policy = new iam.ManagedPolicy(scope, 'TrainingPolicy', {
    description: 'Least-privilege permissions of the training execution role.',
    roles: [role],
  });
  const grantee = new ManagedPolicyGrantee(role, policy);
  for (const zone of i.resolved.readZones) i.props.dataLake.grantRead(grantee, zone);

  const { bucket } = i.props.modelArtifacts;
  const region = Stack.of(scope).region;
  policy.addStatements(
    new iam.PolicyStatement({
      sid: 'WriteModelArtifacts',
      actions: ['s3:PutObject', 's3:AbortMultipartUpload'],
      resources: [bucket.arnForObjects(`${i.resolved.artifactPrefix}*`)],
    }),
    new iam.PolicyStatement({
      sid: 'ListModelArtifacts',
      actions: ['s3:ListBucket'],
      resources: [bucket.bucketArn],
      conditions: { StringLike: { 's3:prefix': [`${i.resolved.artifactPrefix}*`] } },
    }),
    new iam.PolicyStatement({
      sid: 'EncryptModelArtifacts',
      actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
      resources: [i.artifactKey.keyArn],
      conditions: {
        StringEquals: { 'kms:ViaService': `s3.${region}.${Aws.URL_SUFFIX}` },
        StringLike: { 'kms:EncryptionContext:aws:s3:arn': [bucket.bucketArn, bucket.arnForObjects('*')] },
      },
    }),
    new iam.PolicyStatement({
      sid: 'UseVolumeKey',
      actions: ['kms:Decrypt', 'kms:GenerateDataKeyWithoutPlaintext', 'kms:DescribeKey', 'kms:CreateGrant'],
      resources: [i.volumeKey.keyArn],
      conditions: {
        StringEquals: {
          'kms:ViaService': [`sagemaker.${region}.${Aws.URL_SUFFIX}`, `ec2.${region}.${Aws.URL_SUFFIX}`],
        },
        Bool: { 'kms:GrantIsForAWSResource': 'true' },
      },
    }),
    ...eniStatements(i.props.vpc, i.subnetIds, i.props.securityGroups),
    ...logStatements(),
    new iam.PolicyStatement({
      sid: 'PullImagesFromOwnAccount',
      actions: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability'],
      resources: [arn('ecr', 'repository/*')],
    }),
    new iam.PolicyStatement({ sid: 'EcrAuthToken', actions: ['ecr:GetAuthorizationToken'], resources: ['*'] }),
  );
  acknowledgeWildcards(policy, 'training');
  return role;
}

/** ENIs for VPC jobs: create only in the platform's subnets with its groups; describe calls are account-wide. */
function eniStatements(
  vpc: ec2.IVpc,
  subnetIds: string[],
  groups: readonly ec2.ISecurityGroup[],
): iam.PolicyStatement[] {
  const vpcArn = arn('ec2', `vpc/${vpc.vpcId}`);
  return [
    new iam.PolicyStatement({
      sid: 'CreateJobEnisInPlatformSubnets',
      actions: ['ec2:CreateNetworkInterface'],
      resources: [
        arn('ec2', 'network-interface/*'),
        ...subnetIds.map((s) => arn('ec2', `subnet/${s}`)),
        ...groups.map((g) => arn('ec2', `security-group/${g.securityGroupId}`)),
      ],
    }),
    new iam.PolicyStatement({
      sid: 'ManageJobEnisInPlatformVpc',
      actions: [
        'ec2:CreateNetworkInterfacePermission',
        'ec2:DeleteNetworkInterface',
        'ec2:DeleteNetworkInterfacePermission',
      ],
      resources: [arn('ec2', 'network-interface/*')],
      conditions: { ArnEquals: { 'ec2:Vpc': vpcArn } },
    }),
    new iam.PolicyStatement({
      sid: 'DescribeNetwork',
      actions: [...SAGEMAKER_VPC_DESCRIBE_ACTIONS],
      resources: ['*'],
    }),
  ];
}

function logStatements(): iam.PolicyStatement[] {
  return [
    new iam.PolicyStatement({
      sid: 'WriteJobLogs',
      actions: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
      resources: TRAINING_LOG_GROUPS.flatMap((g) => [
        arn('logs', `log-group:${g}`),
        arn('logs', `log-group:${g}:log-stream:*`),
      ]),
    }),
    new iam.PolicyStatement({
      sid: 'PutJobMetrics',
      actions: ['cloudwatch:PutMetricData'],
      resources: ['*'],
      conditions: { StringEquals: { 'cloudwatch:namespace': METRICS_NAMESPACE } },
    }),
  ];
}

export interface DataScienceRoleInputs {
  readonly props: TrainingComputeProps;
  readonly resolved: ResolvedTrainingComputeProps;
  readonly trainingRole: iam.IRole;
}

/**
 * The Studio user role: may start, watch and stop SageMaker jobs in this account and region, and
 * pass only the training role to SageMaker. The isolation policy is attached by the construct, so
 * every job it starts must carry the platform's network, keys and instance types.
 */
export function createDataScienceRole(scope: Construct, i: DataScienceRoleInputs): iam.Role {
  const role = new iam.Role(scope, 'DataScienceRole', {
    assumedBy: sageMakerPrincipal(),
    description: 'Studio user role: runs jobs only inside the platform network (isolation policy attached).',
  });
  const policy = new iam.ManagedPolicy(scope, 'DataSciencePolicy', {
    description: 'Permissions of SageMaker Studio users (jobs in this account, training role only).',
    roles: [role],
  });
  const jobs = ['training-job', 'processing-job', 'hyper-parameter-tuning-job'];
  policy.addStatements(
    new iam.PolicyStatement({
      sid: 'RunJobs',
      actions: [
        'sagemaker:CreateTrainingJob',
        'sagemaker:DescribeTrainingJob',
        'sagemaker:StopTrainingJob',
        'sagemaker:CreateProcessingJob',
        'sagemaker:DescribeProcessingJob',
        'sagemaker:StopProcessingJob',
        'sagemaker:CreateHyperParameterTuningJob',
        'sagemaker:DescribeHyperParameterTuningJob',
        'sagemaker:StopHyperParameterTuningJob',
      ],
      resources: jobs.map((j) => arn('sagemaker', `${j}/*`)),
    }),
    new iam.PolicyStatement({
      sid: 'PassOnlyTheTrainingRole',
      actions: ['iam:PassRole'],
      resources: [i.trainingRole.roleArn],
      conditions: { StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' } },
    }),
  );
  const grantee = new ManagedPolicyGrantee(role, policy);
  for (const zone of i.resolved.readZones) i.props.dataLake.grantRead(grantee, zone);
  acknowledgeWildcards(policy, 'data-science');
  return role;
}

const LAKE_GRANT_REASON =
  'Objects of a granted data-lake zone: object keys are unknown at synth, so <zone bucket ARN>/* is the ' +
  "narrowest scope; the statement is the data lake's own read grant for that zone only.";

const TRAINING_REASONS: Record<string, string> = {
  WriteModelArtifacts:
    'Model artifacts get job-specific keys under the configured prefix; <bucket>/<prefix>* is the narrowest scope.',
  CreateJobEnisInPlatformSubnets:
    'network-interface/* is the ARN of an ENI not yet created; the call is bounded by the platform subnet and ' +
    'security group ARNs listed in the same statement.',
  ManageJobEnisInPlatformVpc:
    'ENIs are created per job and unknown at synth; the ec2:Vpc condition limits these calls to the platform VPC.',
  DescribeNetwork: 'ec2:Describe* calls support no resource-level permissions; AWS requires Resource "*" for them.',
  WriteJobLogs:
    'SageMaker names one log stream per job inside the two fixed SageMaker log groups; log-stream:* under those ' +
    'groups is the narrowest scope.',
  PutJobMetrics:
    'cloudwatch:PutMetricData supports no resource-level permissions; the cloudwatch:namespace condition binds ' +
    'it to the SageMaker training namespace.',
  PullImagesFromOwnAccount:
    'Training images live in repositories of this account and region whose names vary per team; the statement ' +
    'allows image pulls only (no push, no delete).',
  EcrAuthToken: 'ecr:GetAuthorizationToken supports no resource-level permissions; AWS requires Resource "*".',
};

const DATA_SCIENCE_REASONS: Record<string, string> = {
  RunJobs:
    'Job ARNs end in names chosen at run time, so <job-type>/* in this account and region is the narrowest scope; ' +
    'the attached isolation policies bind every job to the platform network, keys and instance types.',
};

function acknowledgeWildcards(policy: iam.ManagedPolicy, kind: 'training' | 'data-science'): void {
  acknowledgeWildcardResources(
    policy,
    kind === 'training' ? TRAINING_REASONS : DATA_SCIENCE_REASONS,
    LAKE_GRANT_REASON,
  );
}
