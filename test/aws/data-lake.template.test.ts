import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { resolveConfig } from '../../lib/core/config';
import { BlueprintConfigError } from '../../lib/core/errors';
import { WAIVER_METADATA_KEY } from '../../lib/core/waiver';
import { AwsPlatformStack } from '../../stacks/aws-platform-stack';
import {
  arnOf,
  bucketPolicyFor,
  CfnResourceJson,
  logicalId,
  objectsArnOf,
  resourceOf,
  resourcesOfType,
  tagsOf,
} from './helpers';

// The reference stack with default configuration, synthesized once for the whole file.
// Built-in CloudFormation schema validation costs ~7 s of CPU per synth; it is asserted once, in
// validation-plugins.test.ts, so the assertion-only synths here skip it.
const app = new App({ builtinCloudFormationValidation: false });
const stack = new AwsPlatformStack(app, 'Platform', { config: resolveConfig() });
const lake = stack.dataLake;
const template = Template.fromStack(stack);
/** The data lake's keys (logical IDs under DataLake), not the other layers' keys in the stack. */
const lakeKeys = () =>
  Object.fromEntries(
    Object.entries(resourcesOfType(template, 'AWS::KMS::Key')).filter(([id]) => id.startsWith('DataLake')),
  );
/** The data lake's buckets (logical IDs under DataLake), not the lake-hardened buckets of other layers. */
const lakeBuckets = () =>
  Object.fromEntries(
    Object.entries(resourcesOfType(template, 'AWS::S3::Bucket')).filter(([id]) => id.startsWith('DataLake')),
  );
const zoneBuckets = () => ['raw', 'curated', 'features'].map((z) => lake.buckets[z]);
const accountRoot = {
  'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':root']],
};

