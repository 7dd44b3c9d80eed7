import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as sns from 'aws-cdk-lib/aws-sns';
import {
  addApiGatewayAlarms,
  addBedrockAlarms,
  addSageMakerEndpointAlarms,
  addWafAlarms,
} from '../../lib/aws/monitoring';
import { resolveConfig } from '../../lib/core/config';
import { AwsPlatformStack } from '../../stacks/aws-platform-stack';
import { arnOf, logicalId, resourceOf, resourcesOfType } from './helpers';

// Synthesized once: the reference stack with contacts and GuardDuty on, and the default one.
const app = new App();
const stack = new AwsPlatformStack(app, 'Ops', {
  config: resolveConfig({ operations: { alertEmails: ['sec@example.com', 'ml@example.com'], guardDuty: true } }),
});
const t = Template.fromStack(stack);
const plain = Template.fromStack(new AwsPlatformStack(new App(), 'Plain', { config: resolveConfig() }));
const { audit, monitoring } = stack.operations;

describe('audit trail', () => {
  test('multi-region, global events, validated, CMK, CloudWatch delivery, logging on', () => {
    t.hasResourceProperties('AWS::CloudTrail::Trail', {
      IsMultiRegionTrail: true,
      IncludeGlobalServiceEvents: true,
      EnableLogFileValidation: true,
      IsLogging: true,
      KMSKeyId: arnOf(audit.key),
      CloudWatchLogsLogGroupArn: arnOf(audit.logGroup),
      S3BucketName: { Ref: logicalId(audit.bucket) },
    });
  });

  test('management events (read and write) and S3 data events on every lake zone, the capture bucket and the model registry', () => {
    const trail = resourceOf(t, audit.trail);
    const selectors = trail.Properties!.EventSelectors as Record<string, unknown>[];
    expect(selectors[0]).toEqual({ IncludeManagementEvents: true, ReadWriteType: 'All' });
    expect(selectors[1]).toMatchObject({ IncludeManagementEvents: false, ReadWriteType: 'All' });
    const values = (selectors[1].DataResources as { Type: string; Values: unknown[] }[])[0];
    expect(values.Type).toBe('AWS::S3::Object');
    const buckets = [
      ...stack.dataLake.zones.map((z) => stack.dataLake.bucket(z)),
      stack.inference.captureBucket,
      stack.models.registry.bucket,
    ];
    expect(values.Values).toHaveLength(buckets.length);
    for (const b of buckets) expect(JSON.stringify(values.Values)).toContain(logicalId(b));
  });

  test('the key lets CloudTrail encrypt for this trail only and CloudWatch Logs for this log group only', () => {
    const statements = JSON.stringify(resourceOf(t, audit.key).Properties!.KeyPolicy);
    expect(statements).toContain('cloudtrail.amazonaws.com');
    expect(statements).toContain(`:trail/${audit.trailName}`);
    expect(statements).toContain('aws:SourceArn');
    expect(statements).toContain('kms:EncryptionContext:aws:logs:arn');
    expect(resourceOf(t, audit.key).Properties!.EnableKeyRotation).toBe(true);
  });

  test('the trail bucket is hardened like the lake: KMS, object lock (governance), versioned, logged, retained', () => {
    const bucket = resourceOf(t, audit.bucket);
    expect(bucket.DeletionPolicy).toBe('Retain');
    expect(bucket.Properties!).toMatchObject({
      ObjectLockEnabled: true,
      ObjectLockConfiguration: {
        ObjectLockEnabled: 'Enabled',
        Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 90 } },
      },
      VersioningConfiguration: { Status: 'Enabled' },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      LoggingConfiguration: { DestinationBucketName: { Ref: logicalId(stack.dataLake.accessLogBucket) } },
    });
    expect(JSON.stringify(bucket.Properties!.BucketEncryption)).toContain('aws:kms');
  });

  test('the CloudWatch copy is encrypted, kept 90 days and retained', () => {
    const group = resourceOf(t, audit.logGroup);
    expect(group.DeletionPolicy).toBe('Retain');
    expect(group.Properties!).toMatchObject({ RetentionInDays: 90, KmsKeyId: arnOf(audit.key) });
  });
});

