import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { ResolvedDataLakeProps } from './props';

/**
 * The data lake's customer-managed key.
 *
 * Key policy: only the account root statement CDK writes by default, i.e. the key trusts this
 * account's IAM and nothing else; no wildcard principal. S3 needs no key-policy statement of its
 * own: SSE-KMS calls KMS with the caller's credentials, so access is granted per principal through
 * `grantRead` / `grantWrite`, limited to calls made through S3 for these buckets.
 */
export function createDataLakeKey(scope: Construct, id: string, props: ResolvedDataLakeProps): kms.Key {
  return new kms.Key(scope, 'Key', {
    description: `Encrypts the ${props.project} ${props.environment} data lake (${props.zones.join(', ')})`,
    alias: aliasName(props, id),
    enableKeyRotation: true,
    // The longest waiting period AWS allows: a scheduled deletion can be noticed and cancelled.
    pendingWindow: Duration.days(30),
    removalPolicy: RemovalPolicy.RETAIN,
  });
}

/**
 * alias/<project>-<environment>/<construct id>: unique per data lake within an account and region,
 * and never under the reserved `alias/aws/` prefix.
 */
function aliasName(props: ResolvedDataLakeProps, id: string): string {
  const slug =
    id
      .toLowerCase()
      .replace(/[^a-z0-9_-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'data-lake';
  return `alias/${props.project}-${props.environment}/${slug}`;
}
