import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { SecureDataLake } from '../../lib/aws/data-lake';
import { resourceOf, tagsOf } from './helpers';

// Four lakes with different options in one stack: one synthesis for the whole file.
// Built-in CloudFormation schema validation costs ~7 s of CPU per synth; it is asserted once, in
// validation-plugins.test.ts, so the assertion-only synths here skip it.
const app = new App({ builtinCloudFormationValidation: false });
const stack = new Stack(app, 'Options');
const restricted = new SecureDataLake(stack, 'Restricted', { classification: 'restricted', zones: ['raw'] });
const restrictedNoLock = new SecureDataLake(stack, 'RestrictedNoLock', {
  classification: 'restricted',
  objectLock: false,
  zones: ['raw'],
});
const lockedConfidential = new SecureDataLake(stack, 'Locked', {
  objectLock: true,
  retentionDays: 400,
  zones: ['landing', 'gold-v2'],
  owner: 'ml-research',
  lineage: 'ingest:crm-export',
  project: 'acme',
  environment: 'prod',
});
const publicData = new SecureDataLake(stack, 'Public', { classification: 'public', zones: ['open'] });
const template = Template.fromStack(stack);
const annotations = Annotations.fromStack(stack);

describe('SecureDataLake options', () => {
  test('restricted data gets object lock by default: governance mode, retentionDays', () => {
    expect(restricted.objectLockEnabled).toBe(true);
    const props = resourceOf(template, restricted.buckets.raw).Properties!;
    expect(props.ObjectLockEnabled).toBe(true);
    expect(props.ObjectLockConfiguration).toEqual({
      ObjectLockEnabled: 'Enabled',
      Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 90 } },
    });
  });

  test('the access-log bucket never gets object lock (S3 will not deliver logs to it)', () => {
    for (const lake of [restricted, lockedConfidential]) {
      expect(resourceOf(template, lake.accessLogBucket).Properties!.ObjectLockEnabled).toBeUndefined();
    }
  });

  test('restricted data with objectLock: false has no lock and a visible warning', () => {
    expect(restrictedNoLock.objectLockEnabled).toBe(false);
    expect(resourceOf(template, restrictedNoLock.buckets.raw).Properties!.ObjectLockEnabled).toBeUndefined();
    annotations.hasWarning('/Options/RestrictedNoLock', Match.stringLikeRegexp('Object lock is off.*restricted'));
  });

  test('no warning where object lock is on or the data is not restricted', () => {
    for (const path of ['/Options/Restricted', '/Options/Locked', '/Options/Public']) {
      annotations.hasNoWarning(path, Match.anyValue());
    }
  });

  test('objectLock: true on confidential data, with custom retention', () => {
    for (const zone of ['landing', 'gold-v2']) {
      const props = resourceOf(template, lockedConfidential.buckets[zone]).Properties!;
      expect(props.ObjectLockConfiguration.Rule.DefaultRetention).toEqual({ Mode: 'GOVERNANCE', Days: 400 });
    }
  });

  test('retentionDays drives the lifecycle of every bucket of that lake', () => {
    for (const bucket of [...Object.values(lockedConfidential.buckets), lockedConfidential.accessLogBucket]) {
      const rules = resourceOf(template, bucket).Properties!.LifecycleConfiguration.Rules;
      expect(rules).toEqual([expect.objectContaining({ NoncurrentVersionExpiration: { NoncurrentDays: 400 } })]);
    }
  });

  test('custom zones, owner, lineage, project and environment reach names and tags', () => {
    expect(Object.keys(lockedConfidential.buckets)).toEqual(['landing', 'gold-v2']);
    expect(resourceOf(template, lockedConfidential.buckets['gold-v2']).Properties!.LoggingConfiguration).toEqual(
      expect.objectContaining({ LogFilePrefix: 'gold-v2/' }),
    );
    template.hasResourceProperties('AWS::KMS::Alias', { AliasName: 'alias/acme-prod/locked' });
    for (const c of [lockedConfidential.key, lockedConfidential.buckets.landing, lockedConfidential.accessLogBucket]) {
      expect(tagsOf(resourceOf(template, c))).toEqual(
        expect.objectContaining({
          owner: 'ml-research',
          'data-classification': 'confidential',
          lineage: 'ingest:crm-export',
          project: 'acme',
          environment: 'prod',
        }),
      );
    }
  });

  test('public data is still encrypted, private and TLS-only: classification loosens nothing', () => {
    const props = resourceOf(template, publicData.buckets.open).Properties!;
    expect(props.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm).toBe(
      'aws:kms',
    );
    expect(Object.values(props.PublicAccessBlockConfiguration)).toEqual([true, true, true, true]);
    expect(tagsOf(resourceOf(template, publicData.buckets.open))['data-classification']).toBe('public');
  });

  test('each lake has its own key and alias', () => {
    template.resourceCountIs('AWS::KMS::Key', 4);
    const aliases = Object.values(template.findResources('AWS::KMS::Alias')).map((a) => a.Properties.AliasName);
    expect(new Set(aliases).size).toBe(4);
  });
});
