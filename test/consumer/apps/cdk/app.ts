// A consumer's CDK app, written only for the consumer test: it imports the installed package,
// never the repository's sources, and is compiled with plain `tsc`.
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { SecureDataLake, waive } from '@zt-ai/blueprint/aws';
import { ZeroTrustValidationPlugin } from '@zt-ai/blueprint/cdk';

const app = new App({ outdir: process.env.CONSUMER_OUTDIR ?? 'cdk.out' });
Validations.of(app).addPlugins(new ZeroTrustValidationPlugin());

const stack = new Stack(app, 'ConsumerLake');
const lake = new SecureDataLake(stack, 'Lake', { zones: ['raw', 'features'], classification: 'confidential' });
// A stand-alone lake has no trail of its own; the account's (or the platform's AuditTrail) records its
// data events. The consumer records that exception visibly, as a consumer would.
for (const zone of lake.zones) {
  waive(lake.bucket(zone), {
    ruleId: 'ZT-MONITORING-002',
    reason: 'Consumer test app: S3 data events are recorded by the account-level trail, not by this stand-alone stack.',
  });
}
// grantRead takes the consumer's own IGrantable: this type-checks only against one aws-cdk-lib.
const role = new iam.Role(stack, 'TrainingRole', { assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com') });
lake.grantRead(role, 'features');

if (process.env.CONSUMER_NONCOMPLIANT === '1') {
  // An ordinary bucket with S3-managed keys and no TLS-only policy: the gate must stop the synth.
  new s3.Bucket(stack, 'PlainBucket', { encryption: s3.BucketEncryption.S3_MANAGED });
}
if (process.env.CONSUMER_WAIVED === '1') {
  // The same bucket, with a reasoned waiver for every rule it breaks, must synthesize.
  const plain = new s3.Bucket(stack, 'PlainBucket', { encryption: s3.BucketEncryption.S3_MANAGED });
  for (const ruleId of (process.env.CONSUMER_WAIVE_RULES ?? '').split(',').filter(Boolean)) {
    waive(plain, { ruleId, reason: 'Consumer test: a deliberate, reasoned exception for this bucket.' });
  }
}

// The lake's resources must be instances of the consumer's own aws-cdk-lib classes (one copy).
const checks = {
  bucketIsS3Bucket: lake.buckets.raw instanceof s3.Bucket,
  logBucketIsS3Bucket: lake.accessLogBucket instanceof s3.Bucket,
  keyIsKmsKey: lake.key instanceof kms.Key,
};
console.log(`CONSUMER-CHECKS ${JSON.stringify(checks)}`);
app.synth();
