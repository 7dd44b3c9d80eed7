import type * as s3 from 'aws-cdk-lib/aws-s3';
import { MIN_AUDIT_RETENTION_DAYS } from '../../core/operations';
import { BlueprintConfigError } from '../../core/errors';
import { validateName } from '../../core/validate';

export interface AuditTrailProps {
  /** Buckets whose object reads and writes are recorded as CloudTrail data events (the lake's zones). */
  readonly dataBuckets: readonly s3.IBucket[];
  /** Bucket receiving the trail bucket's server access logs (the lake's access-log bucket). */
  readonly accessLogBucket: s3.IBucket;
  /** Days the CloudWatch Logs copy and the trail bucket's object-lock retention last, 90-3653. @default 90 */
  readonly retentionDays?: number;
  readonly project?: string;
  readonly environment?: string;
}

export interface ResolvedAuditTrailProps {
  readonly dataBuckets: readonly s3.IBucket[];
  readonly accessLogBucket: s3.IBucket;
  readonly retentionDays: number;
  readonly project: string;
  readonly environment: string;
}

/** CloudWatch Logs accepts only these retention values, in days (at or above the 90-day floor). */
export const LOG_GROUP_RETENTION_DAYS = [
  90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

export function resolveAuditTrailProps(p: AuditTrailProps): ResolvedAuditTrailProps {
  const retentionDays = p.retentionDays ?? MIN_AUDIT_RETENTION_DAYS;
  if (!LOG_GROUP_RETENTION_DAYS.includes(retentionDays)) {
    throw new BlueprintConfigError(
      'AuditTrailProps.retentionDays',
      `one of ${LOG_GROUP_RETENTION_DAYS.join(', ')} (CloudWatch Logs retention values of at least ${MIN_AUDIT_RETENTION_DAYS})`,
      retentionDays,
    );
  }
  // One event selector holds at most 250 data resources.
  if (!Array.isArray(p.dataBuckets) || p.dataBuckets.length > 250) {
    throw new BlueprintConfigError(
      'AuditTrailProps.dataBuckets',
      'a list of at most 250 buckets',
      p.dataBuckets?.length,
    );
  }
  return {
    dataBuckets: p.dataBuckets,
    accessLogBucket: p.accessLogBucket,
    retentionDays,
    project: validateName('AuditTrailProps.project', p.project ?? 'ztai'),
    environment: validateName('AuditTrailProps.environment', p.environment ?? 'dev'),
  };
}
