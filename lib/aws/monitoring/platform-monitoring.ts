import { Tags } from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as guardduty from 'aws-cdk-lib/aws-guardduty';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { DEFAULT_CONFIG, type OperationsSettings } from '../../core/config';
import { validateOperations } from '../../core/operations';
import { validateName } from '../../core/validate';
import { createAlertTopic } from './alert-topic';
import { addTrailAlarms, trailSignals } from './trail-alarms';

export interface PlatformMonitoringProps {
  /** The audit trail's CloudWatch log group (AuditTrail.logGroup). */
  readonly trailLogGroup: logs.ILogGroup;
  /** Roles allowed to start training / processing jobs; any other starter raises an alarm. */
  readonly jobLauncherRoleArns: readonly string[];
  /** Contacts, thresholds and the GuardDuty flag. @default DEFAULT_CONFIG.operations */
  readonly operations?: Partial<OperationsSettings>;
  readonly project?: string;
  readonly environment?: string;
}

/**
 * The platform's alerting: a CMK-encrypted SNS topic with the configured e-mail contacts, the
 * CloudTrail metric filters and alarms of trail-alarms.ts, and, when `operations.guardDuty` is on,
 * a GuardDuty detector with S3 protection and runtime monitoring (one detector per account and
 * region, so it is opt-in). API-level alarms are helpers (api-alarms.ts) the inference layer calls.
 */
export class PlatformMonitoring extends Construct {
  public readonly topic: sns.Topic;
  public readonly key: kms.Key;
  public readonly alarms: readonly cloudwatch.Alarm[];
  public readonly detector?: guardduty.CfnDetector;
  /** Namespace of the trail metrics. */
  public readonly namespace: string;

  constructor(scope: Construct, id: string, props: PlatformMonitoringProps) {
    super(scope, id);
    const ops = validateOperations('PlatformMonitoringProps.operations', {
      ...DEFAULT_CONFIG.operations,
      ...(props.operations ?? {}),
    });
    const names = {
      project: validateName('PlatformMonitoringProps.project', props.project ?? 'ztai'),
      environment: validateName('PlatformMonitoringProps.environment', props.environment ?? 'dev'),
    };
    this.namespace = `${names.project}/${names.environment}/Security`;
    const { topic, key } = createAlertTopic(this, names, ops.alertEmails);
    this.topic = topic;
    this.key = key;
    const signals = trailSignals({
      jobLauncherRoleArns: props.jobLauncherRoleArns,
      bulkReadThreshold: ops.bulkReadThreshold,
    });
    this.alarms = addTrailAlarms(this, props.trailLogGroup, topic, signals, this.namespace);
    if (ops.guardDuty) {
      this.detector = new guardduty.CfnDetector(this, 'GuardDuty', {
        enable: true,
        findingPublishingFrequency: 'FIFTEEN_MINUTES',
        features: [
          { name: 'S3_DATA_EVENTS', status: 'ENABLED' },
          {
            name: 'RUNTIME_MONITORING',
            status: 'ENABLED',
            additionalConfiguration: [{ name: 'EC2_AGENT_MANAGEMENT', status: 'ENABLED' }],
          },
        ],
      });
    }
    Tags.of(this).add('zt:layer', 'monitoring');
  }
}
