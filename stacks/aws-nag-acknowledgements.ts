import { SecureDataLake } from '../lib/aws/data-lake';
import type { ModelRegistry } from '../lib/aws/model-registry';
import { acknowledgeNagRule } from '../lib/aws/waive';

/**
 * The cdk-nag findings on the data lake that the reference stack accepts, each with its reason.
 * Kept at the composition level: whether a stack replicates to a second region is a deployment
 * decision, not a property of the construct.
 */
export function acknowledgeDataLakeNagFindings(lake: SecureDataLake): void {
  const replication =
    'Cross-region replication is a disaster-recovery decision that needs a second region, a replica key and a ' +
    'replication role, none of which this single-region reference stack has. Recovery within the region is ' +
    `covered: versioning keeps noncurrent versions ${lake.retentionDays} days` +
    (lake.objectLockEnabled ? ', object lock (governance) blocks early deletion' : '') +
    ', and the bucket is retained on stack deletion. Add a ReplicationConfiguration when a DR region is chosen.';
  for (const bucket of [...Object.values(lake.buckets), lake.accessLogBucket]) {
    for (const pack of ['NIST.800.53.R5', 'HIPAA.Security']) {
      acknowledgeNagRule(bucket, `${pack}-S3BucketReplicationEnabled`, replication);
    }
  }
  for (const pack of ['NIST.800.53.R5', 'HIPAA.Security']) {
    acknowledgeNagRule(
      lake.accessLogBucket,
      `${pack}-S3DefaultEncryptionKMS`,
      'S3 server access logging delivers only to destination buckets whose default encryption is SSE-S3 ' +
        '(AES256); an SSE-KMS destination is not supported by the logging service. This bucket holds only the ' +
        "zone buckets' access logs, is TLS-only, blocks public access and is retained.",
    );
  }
}

/** The model registry's artifact bucket: the same single-region decision as the lake's buckets. */
export function acknowledgeModelRegistryNagFindings(registry: ModelRegistry, retentionDays: number): void {
  const replication =
    'Cross-region replication of signed releases is a disaster-recovery decision that needs a second region, ' +
    'a replica key and a replication role, none of which this single-region reference stack has. Within the ' +
    `region every version is kept and locked (object lock, governance mode) for ${retentionDays} days and the ` +
    'bucket is retained on stack deletion; a lost release can be re-signed from the training output.';
  for (const pack of ['NIST.800.53.R5', 'HIPAA.Security']) {
    acknowledgeNagRule(registry.bucket, `${pack}-S3BucketReplicationEnabled`, replication);
  }
}
