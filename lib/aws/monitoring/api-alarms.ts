import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

/**
 * Reusable alarms for the extraction and abuse signals of a model-serving API, one helper per
 * service, each taking the resource by name (what the metrics' dimensions hold) and the alert
 * topic. The inference layer calls them for each stage / endpoint / web ACL / model it creates:
 *
 *   addApiGatewayAlarms(this, 'ApiAlarms', { apiName: api.restApiName, stage: stage.stageName, topic });
 *
 * Anomaly alarms use a 2-standard-deviation band over 5-minute sums: they learn the normal daily
 * pattern (two weeks of data to settle) instead of a fixed number that is wrong for every API.
 */
export interface AlarmTarget {
  readonly topic: sns.ITopic;
  /** Static threshold of the spike alarms per 5 minutes. @default 50 */
  readonly spikeThreshold?: number;
}

type Dimensions = Record<string, string>;
const PERIOD = 300;
const dims = (d: Dimensions) => Object.entries(d).map(([name, value]) => ({ name, value }));

/** An alarm when the metric rises above its anomaly band (ANOMALY_DETECTION_BAND, 2 std-devs). */
export function anomalyAlarm(
  scope: Construct,
  id: string,
  m: { namespace: string; metricName: string; dimensions: Dimensions; stat: string; description: string },
  topic: sns.ITopic,
): cloudwatch.CfnAlarm {
  return new cloudwatch.CfnAlarm(scope, id, {
    alarmDescription: m.description,
    comparisonOperator: 'GreaterThanUpperThreshold',
    evaluationPeriods: 2,
    datapointsToAlarm: 2,
    thresholdMetricId: 'band',
    treatMissingData: 'notBreaching',
    alarmActions: [topic.topicArn],
    metrics: [
      {
        id: 'm1',
        returnData: true,
        metricStat: {
          metric: { namespace: m.namespace, metricName: m.metricName, dimensions: dims(m.dimensions) },
          period: PERIOD,
          stat: m.stat,
        },
      },
      {
        id: 'band',
        expression: 'ANOMALY_DETECTION_BAND(m1, 2)',
        label: `${m.metricName} (expected)`,
        returnData: true,
      },
    ],
  });
}

/** A static alarm: the 5-minute statistic at or above `threshold`. */
export function spikeAlarm(
  scope: Construct,
  id: string,
  m: { namespace: string; metricName: string; dimensions: Dimensions; stat?: string; description: string },
  threshold: number,
  topic: sns.ITopic,
): cloudwatch.CfnAlarm {
  return new cloudwatch.CfnAlarm(scope, id, {
    alarmDescription: m.description,
    namespace: m.namespace,
    metricName: m.metricName,
    dimensions: dims(m.dimensions),
    statistic: m.stat ?? 'Sum',
    period: PERIOD,
    evaluationPeriods: 1,
    threshold,
    comparisonOperator: 'GreaterThanOrEqualToThreshold',
    treatMissingData: 'notBreaching',
    alarmActions: [topic.topicArn],
  });
}

/** REST API stage: request count against its band (scraping), 4XX (key probing, throttling) and 5XX spikes. */
export function addApiGatewayAlarms(
  scope: Construct,
  id: string,
  p: AlarmTarget & { readonly apiName: string; readonly stage: string },
): cloudwatch.CfnAlarm[] {
  const s = new Construct(scope, id);
  const d = { ApiName: p.apiName, Stage: p.stage };
  const ns = 'AWS/ApiGateway';
  const t = p.spikeThreshold ?? 50;
  return [
    anomalyAlarm(
      s,
      'CountAnomaly',
      {
        namespace: ns,
        metricName: 'Count',
        dimensions: d,
        stat: 'Sum',
        description: `Request count of ${p.apiName}/${p.stage} above its expected band (model extraction by repeated querying)`,
      },
      p.topic,
    ),
    spikeAlarm(
      s,
      'Errors4xx',
      {
        namespace: ns,
        metricName: '4XXError',
        dimensions: d,
        description: `4XX spike on ${p.apiName}/${p.stage} (key probing, throttled clients)`,
      },
      t,
      p.topic,
    ),
    spikeAlarm(
      s,
      'Errors5xx',
      { namespace: ns, metricName: '5XXError', dimensions: d, description: `5XX spike on ${p.apiName}/${p.stage}` },
      t,
      p.topic,
    ),
  ];
}

/** WAF web ACL (regional): blocked-request spike (an attack in progress). */
export function addWafAlarms(
  scope: Construct,
  id: string,
  p: AlarmTarget & { readonly webAclName: string; readonly region: string },
): cloudwatch.CfnAlarm[] {
  const d = { WebACL: p.webAclName, Region: p.region, Rule: 'ALL' };
  return [
    spikeAlarm(
      scope,
      id,
      {
        namespace: 'AWS/WAFV2',
        metricName: 'BlockedRequests',
        dimensions: d,
        description: `Blocked-request spike on web ACL ${p.webAclName}`,
      },
      p.spikeThreshold ?? 100,
      p.topic,
    ),
  ];
}

/** SageMaker endpoint: ModelLatency against its band (adversarial inputs, resource abuse) and 5XX errors. */
export function addSageMakerEndpointAlarms(
  scope: Construct,
  id: string,
  p: AlarmTarget & { readonly endpointName: string; readonly variantName?: string },
): cloudwatch.CfnAlarm[] {
  const s = new Construct(scope, id);
  const d = { EndpointName: p.endpointName, VariantName: p.variantName ?? 'AllTraffic' };
  return [
    anomalyAlarm(
      s,
      'LatencyAnomaly',
      {
        namespace: 'AWS/SageMaker',
        metricName: 'ModelLatency',
        dimensions: d,
        stat: 'p90',
        description: `ModelLatency of ${p.endpointName} above its expected band`,
      },
      p.topic,
    ),
    spikeAlarm(
      s,
      'Invocation5xx',
      {
        namespace: 'AWS/SageMaker',
        metricName: 'Invocation5XXErrors',
        dimensions: d,
        description: `Invocation 5XX errors on ${p.endpointName}`,
      },
      p.spikeThreshold ?? 10,
      p.topic,
    ),
  ];
}

/** Bedrock model: throttles (quota abuse) and output tokens against their band (token-usage spikes). */
export function addBedrockAlarms(
  scope: Construct,
  id: string,
  p: AlarmTarget & { readonly modelId: string },
): cloudwatch.CfnAlarm[] {
  const s = new Construct(scope, id);
  const d = { ModelId: p.modelId };
  return [
    spikeAlarm(
      s,
      'Throttles',
      {
        namespace: 'AWS/Bedrock',
        metricName: 'InvocationThrottles',
        dimensions: d,
        description: `Bedrock throttles on ${p.modelId}`,
      },
      p.spikeThreshold ?? 20,
      p.topic,
    ),
    anomalyAlarm(
      s,
      'OutputTokensAnomaly',
      {
        namespace: 'AWS/Bedrock',
        metricName: 'OutputTokenCount',
        dimensions: d,
        stat: 'Sum',
        description: `Output tokens of ${p.modelId} above the expected band`,
      },
      p.topic,
    ),
  ];
}
