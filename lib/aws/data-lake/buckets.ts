import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { waive } from '../waive';
import { ResolvedDataLakeProps } from './props';

/** Incomplete multipart uploads are invisible, billed storage; a week is ample for any real upload. */
export const ABORT_MULTIPART_AFTER_DAYS = 7;

/** Hardening shared by every bucket of the lake, including the access-log bucket. */
export function hardenedBucketProps(retentionDays: number): s3.BucketProps {
  return {
    enforceSSL: true,
    minimumTLSVersion: 1.2,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    // ACLs off: access is decided by IAM and bucket policies only.
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    versioned: true,
    removalPolicy: RemovalPolicy.RETAIN,
    lifecycleRules: [
      {
        id: 'expire-noncurrent-versions',
        noncurrentVersionExpiration: Duration.days(retentionDays),
        abortIncompleteMultipartUploadAfter: Duration.days(ABORT_MULTIPART_AFTER_DAYS),
      },
    ],
  };
}

const LOG_BUCKET_SSE_REASON =
  'S3 server access logging cannot deliver to a destination bucket whose default encryption is SSE-KMS; ' +
  'only SSE-S3 (AES256) is supported, so this access-log bucket is encrypted with S3-managed keys.';
const LOG_BUCKET_LOGGING_REASON =
  'This is the server access log destination of the data lake; logging it into itself would create a ' +
  'feedback loop of log records, and a further log bucket would need the same exception.';

/**
 * The dedicated server access log bucket: hardened like the data buckets except for the two points
 * S3 itself rules out, each recorded as a waiver. (cdk-nag's AwsSolutions-S1 already treats a bucket
 * that receives other buckets' access logs as compliant, so it needs no acknowledgement.)
 * No object lock: S3 does not deliver access logs to a bucket with a default retention period.
 */
export function createAccessLogBucket(scope: Construct, props: ResolvedDataLakeProps): s3.Bucket {
  const bucket = new s3.Bucket(scope, 'AccessLogs', {
    ...hardenedBucketProps(props.retentionDays),
    encryption: s3.BucketEncryption.S3_MANAGED,
  });
  // On the bucket resource itself, not the L2 scope: its bucket policy needs no exception.
  const resource = bucket.node.defaultChild as s3.CfnBucket;
  waive(resource, { ruleId: 'ZT-DATA-001', reason: LOG_BUCKET_SSE_REASON });
  waive(resource, { ruleId: 'ZT-DATA-006', reason: LOG_BUCKET_LOGGING_REASON });
  return bucket;
}

/** One zone's data bucket: SSE-KMS with the lake's key and an S3 bucket key, logs to `logBucket`. */
export function createZoneBucket(
  scope: Construct,
  zone: string,
  key: kms.IKey,
  logBucket: s3.Bucket,
  props: ResolvedDataLakeProps,
): s3.Bucket {
  const bucket = new s3.Bucket(scope, zone, {
    ...hardenedBucketProps(props.retentionDays),
    encryption: s3.BucketEncryption.KMS,
    encryptionKey: key,
    // Bucket keys cut KMS request volume (and cost) by ~99% without weakening the CMK's control.
    bucketKeyEnabled: true,
    ...(props.objectLock
      ? {
          objectLockEnabled: true,
          objectLockDefaultRetention: s3.ObjectLockRetention.governance(Duration.days(props.retentionDays)),
        }
      : {}),
  });
  sendAccessLogs(bucket, logBucket, `${zone}/`);
  return bucket;
}

/**
 * Turns on server access logging with the bucket-policy delivery method.
 *
 * Done here rather than through the L2 `serverAccessLogsBucket` prop: without the app-level feature
 * flag `@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy` that prop falls back to the
 * `LogDeliveryWrite` ACL, which contradicts `BucketOwnerEnforced`. The construct must be compliant
 * in any app, whatever its feature flags.
 */
export function sendAccessLogs(source: s3.Bucket, logBucket: s3.Bucket, prefix: string): void {
  logBucket.addToResourcePolicy(
    new iam.PolicyStatement({
      effect: iam.Effect.ALLOW,
      principals: [new iam.ServicePrincipal('logging.s3.amazonaws.com')],
      actions: ['s3:PutObject'],
      resources: [logBucket.arnForObjects(`${prefix}*`)],
      // Only S3's log delivery for this bucket, in this account, may write under this prefix.
      conditions: {
        ArnLike: { 'aws:SourceArn': source.bucketArn },
        StringEquals: { 'aws:SourceAccount': Stack.of(source).account },
      },
    }),
  );
  const cfn = source.node.defaultChild as s3.CfnBucket;
  cfn.loggingConfiguration = { destinationBucketName: logBucket.bucketName, logFilePrefix: prefix };
}
