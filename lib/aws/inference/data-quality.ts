import { Aws, CfnMapping, Fn } from 'aws-cdk-lib';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';
import { Construct } from 'constructs';
import { type DriftMonitoringSettings, type ResolvedDriftMonitoring, validateDriftMonitoring } from '../../core/drift';
import { BlueprintConfigError } from '../../core/errors';
import { acknowledgeWildcardResources } from '../training-compute/nag';
import { sagemakerVpcPlacementStatements, VPC_PLACEMENT_REASON } from './sagemaker-endpoint';

/** The baseline a data-quality schedule compares the captured traffic with, and how it runs. */
export interface DataQualityBaseline extends DriftMonitoringSettings {
  /** S3 URI of the baseline statistics.json (from a Model Monitor suggest-baseline job). */
  readonly statisticsUri: string;
  /** S3 URI of the baseline constraints.json. */
  readonly constraintsUri: string;
  /** Key of the baseline's bucket, when it is not the platform key (used through S3 only). */
  readonly baselineKey?: kms.IKey;
}

export interface ResolvedDataQualityBaseline extends ResolvedDriftMonitoring {
  readonly statisticsUri: string;
  readonly constraintsUri: string;
  readonly baselineKey?: kms.IKey;
}

/** `s3://<bucket>/<key>`; the bucket may be a CDK token (a bucket of the same app). */
const S3_OBJECT_URI = /^s3:\/\/[^/\s]+\/\S*[^/\s]$/;

/** Validates the baseline; every error names `<prop>.<field>`. */
export function resolveDataQualityBaseline(prop: string, b: DataQualityBaseline): ResolvedDataQualityBaseline {
  if (!b || typeof b !== 'object') throw new BlueprintConfigError(prop, 'the baseline statistics and constraints', b);
  for (const field of ['statisticsUri', 'constraintsUri'] as const) {
    if (typeof b[field] !== 'string' || !S3_OBJECT_URI.test(b[field])) {
      throw new BlueprintConfigError(`${prop}.${field}`, 'an S3 object URI s3://<bucket>/<key>', b[field]);
    }
  }
  const { statisticsUri, constraintsUri, baselineKey } = b;
  return { ...validateDriftMonitoring(prop, b), statisticsUri, constraintsUri, baselineKey };
}

/**
 * Accounts of the Model Monitor analyzer image (sagemaker-model-monitor-analyzer) per region, as the
 * SageMaker Python SDK lists them; the stack may be region-agnostic, so the template looks it up.
 */
const ANALYZER_ACCOUNTS: Readonly<Record<string, string>> = {
  'af-south-1': '875698925577',
  'ap-east-1': '001633400207',
  'ap-northeast-1': '574779866223',
  'ap-northeast-2': '709848358524',
  'ap-northeast-3': '990339680094',
  'ap-south-1': '126357580389',
  'ap-southeast-1': '245545462676',
  'ap-southeast-2': '563025443158',
  'ca-central-1': '536280801234',
  'eu-central-1': '048819808253',
  'eu-north-1': '895015795356',
  'eu-south-1': '933208885752',
  'eu-west-1': '468650794304',
  'eu-west-2': '749857270468',
  'eu-west-3': '680080141114',
  'me-south-1': '607024016150',
  'sa-east-1': '539772159869',
  'us-east-1': '156813124566',
  'us-east-2': '777275614652',
  'us-west-1': '890145073186',
  'us-west-2': '159807026194',
};

export interface DataQualityMonitorInput {
  readonly endpointName: string;
  readonly endpoint: sagemaker.CfnEndpoint;
  readonly baseline: ResolvedDataQualityBaseline;
  /** The capture bucket: the job reads the endpoint's capture prefix and writes its reports beside it. */
  readonly captureBucket: s3.IBucket;
  readonly capturePrefix: string;
  /** The platform key: job volume and report objects. */
  readonly key: kms.IKey;
  readonly subnets: readonly ec2.ISubnet[];
  readonly securityGroups: readonly ec2.ISecurityGroup[];
}

