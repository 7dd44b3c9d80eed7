import { ArnFormat, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

/**
 * The secrets' own customer-managed key: separate from the data lake's so that a grant on one
 * never decrypts the other. Rotation on, longest deletion window, retained.
 */
export function createSecretsKey(scope: Construct, project: string, environment: string): kms.Key {
  return new kms.Key(scope, 'Key', {
    description: `Encrypts the ${project} ${environment} platform secrets, their rotation function and its logs`,
    alias: `alias/${project}-${environment}/secrets-${scope.node.addr.slice(0, 8)}`,
    enableKeyRotation: true,
    pendingWindow: Duration.days(30),
    removalPolicy: RemovalPolicy.RETAIN,
  });
}

/**
 * CloudWatch Logs encrypts a log group with the caller-independent service principal, so the key
 * policy must name it, limited to the one log group (encryption context aws:logs:arn).
 */
export function allowLogGroupEncryption(key: kms.IKey, logGroupName: string, sid = 'AllowRotationLogGroup'): void {
  const stack = Stack.of(key);
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid,
      principals: [new iam.ServicePrincipal(`logs.${stack.region}.${stack.urlSuffix}`)],
      actions: [
        'kms:Encrypt',
        'kms:Decrypt',
        'kms:ReEncryptFrom',
        'kms:ReEncryptTo',
        'kms:GenerateDataKey',
        'kms:GenerateDataKeyWithoutPlaintext',
        'kms:DescribeKey',
      ],
      resources: ['*'],
      conditions: {
        ArnEquals: {
          'kms:EncryptionContext:aws:logs:arn': stack.formatArn({
            service: 'logs',
            resource: 'log-group',
            resourceName: logGroupName,
            arnFormat: ArnFormat.COLON_RESOURCE_NAME,
          }),
        },
      },
    }),
  );
}
