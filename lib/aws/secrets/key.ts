import { Duration, RemovalPolicy } from 'aws-cdk-lib';
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

export { allowLogGroupEncryption } from '../vpc-function';