export interface DataQualityMonitor {
  readonly role: iam.Role;
  readonly policy: iam.ManagedPolicy;
  readonly jobDefinition: sagemaker.CfnDataQualityJobDefinition;
  readonly schedule: sagemaker.CfnMonitoringSchedule;
  readonly scheduleName: string;
  /** Where the reports go: `s3://<capture bucket>/<reportPrefix>`. */
  readonly reportPrefix: string;
  readonly baseline: ResolvedDataQualityBaseline;
}

/**
 * Drift detection for the endpoint: a Model Monitor data-quality job definition run like every
 * hardened job of the platform (network isolation, the endpoint's isolated subnets and security
 * group, inter-container encryption, the platform key on its volume and reports) and the schedule
 * that runs it. Its role reads the baseline and the endpoint's capture prefix, writes the report
 * prefix, publishes its metrics to the data-metrics namespace and nothing else.
 */
export function createDataQualityMonitor(scope: Construct, p: DataQualityMonitorInput): DataQualityMonitor {
  const holder = new Construct(scope, 'DataQuality');
  const b = p.baseline;
  const scheduleName = `${p.endpointName}-data-quality`;
  const reportPrefix = `monitoring/${p.endpointName}/data-quality/`;
  const role = new iam.Role(holder, 'Role', {
    description: `Data-quality monitoring job of the ${p.endpointName} endpoint`,
    assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com', {
      conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } },
    }),
  });
  const via = { 'kms:ViaService': [`s3.${Aws.REGION}.amazonaws.com`, `sagemaker.${Aws.REGION}.amazonaws.com`] };
  const keyArns = [p.key.keyArn, ...(b.baselineKey ? [b.baselineKey.keyArn] : [])];
  const policy = new iam.ManagedPolicy(holder, 'Policy', {
    description: `What the ${scheduleName} monitoring job needs, nothing else`,
    roles: [role],
    statements: [
      new iam.PolicyStatement({
        sid: 'ReadBaseline',
        actions: ['s3:GetObject'],
        resources: [b.statisticsUri, b.constraintsUri].map(objectArn),
      }),
      new iam.PolicyStatement({
        sid: 'ReadCapture',
        actions: ['s3:GetObject'],
        resources: [p.captureBucket.arnForObjects(`${p.capturePrefix}*`)],
      }),
      new iam.PolicyStatement({
        sid: 'ListCapture',
        actions: ['s3:ListBucket'],
        resources: [p.captureBucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': [`${p.capturePrefix}*`, `${reportPrefix}*`] } },
      }),
      new iam.PolicyStatement({
        sid: 'WriteReports',
        actions: ['s3:PutObject', 's3:AbortMultipartUpload'],
        resources: [p.captureBucket.arnForObjects(`${reportPrefix}*`)],
      }),
      new iam.PolicyStatement({
        sid: 'KeysThroughServices',
        actions: ['kms:Decrypt', 'kms:GenerateDataKey', 'kms:CreateGrant', 'kms:DescribeKey'],
        resources: keyArns,
        conditions: { StringEquals: via },
      }),
      new iam.PolicyStatement({
        sid: 'DriftMetrics',
        actions: ['cloudwatch:PutMetricData'],
        resources: ['*'],
        conditions: { StringEquals: { 'cloudwatch:namespace': 'aws/sagemaker/Endpoints/data-metrics' } },
      }),
      new iam.PolicyStatement({
        sid: 'JobLogs',
        actions: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
        resources: [
          `arn:${Aws.PARTITION}:logs:${Aws.REGION}:${Aws.ACCOUNT_ID}:log-group:/aws/sagemaker/ProcessingJobs:*`,
        ],
      }),
      ...sagemakerVpcPlacementStatements(),
    ],
  });
  acknowledgeWildcardResources(policy, {
    ReadCapture: 'The job reads every capture file the endpoint wrote under its fixed capture prefix of one bucket.',
    WriteReports: 'The job writes one report set per run under the fixed report prefix of one bucket.',
    DriftMetrics:
      'cloudwatch:PutMetricData supports no resource-level permission; the condition limits it to the data-metrics namespace.',
    JobLogs: 'SageMaker writes one log stream per job run in the shared /aws/sagemaker/ProcessingJobs log group only.',
    VpcPlacement: VPC_PLACEMENT_REASON,
    VpcPlacementDescribe: VPC_PLACEMENT_REASON,
  });

  const accounts = new CfnMapping(holder, 'AnalyzerAccounts', {
    mapping: Object.fromEntries(Object.entries(ANALYZER_ACCOUNTS).map(([r, a]) => [r, { account: a }])),
  });
  const image = `${accounts.findInMap(Aws.REGION, 'account')}.dkr.ecr.${Aws.REGION}.${Aws.URL_SUFFIX}/sagemaker-model-monitor-analyzer`;
  const jobDefinition = new sagemaker.CfnDataQualityJobDefinition(holder, 'JobDefinition', {
    roleArn: role.roleArn,
    dataQualityAppSpecification: {
      imageUri: image,
      environment: { publish_cloudwatch_metrics: 'Enabled' },
    },
    dataQualityBaselineConfig: {
      statisticsResource: { s3Uri: b.statisticsUri },
      constraintsResource: { s3Uri: b.constraintsUri },
    },
    dataQualityJobInput: {
      endpointInput: {
        endpointName: p.endpoint.attrEndpointName,
        localPath: '/opt/ml/processing/input/endpoint',
        s3InputMode: 'File',
        s3DataDistributionType: 'FullyReplicated',
      },
    },
    dataQualityJobOutputConfig: {
      kmsKeyId: p.key.keyArn,
      monitoringOutputs: [
        {
          s3Output: {
            localPath: '/opt/ml/processing/output',
            s3Uri: p.captureBucket.s3UrlForObject(reportPrefix.replace(/\/$/, '')),
            s3UploadMode: 'EndOfJob',
          },
        },
      ],
    },
    jobResources: {
      clusterConfig: {
        instanceCount: 1,
        instanceType: b.instanceType,
        volumeSizeInGb: 20,
        volumeKmsKeyId: p.key.keyArn,
      },
    },
    networkConfig: {
      enableNetworkIsolation: true,
      enableInterContainerTrafficEncryption: true,
      vpcConfig: {
        subnets: p.subnets.map((s) => s.subnetId),
        securityGroupIds: p.securityGroups.map((g) => g.securityGroupId),
      },
    },
    stoppingCondition: { maxRuntimeInSeconds: b.maxRuntimeSeconds },
  });
  // SageMaker checks the role's permissions when the job definition is created.
  jobDefinition.node.addDependency(policy);
  const schedule = new sagemaker.CfnMonitoringSchedule(holder, 'Schedule', {
    monitoringScheduleName: scheduleName,
    endpointName: p.endpoint.attrEndpointName,
    monitoringScheduleConfig: {
      // Ref is the ARN (…:data-quality-job-definition/<name>); CloudFormation names the definition, so a
      // changed baseline replaces it without a name clash.
      monitoringJobDefinitionName: Fn.select(1, Fn.split('/', jobDefinition.ref)),
      monitoringType: 'DataQuality',
      scheduleConfig: { scheduleExpression: b.scheduleExpression },
    },
  });
  return { role, policy, jobDefinition, schedule, scheduleName, reportPrefix, baseline: b };
}

/** The object ARN of an `s3://bucket/key` URI (validated by resolveDataQualityBaseline). */
function objectArn(uri: string): string {
  return `arn:${Aws.PARTITION}:s3:::${uri.slice('s3://'.length)}`;
}