describe('monitoring', () => {
  test('a CMK-encrypted topic with one e-mail subscription per contact', () => {
    t.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: arnOf(monitoring.key) });
    const subs = Object.values(resourcesOfType(t, 'AWS::SNS::Subscription')).map((s) => s.Properties!.Endpoint);
    expect(subs.sort()).toEqual(['ml@example.com', 'sec@example.com']);
    expect(JSON.stringify(resourceOf(t, monitoring.key).Properties!.KeyPolicy)).toContain('cloudwatch.amazonaws.com');
  });

  test('five metric filters on the trail log group, each with an alarm notifying the topic', () => {
    const filters = Object.values(resourcesOfType(t, 'AWS::Logs::MetricFilter'));
    expect(filters).toHaveLength(5);
    for (const f of filters) expect(f.Properties!.LogGroupName).toEqual({ Ref: logicalId(audit.logGroup) });
    // The trail's own alarms (the serving paths' alarms are asserted below).
    const alarms = Object.values(resourcesOfType(t, 'AWS::CloudWatch::Alarm')).filter(
      (a) =>
        String(a.Properties!.Namespace ?? '').includes('Audit') ||
        filters.some((f) => f.Properties!.MetricTransformations[0].MetricName === a.Properties!.MetricName),
    );
    expect(alarms.map((a) => a.Properties!.MetricName).sort()).toEqual([
      'BulkTrainingDataReads',
      'IamPolicyChanges',
      'KmsKeyDisabledOrScheduledForDeletion',
      'UnauthorizedApiCalls',
      'UnauthorizedTrainingJobs',
    ]);
    for (const a of alarms) expect(a.Properties!.AlarmActions).toEqual([{ Ref: logicalId(monitoring.topic) }]);
  });

  test('every serving path has its extraction alarms on the topic: API count band, 4XX/5XX, WAF blocks, endpoint, Bedrock', () => {
    const alarms = Object.values(resourcesOfType(t, 'AWS::CloudWatch::Alarm'));
    const names = alarms.map((a) => a.Properties!.MetricName).filter(Boolean);
    for (const m of ['4XXError', '5XXError', 'BlockedRequests', 'Invocation5XXErrors', 'InvocationThrottles'])
      expect(names).toContain(m);
    // Anomaly-band alarms (request count, model latency, token counts) use metric math, not MetricName.
    expect(alarms.filter((a) => a.Properties!.ThresholdMetricId).length).toBeGreaterThanOrEqual(3);
    for (const a of alarms) expect(a.Properties!.AlarmActions).toEqual([{ Ref: logicalId(monitoring.topic) }]);
  });

  test('training jobs by anyone but the training role raise the GPU-misuse alarm', () => {
    const filter = Object.values(resourcesOfType(t, 'AWS::Logs::MetricFilter')).find(
      (f) => f.Properties!.MetricTransformations[0].MetricName === 'UnauthorizedTrainingJobs',
    )!;
    const pattern = JSON.stringify(filter.Properties!.FilterPattern);
    expect(pattern).toContain('CreateTrainingJob');
    expect(pattern).toContain('CreateProcessingJob');
    expect(pattern).toContain(logicalId(stack.training.compute.trainingRole));
    expect(pattern).toContain(logicalId(stack.training.pipeline.role));
  });

  test('bulk reads: GetObject count over the configured threshold', () => {
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'BulkTrainingDataReads',
      Threshold: 1000,
      Period: 300,
    });
  });

  test('GuardDuty with S3 protection and runtime monitoring only when the flag is on', () => {
    t.hasResourceProperties('AWS::GuardDuty::Detector', {
      Enable: true,
      Features: Match.arrayWith([
        { Name: 'S3_DATA_EVENTS', Status: 'ENABLED' },
        Match.objectLike({ Name: 'RUNTIME_MONITORING', Status: 'ENABLED' }),
      ]),
    });
    plain.resourceCountIs('AWS::GuardDuty::Detector', 0);
    plain.resourceCountIs('AWS::SNS::Subscription', 0);
  });
});

describe('API alarm helpers (for the inference layer)', () => {
  const s = new Stack(new App(), 'Helpers');
  const topic = new sns.Topic(s, 'T');
  addApiGatewayAlarms(s, 'Api', { apiName: 'models', stage: 'prod', topic });
  addWafAlarms(s, 'Waf', { webAclName: 'acl', region: 'eu-west-1', topic });
  addSageMakerEndpointAlarms(s, 'Endpoint', { endpointName: 'ep', topic });
  addBedrockAlarms(s, 'Bedrock', { modelId: 'anthropic.claude', topic });
  const h = Template.fromStack(s);

  test('API Gateway: a Count anomaly band and 4XX / 5XX spikes on the stage', () => {
    h.hasResourceProperties('AWS::CloudWatch::Alarm', {
      ComparisonOperator: 'GreaterThanUpperThreshold',
      ThresholdMetricId: 'band',
      Metrics: Match.arrayWith([
        Match.objectLike({
          MetricStat: Match.objectLike({
            Metric: Match.objectLike({ Namespace: 'AWS/ApiGateway', MetricName: 'Count' }),
          }),
        }),
        Match.objectLike({ Expression: 'ANOMALY_DETECTION_BAND(m1, 2)' }),
      ]),
    });
    for (const m of ['4XXError', '5XXError']) {
      h.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/ApiGateway',
        MetricName: m,
        Dimensions: [
          { Name: 'ApiName', Value: 'models' },
          { Name: 'Stage', Value: 'prod' },
        ],
      });
    }
  });

  test('WAF blocked requests, SageMaker latency band and 5XX, Bedrock throttles and token band', () => {
    h.hasResourceProperties('AWS::CloudWatch::Alarm', { Namespace: 'AWS/WAFV2', MetricName: 'BlockedRequests' });
    h.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SageMaker',
      MetricName: 'Invocation5XXErrors',
    });
    h.hasResourceProperties('AWS::CloudWatch::Alarm', { Namespace: 'AWS/Bedrock', MetricName: 'InvocationThrottles' });
    expect(JSON.stringify(h.toJSON())).toContain('ModelLatency');
    expect(JSON.stringify(h.toJSON())).toContain('OutputTokenCount');
    h.resourceCountIs('AWS::CloudWatch::Alarm', 3 + 1 + 2 + 2);
  });
});
