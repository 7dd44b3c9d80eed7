import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

/** Namespace Model Monitor publishes a real-time endpoint's data-quality metrics to. */
export const DATA_METRICS_NAMESPACE = 'aws/sagemaker/Endpoints/data-metrics';

export interface DataQualityAlarmTarget {
  readonly topic: sns.ITopic;
  readonly endpointName: string;
  readonly scheduleName: string;
  /** Features whose `feature_baseline_drift_<name>` is alarmed. */
  readonly features: readonly string[];
  /** Drift distance above which a run counts as drifted. */
  readonly driftThreshold: number;
  /** Hours between two runs of the schedule (one alarm period per run, at most 24). */
  readonly intervalHours: number;
}

/**
 * One alarm per monitored feature on its baseline drift, one schedule run per period. A run that
 * fails (or a schedule that stops) publishes nothing, so missing data counts as breaching: the
 * same alarm reports drift and a broken monitor. Two of the last three runs must breach, so one
 * late run does not page anybody.
 *
 *   addDataQualityAlarms(this, 'DriftAlarms', { topic, endpointName, scheduleName, features, ... });
 */
export function addDataQualityAlarms(scope: Construct, id: string, p: DataQualityAlarmTarget): cloudwatch.CfnAlarm[] {
  const s = new Construct(scope, id);
  const period = Math.min(24, p.intervalHours) * 3600;
  return p.features.map(
    (feature) =>
      new cloudwatch.CfnAlarm(s, `Drift-${feature}`, {
        alarmDescription:
          `Feature ${feature} of ${p.endpointName} drifted from its training baseline (distance above ` +
          `${p.driftThreshold}), or the data-quality schedule ${p.scheduleName} produced no result`,
        namespace: DATA_METRICS_NAMESPACE,
        metricName: `feature_baseline_drift_${feature}`,
        dimensions: [
          { name: 'Endpoint', value: p.endpointName },
          { name: 'MonitoringSchedule', value: p.scheduleName },
        ],
        statistic: 'Maximum',
        period,
        evaluationPeriods: 3,
        datapointsToAlarm: 2,
        threshold: p.driftThreshold,
        comparisonOperator: 'GreaterThanThreshold',
        treatMissingData: 'breaching',
        alarmActions: [p.topic.topicArn],
      }),
  );
}
