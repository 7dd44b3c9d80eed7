import { Aws, Duration, RemovalPolicy, Tags } from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { hardenedBucketProps, sendAccessLogs } from '../data-lake/buckets';
import { acknowledgeNagRule } from '../waive';
import { AuditTrailProps, resolveAuditTrailProps } from './props';

/**
 * The platform's audit trail: one multi-region CloudTrail with global-service events and log-file
 * validation, encrypted with its own CMK, delivered to a hardened, object-locked, retained bucket and
 * to an encrypted CloudWatch log group (what the monitoring layer's metric filters read).
 *
 * Management events (read and write) include every SageMaker and Bedrock control-plane call
 * (CreateTrainingJob, CreateModel, InvokeModel is a data event of Bedrock and not recorded here);
 * S3 data events (read and write) on the lake's buckets record who read which training data: the
 * lineage evidence of ZT-MONITORING-002.
 */
export class AuditTrail extends Construct {
  public readonly trail: cloudtrail.CfnTrail;
  public readonly key: kms.Key;
  public readonly bucket: s3.Bucket;
  public readonly logGroup: logs.LogGroup;
  public readonly trailName: string;
  public readonly retentionDays: number;

  constructor(scope: Construct, id: string, props: AuditTrailProps) {
    super(scope, id);
    const p = resolveAuditTrailProps(props);
    this.retentionDays = p.retentionDays;
    this.trailName = `${p.project}-${p.environment}-audit`;
    // Built from the name (not the trail's attribute) so the key policy does not depend on the trail.
    const trailArn = `arn:${Aws.PARTITION}:cloudtrail:${Aws.REGION}:${Aws.ACCOUNT_ID}:trail/${this.trailName}`;
    const logGroupName = `/${p.project}/${p.environment}/audit/cloudtrail`;
    const logGroupArn = `arn:${Aws.PARTITION}:logs:${Aws.REGION}:${Aws.ACCOUNT_ID}:log-group:${logGroupName}`;

    this.key = new kms.Key(this, 'Key', {
      description: `Encrypts the ${p.project} ${p.environment} CloudTrail logs and their CloudWatch copy`,
      alias: `alias/${p.project}-${p.environment}/audit`,
      enableKeyRotation: true,
      pendingWindow: Duration.days(30),
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'CloudTrailEncryptsThisTrailOnly',
        principals: [new iam.ServicePrincipal('cloudtrail.amazonaws.com')],
        actions: ['kms:GenerateDataKey*', 'kms:DescribeKey'],
        resources: ['*'],
        conditions: {
          StringEquals: { 'aws:SourceArn': trailArn },
          StringLike: {
            'kms:EncryptionContext:aws:cloudtrail:arn': `arn:${Aws.PARTITION}:cloudtrail:*:${Aws.ACCOUNT_ID}:trail/*`,
          },
        },
      }),
    );
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'CloudWatchLogsEncryptsTheAuditLogGroupOnly',
        principals: [new iam.ServicePrincipal(`logs.${Aws.REGION}.amazonaws.com`)],
        actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
        resources: ['*'],
        conditions: { ArnEquals: { 'kms:EncryptionContext:aws:logs:arn': logGroupArn } },
      }),
    );

    this.bucket = new s3.Bucket(this, 'Bucket', {
      ...hardenedBucketProps(p.retentionDays),
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: this.key,
      bucketKeyEnabled: true,
      objectLockEnabled: true,
      // Governance mode: the records cannot be overwritten or deleted for retentionDays except by a
      // principal explicitly granted s3:BypassGovernanceRetention.
      objectLockDefaultRetention: s3.ObjectLockRetention.governance(Duration.days(p.retentionDays)),
    });
    sendAccessLogs(this.bucket, props.accessLogBucket as s3.Bucket, 'audit-trail/');

    this.logGroup = new logs.LogGroup(this, 'LogGroup', {
      logGroupName,
      encryptionKey: this.key,
      retention: p.retentionDays as logs.RetentionDays,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.trail = this.createTrail(trailArn, p.dataBuckets);
    Tags.of(this).add('zt:layer', 'audit');
    this.acknowledgeNag();
  }

  /**
   * The trail as an L1 resource: the L2 Trail writes its CloudWatch delivery role's policy inline and
   * its bucket grants without aws:SourceArn; here the role gets a managed policy on the one log group
   * and the bucket accepts deliveries from this trail only.
   */
  private createTrail(trailArn: string, dataBuckets: readonly s3.IBucket[]): cloudtrail.CfnTrail {
    const principal = new iam.ServicePrincipal('cloudtrail.amazonaws.com');
    const fromThisTrail = { StringEquals: { 'aws:SourceArn': trailArn } };
    this.bucket.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [principal],
        actions: ['s3:GetBucketAcl'],
        resources: [this.bucket.bucketArn],
        conditions: fromThisTrail,
      }),
    );
    this.bucket.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [principal],
        actions: ['s3:PutObject'],
        resources: [this.bucket.arnForObjects(`AWSLogs/${Aws.ACCOUNT_ID}/*`)],
        conditions: { StringEquals: { 'aws:SourceArn': trailArn, 's3:x-amz-acl': 'bucket-owner-full-control' } },
      }),
    );
    const role = new iam.Role(this, 'LogsRole', {
      description: 'Lets CloudTrail deliver the audit trail to its CloudWatch log group',
      assumedBy: new iam.ServicePrincipal('cloudtrail.amazonaws.com', { conditions: fromThisTrail }),
    });
    const policy = new iam.ManagedPolicy(this, 'LogsDeliveryPolicy', {
      description: 'Write access to the audit log group only',
      roles: [role],
      statements: [
        new iam.PolicyStatement({
          actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          resources: [this.logGroup.logGroupArn],
        }),
      ],
    });
    const data = dataBuckets.map((b) => `${b.bucketArn}/`);
    const trail = new cloudtrail.CfnTrail(this, 'Trail', {
      trailName: this.trailName,
      isLogging: true,
      s3BucketName: this.bucket.bucketName,
      kmsKeyId: this.key.keyArn,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      enableLogFileValidation: true,
      cloudWatchLogsLogGroupArn: this.logGroup.logGroupArn,
      cloudWatchLogsRoleArn: role.roleArn,
      eventSelectors: [
        // Management events, read and write: every SageMaker and Bedrock control-plane call.
        { includeManagementEvents: true, readWriteType: 'All' },
        ...(data.length > 0
          ? [
              {
                includeManagementEvents: false,
                readWriteType: 'All',
                dataResources: [{ type: 'AWS::S3::Object', values: data }],
              },
            ]
          : []),
      ],
    });
    trail.node.addDependency(this.bucket.policy!, policy, this.key);
    return trail;
  }

  private acknowledgeNag(): void {
    const replication =
      'The trail is multi-region already (one trail records every region into this bucket); replicating its ' +
      'bucket is a disaster-recovery decision that needs a second region and replica key. Object lock ' +
      '(governance), versioning and retain-on-delete protect the records in place.';
    for (const pack of ['NIST.800.53.R5', 'HIPAA.Security']) {
      acknowledgeNagRule(this.bucket, `${pack}-S3BucketReplicationEnabled`, replication);
    }
  }
}
