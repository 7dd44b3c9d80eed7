import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

/**
 * The alert topic: encrypted with its own CMK (alerts name buckets, principals and keys), TLS-only
 * publishing, one e-mail subscription per configured contact. CloudWatch alarms publish through the
 * key, so the key policy lets cloudwatch.amazonaws.com use it for this account's alarms only.
 */
export function createAlertTopic(
  scope: Construct,
  names: { project: string; environment: string },
  emails: readonly string[],
): { topic: sns.Topic; key: kms.Key } {
  const key = new kms.Key(scope, 'AlertKey', {
    description: `Encrypts the ${names.project} ${names.environment} security alert topic`,
    alias: `alias/${names.project}-${names.environment}/alerts`,
    enableKeyRotation: true,
    pendingWindow: Duration.days(30),
    removalPolicy: RemovalPolicy.RETAIN,
  });
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'CloudWatchAlarmsPublishEncrypted',
      principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
      actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      resources: ['*'],
      conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(scope).account } },
    }),
  );
  const topic = new sns.Topic(scope, 'AlertTopic', {
    topicName: `${names.project}-${names.environment}-security-alerts`,
    displayName: `${names.project} ${names.environment} security alerts`,
    masterKey: key,
    enforceSSL: true,
  });
  for (const email of emails) topic.addSubscription(new subscriptions.EmailSubscription(email));
  return { topic, key };
}
