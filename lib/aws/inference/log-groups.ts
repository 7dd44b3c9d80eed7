import { Aws, Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

/** ARN of a log group by name, without CDK's `:*` suffix (what WAF logging and key conditions expect). */
export function logGroupArn(name: string): string {
  return `arn:${Aws.PARTITION}:logs:${Aws.REGION}:${Aws.ACCOUNT_ID}:log-group:${name}`;
}

/**
 * The serving layer's log key: rotation on, 30-day deletion window, retained. CloudWatch Logs of
 * this region may use it only for log groups whose names start with one of `namePrefixes`
 * (kms:EncryptionContext:aws:logs:arn), so the key cannot encrypt anyone else's logs.
 */
export function createLogKey(scope: Construct, alias: string, namePrefixes: readonly string[]): kms.Key {
  const key = new kms.Key(scope, 'LogKey', {
    description: 'Encrypts the inference access, execution, WAF and endpoint logs',
    alias,
    enableKeyRotation: true,
    pendingWindow: Duration.days(30),
    removalPolicy: RemovalPolicy.RETAIN,
  });
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'CloudWatchLogsForInferenceLogGroups',
      principals: [new iam.ServicePrincipal(`logs.${Aws.REGION}.amazonaws.com`)],
      actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
      resources: ['*'],
      conditions: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': namePrefixes.map((p) => logGroupArn(`${p}*`)) } },
    }),
  );
  return key;
}

/** A KMS-encrypted, retained log group with a fixed retention. */
export function createLogGroup(
  scope: Construct,
  id: string,
  logGroupName: string,
  key: kms.IKey,
  retentionDays: number,
): logs.LogGroup {
  return new logs.LogGroup(scope, id, {
    logGroupName,
    encryptionKey: key,
    retention: retentionDays as logs.RetentionDays,
    removalPolicy: RemovalPolicy.RETAIN,
  });
}
