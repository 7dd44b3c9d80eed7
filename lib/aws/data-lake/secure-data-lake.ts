import { Annotations, Tags } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { DataClassification, isRegulated } from '../../core/classification';
import { BlueprintConfigError } from '../../core/errors';
import { governanceTags } from '../../core/tags';
import { createAccessLogBucket, createZoneBucket } from './buckets';
import { AccessLevel, grantDataAccess } from './grants';
import { createDataLakeKey } from './key';
import { resolveDataLakeProps, SecureDataLakeProps } from './props';

/**
 * An encrypted, zone-per-bucket data lake on S3.
 *
 * - one customer-managed KMS key (rotation on, 30-day deletion window, retained);
 * - one bucket per zone: SSE-KMS with the key and a bucket key, TLS-only and TLS >= 1.2 by bucket
 *   policy, all public-access blocks, ACLs disabled, versioning, lifecycle for noncurrent versions
 *   and stale multipart uploads, server access logs, retained, optional object lock;
 * - a dedicated access-log bucket hardened the same way (with the two exceptions S3 imposes,
 *   recorded as waivers);
 * - governance tags (owner, data-classification, lineage, project, environment) on every resource.
 *
 * Access is granted only through {@link grantRead} / {@link grantWrite}, which include exactly the
 * KMS permissions S3 needs for that access.
 */
export class SecureDataLake extends Construct {
  /** Customer-managed key encrypting every zone bucket. */
  public readonly key: kms.Key;
  /** Zone name -> data bucket. */
  public readonly buckets: Readonly<Record<string, s3.Bucket>>;
  /** Destination of the zone buckets' server access logs. */
  public readonly accessLogBucket: s3.Bucket;
  /** Zones in the order given. */
  public readonly zones: readonly string[];
  public readonly classification: DataClassification;
  /** Whether the zone buckets have object lock (governance mode). */
  public readonly objectLockEnabled: boolean;
  public readonly retentionDays: number;

  constructor(scope: Construct, id: string, props: SecureDataLakeProps = {}) {
    super(scope, id);
    const resolved = resolveDataLakeProps(props);
    this.zones = resolved.zones;
    this.classification = resolved.classification;
    this.objectLockEnabled = resolved.objectLock;
    this.retentionDays = resolved.retentionDays;

    if (isRegulated(resolved.classification) && !resolved.objectLock) {
      // Allowed (an explicit choice), but never silent.
      Annotations.of(this).addWarningV2(
        'ztai:data-lake:object-lock-off',
        `Object lock is off although the data is classified "${resolved.classification}"; ` +
          'objects can be overwritten or deleted before retentionDays.',
      );
    }

    this.key = createDataLakeKey(this, id, resolved);
    this.accessLogBucket = createAccessLogBucket(this, resolved);
    const buckets: Record<string, s3.Bucket> = {};
    for (const zone of resolved.zones) {
      buckets[zone] = createZoneBucket(this, zone, this.key, this.accessLogBucket, resolved);
    }
    this.buckets = Object.freeze(buckets);

    const tags = governanceTags({
      owner: resolved.owner,
      classification: resolved.classification,
      lineage: resolved.lineage,
      project: resolved.project,
      environment: resolved.environment,
    });
    for (const [key, value] of Object.entries(tags)) Tags.of(this).add(key, value);
  }

  /** The data bucket of one zone; throws naming the known zones if there is none. */
  public bucket(zone: string): s3.Bucket {
    return this.bucketsFor(zone, 'SecureDataLake.bucket(zone)')[0];
  }

  /**
   * Lets `grantee` read objects (and list) in one zone, or in every zone when `zone` is omitted,
   * plus kms:Decrypt on the lake's key via S3 for those buckets only.
   */
  public grantRead(grantee: iam.IGrantable, zone?: string): iam.Grant {
    return this.grant(grantee, 'read', zone, 'SecureDataLake.grantRead(zone)');
  }

  /**
   * Lets `grantee` write (put, multipart) objects in one zone, or in every zone when `zone` is
   * omitted, plus kms:GenerateDataKey and kms:Decrypt on the lake's key via S3 for those buckets only.
   * No delete: noncurrent versions expire through lifecycle.
   */
  public grantWrite(grantee: iam.IGrantable, zone?: string): iam.Grant {
    return this.grant(grantee, 'write', zone, 'SecureDataLake.grantWrite(zone)');
  }

  private grant(grantee: iam.IGrantable, access: AccessLevel, zone: string | undefined, prop: string): iam.Grant {
    return grantDataAccess(grantee, this.bucketsFor(zone, prop), this.key, access);
  }

  private bucketsFor(zone: string | undefined, prop: string): s3.Bucket[] {
    if (zone === undefined) return this.zones.map((z) => this.buckets[z]);
    if (!Object.prototype.hasOwnProperty.call(this.buckets, zone)) {
      throw new BlueprintConfigError(prop, `one of ${this.zones.join(', ')}`, zone);
    }
    return [this.buckets[zone]];
  }
}
