import { App, NestedStack, Stack, Stage, Validations } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';

/**
 * A small real CDK app for loader tests: a stack with a KMS key, an encrypted bucket and a log
 * bucket (acknowledging ZT-DATA-006), a nested stack with a bucket, and a stage with a stack.
 * Path and asset metadata are on, as the CDK CLI turns them on for `cdk synth`. The built-in
 * CloudFormation validation (a wasm rule engine) is off: it costs seconds per synth and the loader
 * does not depend on it.
 */
export const ACK_REASON = 'The access-log bucket cannot log into itself; it is the log sink.';

export function synthCdkApp(outdir: string): void {
  const app = new App({
    outdir,
    builtinCloudFormationValidation: false,
    context: { 'aws:cdk:enable-path-metadata': true, 'aws:cdk:enable-asset-metadata': true },
  });
  const stack = new Stack(app, 'Data');
  const key = new kms.Key(stack, 'Key', { enableKeyRotation: true });
  const logs = new s3.Bucket(stack, 'Logs', { encryption: s3.BucketEncryption.S3_MANAGED, enforceSSL: true });
  new s3.Bucket(stack, 'Raw', { encryptionKey: key, serverAccessLogsBucket: logs, enforceSSL: true });
  Validations.of(logs).acknowledge({ id: 'ZeroTrust::ZT-DATA-006', reason: ACK_REASON });
  // Another tool's acknowledgement is not ours to honour.
  Validations.of(logs).acknowledge({
    id: 'AwsSolutions-S1',
    reason: 'cdk-nag acknowledgement, not a zero-trust waiver',
  });

  const nested = new NestedStack(stack, 'Features');
  new s3.Bucket(nested, 'Store', { encryption: s3.BucketEncryption.KMS_MANAGED });

  const stage = new Stage(app, 'Prod');
  new s3.Bucket(new Stack(stage, 'Svc'), 'Curated');
  app.synth();
}
