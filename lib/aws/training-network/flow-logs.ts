import { Aws, Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { ResolvedTrainingNetworkProps } from './props';

export interface FlowLogParts {
  readonly key: kms.IKey;
  readonly logGroup: logs.LogGroup;
  readonly role: iam.Role;
  readonly flowLog: ec2.CfnFlowLog;
}

/**
 * VPC flow logs of ALL traffic (accepted and rejected) to a KMS-encrypted, retained log group.
 *
 * Built from L1/customer-managed pieces on purpose: CDK's FlowLog grants its role through an inline
 * policy (cdk-nag NIST/HIPAA IAMNoInlinePolicy); here the role gets a customer-managed policy
 * scoped to this one log group, and its trust policy is pinned to this account's flow logs
 * (aws:SourceAccount / aws:SourceArn) against the confused-deputy problem.
 */
export function createFlowLogs(
  scope: Construct,
  vpc: ec2.IVpc,
  p: ResolvedTrainingNetworkProps,
  givenKey: kms.IKey | undefined,
): FlowLogParts {
  const logGroupName = `/${p.project}/${p.environment}/training-network/vpc-flow-logs`;
  const logGroupArn = `arn:${Aws.PARTITION}:logs:${Aws.REGION}:${Aws.ACCOUNT_ID}:log-group:${logGroupName}`;
  const key = givenKey ?? createFlowLogKey(scope, p, logGroupArn);

  const logGroup = new logs.LogGroup(scope, 'FlowLogGroup', {
    logGroupName,
    encryptionKey: key,
    retention: p.logRetentionDays as logs.RetentionDays,
    removalPolicy: RemovalPolicy.RETAIN,
  });

  const role = new iam.Role(scope, 'FlowLogRole', {
    description: 'Lets VPC flow logs deliver the training network records to its log group',
    assumedBy: new iam.ServicePrincipal('vpc-flow-logs.amazonaws.com', {
      conditions: {
        StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID },
        ArnLike: { 'aws:SourceArn': `arn:${Aws.PARTITION}:ec2:${Aws.REGION}:${Aws.ACCOUNT_ID}:vpc-flow-log/*` },
      },
    }),
  });
  new iam.ManagedPolicy(scope, 'FlowLogDeliveryPolicy', {
    description: 'Write access to the training network flow-log group only',
    roles: [role],
    statements: [
      new iam.PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
        resources: [logGroup.logGroupArn],
      }),
    ],
  });

  const flowLog = new ec2.CfnFlowLog(scope, 'FlowLog', {
    resourceId: vpc.vpcId,
    resourceType: 'VPC',
    trafficType: 'ALL',
    logDestinationType: 'cloud-watch-logs',
    logDestination: logGroup.logGroupArn,
    deliverLogsPermissionArn: role.roleArn,
    // One-minute aggregation: records reach the log group within about a minute of the traffic.
    maxAggregationInterval: 60,
  });
  // Delivery starts at creation: the role must already hold its policy (the role itself is a GetAtt).
  flowLog.node.addDependency(scope.node.findChild('FlowLogDeliveryPolicy'));
  return { key, logGroup, role, flowLog };
}

/**
 * The flow-log key: rotation on, 30-day deletion window, retained. Besides the account-root
 * statement CDK writes, CloudWatch Logs of this region may use it, but only for this log group
 * (the kms:EncryptionContext:aws:logs:arn condition).
 */
function createFlowLogKey(scope: Construct, p: ResolvedTrainingNetworkProps, logGroupArn: string): kms.Key {
  const key = new kms.Key(scope, 'FlowLogKey', {
    description: `Encrypts the ${p.project} ${p.environment} training network flow logs`,
    alias: `alias/${p.project}-${p.environment}/training-network-flow-logs`,
    enableKeyRotation: true,
    pendingWindow: Duration.days(30),
    removalPolicy: RemovalPolicy.RETAIN,
  });
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'CloudWatchLogsForTheFlowLogGroup',
      principals: [new iam.ServicePrincipal(`logs.${Aws.REGION}.amazonaws.com`)],
      actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
      resources: ['*'],
      conditions: { ArnEquals: { 'kms:EncryptionContext:aws:logs:arn': logGroupArn } },
    }),
  );
  return key;
}
