import { Stack, Token, TokenComparison } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';

/**
 * Least-privilege action sets. Deliberately narrower than CDK's `Bucket.grantRead/grantWrite`
 * (which add s3:GetBucket*, s3:List*, s3:DeleteObject*, kms:ReEncrypt* ...):
 * - read: get objects and their versions, list the bucket, find its region;
 * - write: put objects (multipart included) and abort an upload; no delete, no retention/legal-hold
 *   changes, no ACLs (object versions expire through lifecycle, not through writers).
 * KMS: S3 calls kms:Decrypt to read SSE-KMS objects; it calls kms:GenerateDataKey to write and
 * kms:Decrypt to complete multipart uploads. S3 never calls kms:Encrypt or kms:ReEncrypt for SSE-KMS,
 * so those are not granted.
 */
export const ACCESS = {
  read: {
    bucket: ['s3:ListBucket', 's3:GetBucketLocation'],
    objects: ['s3:GetObject', 's3:GetObjectVersion'],
    key: ['kms:Decrypt'],
  },
  write: {
    bucket: [] as string[],
    objects: ['s3:PutObject', 's3:AbortMultipartUpload'],
    key: ['kms:GenerateDataKey', 'kms:Decrypt'],
  },
} as const;

export type AccessLevel = keyof typeof ACCESS;

/**
 * Grants `access` on `buckets` and the matching use of `key`, and nothing else. Statements go to the
 * grantee's policy, or to the bucket / key policy when the grantee has none or lives in another
 * account (the same rule as CDK's Grant.addToPrincipalOrResource).
 */
export function grantDataAccess(
  grantee: iam.IGrantable,
  buckets: readonly s3.IBucket[],
  key: kms.IKey,
  access: AccessLevel,
): iam.Grant {
  const actions = ACCESS[access];
  const grants: iam.Grant[] = [];
  for (const bucket of buckets) {
    if (actions.bucket.length > 0) {
      grants.push(
        iam.Grant.addToPrincipalOrResource({
          grantee,
          actions: [...actions.bucket],
          resourceArns: [bucket.bucketArn],
          resource: bucket,
        }),
      );
    }
    grants.push(
      iam.Grant.addToPrincipalOrResource({
        grantee,
        actions: [...actions.objects],
        resourceArns: [bucket.arnForObjects('*')],
        resource: bucket,
      }),
    );
  }
  grants.push(grantKeyUse(grantee, key, [...actions.key], buckets));
  return grants.reduce((all, g) => all.combine(g));
}

/**
 * KMS use through S3 only (`kms:ViaService`). In the grantee's own policy the statement is also bound
 * to these buckets' data (`kms:EncryptionContext:aws:s3:arn`: the bucket ARN with bucket keys, the
 * object ARN without), so a grant on one zone cannot decrypt another zone's objects although all
 * zones share the key. A key-policy statement cannot name the buckets: each bucket already refers to
 * the key, and the reverse reference would be a dependency cycle. There the bucket policy, which S3
 * checks before it ever calls KMS, keeps the grant to the granted zones.
 */
function grantKeyUse(
  grantee: iam.IGrantable,
  key: kms.IKey,
  actions: string[],
  buckets: readonly s3.IBucket[],
): iam.Grant {
  const stack = Stack.of(key);
  const viaS3 = { StringEquals: { 'kms:ViaService': `s3.${stack.region}.${stack.urlSuffix}` } };
  const onPrincipal = iam.Grant.addToPrincipal({
    grantee,
    actions,
    resourceArns: [key.keyArn],
    conditions: {
      ...viaS3,
      StringLike: { 'kms:EncryptionContext:aws:s3:arn': buckets.flatMap((b) => [b.bucketArn, b.arnForObjects('*')]) },
    },
  });
  if (onPrincipal.success && sameAccount(key, grantee)) return onPrincipal;
  const statement = new iam.PolicyStatement({
    actions,
    // In a key policy the key itself is always "*".
    resources: ['*'],
    principals: [grantee.grantPrincipal],
    conditions: viaS3,
  });
  const onKey = iam.Grant.addStatementToResourcePolicy({
    grantee,
    actions,
    resourceArns: ['*'],
    resource: key,
    statement,
  });
  return onPrincipal.success ? onPrincipal.combine(onKey) : onKey;
}

/** Same account, or both unknown at synth time (an environment-agnostic stack and its own roles). */
function sameAccount(resource: kms.IKey, grantee: iam.IGrantable): boolean {
  const principalAccount = grantee.grantPrincipal.principalAccount;
  if (!principalAccount) return false;
  const cmp = Token.compareStrings(resource.env.account, principalAccount);
  return cmp === TokenComparison.SAME || cmp === TokenComparison.BOTH_UNRESOLVED;
}
