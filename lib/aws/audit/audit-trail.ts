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
  public readonly trail: cloudtrail.Trail;
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

    this.trail = new cloudtrail.Trail(this, 'Trail', {
      trailName: this.trailName,
      bucket: this.bucket,
      encryptionKey: this.key,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      enableFileValidation: true,
      sendToCloudWatchLogs: true,
      cloudWatchLogGroup: this.logGroup,
      managementEvents: cloudtrail.ReadWriteType.ALL,
    });
    this.trail.node.addDependency(this.key);
    if (p.dataBuckets.length > 0) {
      this.trail.addS3EventSelector(
        p.dataBuckets.map((bucket) => ({ bucket })),
        // The management events are recorded by the first selector already.
        { readWriteType: cloudtrail.ReadWriteType.ALL, includeManagementEvents: false },
      );
    }
    Tags.of(this).add('zt:layer', 'audit');
    this.acknowledgeNag();
  }

  private acknowledgeNag(): void {
    const replication =
      'The trail is multi-region already (one trail records every region into this bucket); replicating its ' +
      'bucket is a disaster-recovery decision that needs a second region and replica key. Object lock ' +
      '(governance), versioning and retain-on-delete protect the records in place.';
    for (const pack of ['NIST.800.53.R5', 'HIPAA.Security']) {
      acknowledgeNagRule(this.bucket, `${pack}-S3BucketReplicationEnabled`, replication);
    }
    // The L2 trail writes its delivery role's policy inline; it grants only CreateLogStream /
    // PutLogEvents on the one audit log group, and lives and dies with the trail.
    const role = this.trail.node.tryFindChild('LogsRole');
    for (const pack of ['NIST.800.53.R5', 'HIPAA.Security']) {
      if (role) {
        acknowledgeNagRule(
          role,
          `${pack}-IAMNoInlinePolicy`,
          'CloudTrail\u2019s CloudWatch Logs delivery role (created by the CDK Trail construct) holds one inline ' +
            'statement: logs:CreateLogStream and logs:PutLogEvents on the audit log group only; it is used by ' +
            'cloudtrail.amazonaws.com alone and shares the trail\u2019s lifecycle.',
        );
      }
    }
  }
}