describe('SecureDataLake defaults (reference stack)', () => {
  test('one bucket per default zone plus the access-log bucket', () => {
    expect(lake.zones).toEqual(['raw', 'curated', 'features']);
    expect(Object.keys(lake.buckets)).toEqual(['raw', 'curated', 'features']);
    expect(Object.keys(lakeBuckets())).toHaveLength(4);
    // The stack's other key belongs to the training network (its flow logs).
    expect(Object.keys(lakeKeys())).toHaveLength(1);
  });

  test('customer-managed key: rotation on, 30-day deletion window, alias', () => {
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true, PendingWindowInDays: 30 });
    template.hasResourceProperties('AWS::KMS::Alias', {
      AliasName: 'alias/ztai-dev/datalake',
      TargetKeyId: arnOf(lake.key),
    });
  });

  test('key policy trusts only the account root: no wildcard or foreign principal', () => {
    const statements = resourceOf(template, lake.key).Properties!.KeyPolicy.Statement as Record<string, unknown>[];
    expect(statements).toEqual([{ Action: 'kms:*', Effect: 'Allow', Principal: { AWS: accountRoot }, Resource: '*' }]);
  });

  test('zone buckets: SSE-KMS with the CMK and a bucket key', () => {
    for (const bucket of zoneBuckets()) {
      expect(resourceOf(template, bucket).Properties!.BucketEncryption).toEqual({
        ServerSideEncryptionConfiguration: [
          {
            BucketKeyEnabled: true,
            ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: arnOf(lake.key) },
          },
        ],
      });
    }
  });

  test('every bucket: all four public-access blocks, ACLs disabled, versioning', () => {
    const buckets = Object.values(lakeBuckets());
    expect(buckets).toHaveLength(4);
    for (const b of buckets) {
      expect(b.Properties!.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(b.Properties!.OwnershipControls).toEqual({ Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] });
      expect(b.Properties!.VersioningConfiguration).toEqual({ Status: 'Enabled' });
      expect(b.Properties!.AccessControl).toBeUndefined();
    }
  });

  test('every bucket policy denies non-TLS and TLS < 1.2 for bucket and objects', () => {
    for (const bucket of [...zoneBuckets(), lake.accessLogBucket]) {
      const statements = bucketPolicyFor(template, bucket).Properties!.PolicyDocument.Statement;
      const resources = [arnOf(bucket), objectsArnOf(bucket)];
      expect(statements).toEqual(
        expect.arrayContaining([
          {
            Action: 's3:*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            Effect: 'Deny',
            Principal: { AWS: '*' },
            Resource: resources,
          },
          {
            Action: 's3:*',
            Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } },
            Effect: 'Deny',
            Principal: { AWS: '*' },
            Resource: resources,
          },
        ]),
      );
    }
  });

  test('zone buckets log to the access-log bucket under their zone prefix', () => {
    for (const zone of lake.zones) {
      expect(resourceOf(template, lake.buckets[zone]).Properties!.LoggingConfiguration).toEqual({
        DestinationBucketName: { Ref: logicalId(lake.accessLogBucket) },
        LogFilePrefix: `${zone}/`,
      });
    }
  });

  test('access-log bucket: SSE-S3, no self-logging, log delivery by bucket policy scoped per source', () => {
    const logs = resourceOf(template, lake.accessLogBucket);
    expect(logs.Properties!.BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
    });
    expect(logs.Properties!.LoggingConfiguration).toBeUndefined();
    expect(logs.Properties!.ObjectLockEnabled).toBeUndefined();
    const statements = bucketPolicyFor(template, lake.accessLogBucket).Properties!.PolicyDocument.Statement;
    for (const zone of lake.zones) {
      expect(statements).toContainEqual({
        Action: 's3:PutObject',
        Effect: 'Allow',
        Principal: { Service: 'logging.s3.amazonaws.com' },
        Resource: { 'Fn::Join': ['', [arnOf(lake.accessLogBucket), `/${zone}/*`]] },
        Condition: {
          ArnLike: { 'aws:SourceArn': arnOf(lake.buckets[zone]) },
          StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
        },
      });
    }
    // Nothing else is allowed: one log-delivery grant per zone, and one each for the inference capture,
    // audit trail and model registry buckets (lake-hardened buckets of other layers); the rest are TLS denies.
    const allows = statements.filter((s: { Effect: string }) => s.Effect === 'Allow');
    expect(allows).toHaveLength(lake.zones.length + 3);
    const sources = allows.map(
      (a: { Condition: { ArnLike: Record<string, unknown> } }) => a.Condition.ArnLike['aws:SourceArn'],
    );
    expect(sources).toContainEqual(arnOf(stack.inference.captureBucket));
    expect(sources).toContainEqual(arnOf(stack.models.registry.bucket));
  });

  test('lifecycle: noncurrent versions expire after retentionDays, stale multipart uploads abort', () => {
    for (const b of Object.values(lakeBuckets())) {
      expect(b.Properties!.LifecycleConfiguration).toEqual({
        Rules: [
          {
            Id: 'expire-noncurrent-versions',
            Status: 'Enabled',
            NoncurrentVersionExpiration: { NoncurrentDays: 90 },
            AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
          },
        ],
      });
    }
  });

  test('confidential data (the default) gets no object lock', () => {
    expect(lake.objectLockEnabled).toBe(false);
    for (const b of Object.values(lakeBuckets())) {
      expect(b.Properties!.ObjectLockEnabled).toBeUndefined();
      expect(b.Properties!.ObjectLockConfiguration).toBeUndefined();
    }
  });

  test('DeletionPolicy and UpdateReplacePolicy Retain on every bucket and the key', () => {
    const stateful: [string, CfnResourceJson][] = [...Object.entries(lakeBuckets()), ...Object.entries(lakeKeys())];
    expect(stateful).toHaveLength(5);
    for (const [, r] of stateful) {
      expect(r.DeletionPolicy).toBe('Retain');
      expect(r.UpdateReplacePolicy).toBe('Retain');
    }
  });

  test('governance tags on every taggable resource (key and buckets)', () => {
    const expected = {
      owner: 'platform-team',
      'data-classification': 'confidential',
      lineage: 'ztai:data-lake',
      project: 'ztai',
      environment: 'dev',
      'managed-by': 'zero-trust-ai-blueprint',
    };
    const taggable = [...Object.values(lakeBuckets()), ...Object.values(lakeKeys())];
    for (const r of taggable) expect(tagsOf(r)).toEqual(expected);
  });

  test('waivers: only the access-log bucket, for ZT-DATA-001 and ZT-DATA-006, with reasons', () => {
    const waived = Object.entries(template.toJSON().Resources as Record<string, CfnResourceJson>).filter(
      // The lake's own resources: the reference stack's other layers record theirs beside them.
      ([id, r]) => id.startsWith('DataLake') && r.Metadata?.[WAIVER_METADATA_KEY] !== undefined,
    );
    expect(waived.map(([id]) => id)).toEqual([logicalId(lake.accessLogBucket)]);
    const waivers = waived[0][1].Metadata![WAIVER_METADATA_KEY] as { ruleId: string; reason: string }[];
    expect(waivers.map((w) => w.ruleId)).toEqual(['ZT-DATA-001', 'ZT-DATA-006']);
    expect(waivers[0].reason).toMatch(/SSE-KMS/);
    expect(waivers[1].reason).toMatch(/itself/);
  });

  test('the stack is environment-agnostic and carries no account or region literal', () => {
    expect(stack.environment).toBe('aws://unknown-account/unknown-region');
    expect(JSON.stringify(template.toJSON())).not.toMatch(/\d{12}/);
  });

  test('escape hatches: bucket(zone) returns the zone bucket and names known zones otherwise', () => {
    expect(lake.bucket('curated')).toBe(lake.buckets.curated);
    expect(() => lake.bucket('gold')).toThrow(BlueprintConfigError);
    expect(() => lake.bucket('gold')).toThrow(/SecureDataLake\.bucket\(zone\).*raw, curated, features.*"gold"/);
  });

  test('no bucket has a name, so two deployments never collide', () => {
    template.allResourcesProperties('AWS::S3::Bucket', { BucketName: Match.absent() });
  });
});
