import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

/** One CloudTrail signal: a metric filter on the audit log group and the alarm on its count. */
export interface TrailSignal {
  readonly id: string;
  readonly description: string;
  readonly pattern: string;
  /** Alarm when the 5-minute count reaches this (1 = any occurrence). */
  readonly threshold: number;
}

export interface TrailSignalOptions {
  /** Roles allowed to start SageMaker training and processing jobs (the pipeline / training roles). */
  readonly jobLauncherRoleArns: readonly string[];
  /** GetObject calls on the lake in 5 minutes that count as a bulk read. */
  readonly bulkReadThreshold: number;
}

/**
 * The control- and data-plane signals of the AI platform, as CloudTrail filter patterns. The CIS
 * AWS Foundations filters for unauthorized calls and IAM policy changes, plus the platform's own:
 * KMS key disable / scheduled deletion (the data becomes unreadable), bulk reads of training data
 * (S3 data events on the lake; only the lake's buckets are selected, so every GetObject is one),
 * and training / processing jobs started by any other principal (unauthorized GPU use).
 */
export function trailSignals(o: TrailSignalOptions): TrailSignal[] {
  const launchers = o.jobLauncherRoleArns.map((arn) => `($.userIdentity.sessionContext.sessionIssuer.arn != "${arn}")`);
  return [
    {
      id: 'UnauthorizedApiCalls',
      description: 'API calls denied for lack of permission (probing or a misconfigured workload)',
      pattern: '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }',
      threshold: 5,
    },
    {
      id: 'KmsKeyDisabledOrScheduledForDeletion',
      description: 'A KMS key was disabled or scheduled for deletion: the data it protects becomes unreadable',
      pattern:
        '{ ($.eventSource = "kms.amazonaws.com") && (($.eventName = "DisableKey") || ($.eventName = "ScheduleKeyDeletion")) }',
      threshold: 1,
    },
    {
      id: 'IamPolicyChanges',
      description: 'An IAM policy was created, changed, attached or detached',
      pattern:
        '{ ($.eventSource = "iam.amazonaws.com") && (($.eventName = "DeleteGroupPolicy") || ($.eventName = "DeleteRolePolicy") || ' +
        '($.eventName = "DeleteUserPolicy") || ($.eventName = "PutGroupPolicy") || ($.eventName = "PutRolePolicy") || ' +
        '($.eventName = "PutUserPolicy") || ($.eventName = "CreatePolicy") || ($.eventName = "DeletePolicy") || ' +
        '($.eventName = "CreatePolicyVersion") || ($.eventName = "DeletePolicyVersion") || ($.eventName = "AttachRolePolicy") || ' +
        '($.eventName = "DetachRolePolicy") || ($.eventName = "AttachUserPolicy") || ($.eventName = "DetachUserPolicy") || ' +
        '($.eventName = "AttachGroupPolicy") || ($.eventName = "DetachGroupPolicy")) }',
      threshold: 1,
    },
    {
      id: 'BulkTrainingDataReads',
      description: `More than ${o.bulkReadThreshold} objects read from the data lake in 5 minutes (possible exfiltration)`,
      pattern: '{ ($.eventSource = "s3.amazonaws.com") && ($.eventName = "GetObject") }',
      threshold: o.bulkReadThreshold,
    },
    {
      id: 'UnauthorizedTrainingJobs',
      description: 'A training or processing job was started by a principal other than the pipeline roles (GPU misuse)',
      pattern:
        '{ ($.eventSource = "sagemaker.amazonaws.com") && (($.eventName = "CreateTrainingJob") || ' +
        `($.eventName = "CreateProcessingJob"))${launchers.length > 0 ? ` && ${launchers.join(' && ')}` : ''} }`,
      threshold: 1,
    },
  ];
}

/** Creates the metric filters and their alarms on the trail's log group; alarms notify `topic`. */
export function addTrailAlarms(
  scope: Construct,
  logGroup: logs.ILogGroup,
  topic: sns.ITopic,
  signals: readonly TrailSignal[],
  namespace: string,
): cloudwatch.Alarm[] {
  const action = new actions.SnsAction(topic);
  return signals.map((s) => {
    const filter = new logs.MetricFilter(scope, `${s.id}Filter`, {
      logGroup,
      filterPattern: logs.FilterPattern.literal(s.pattern),
      metricNamespace: namespace,
      metricName: s.id,
      metricValue: '1',
    });
    const alarm = filter
      .metric({ statistic: cloudwatch.Stats.SUM, period: Duration.minutes(5) })
      .createAlarm(scope, `${s.id}Alarm`, {
        alarmDescription: s.description,
        threshold: s.threshold,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        // No events is the normal state, not missing data.
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
    alarm.addAlarmAction(action);
    return alarm;
  });
}
