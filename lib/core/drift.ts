import { hasInstanceStore } from '../../policies/rules/shared/instance-store';
import { BlueprintConfigError } from './errors';
import { validateIntRange, validateNonEmpty, validateUnique } from './validate';

/**
 * Data-quality (drift) monitoring of a served model: which captured features are compared with the
 * training baseline, how often, and from what distance a feature counts as drifted. AWS runs it as a
 * SageMaker Model Monitor schedule over the endpoint's data capture.
 */
export interface DriftMonitoringSettings {
  /**
   * Features of the captured requests whose baseline drift raises an alarm (the names in the
   * baseline statistics; Model Monitor publishes `feature_baseline_drift_<name>` for each).
   */
  readonly features: readonly string[];
  /** Hourly, every N hours or daily, as Model Monitor accepts them. @default "cron(0 * ? * * *)" (hourly) */
  readonly scheduleExpression?: string;
  /** Drift distance (0-1) above which a feature alarms. @default 0.1 (Model Monitor's suggested comparison threshold) */
  readonly driftThreshold?: number;
  /** Instance type of the monitoring job; EBS-backed, so its volume takes the platform key. @default "ml.m5.xlarge" */
  readonly instanceType?: string;
  /** Longest one monitoring run may take, in seconds (60-3600, under the schedule's hour). @default 1800 */
  readonly maxRuntimeSeconds?: number;
}

export interface ResolvedDriftMonitoring {
  readonly features: readonly string[];
  readonly scheduleExpression: string;
  /** Hours between two runs of the schedule (1-24): the alarm evaluates one run per period. */
  readonly intervalHours: number;
  readonly driftThreshold: number;
  readonly instanceType: string;
  readonly maxRuntimeSeconds: number;
}

export const DEFAULT_DRIFT_SCHEDULE = 'cron(0 * ? * * *)';
export const DEFAULT_DRIFT_THRESHOLD = 0.1;
export const DEFAULT_MONITOR_INSTANCE_TYPE = 'ml.m5.xlarge';
export const DEFAULT_MONITOR_MAX_RUNTIME_SECONDS = 1800;

const FEATURE = /^[A-Za-z0-9_.-]{1,128}$/;
const INSTANCE = /^ml\.[a-z0-9]+\.[a-z0-9]+$/;

/**
 * Hours between runs of a Model Monitor schedule expression. Model Monitor accepts only hourly
 * `cron(0 * ? * * *)`, every N hours `cron(0 H/N ? * * *)` and daily `cron(0 H ? * * *)`.
 */
export function scheduleIntervalHours(prop: string, expression: unknown): number {
  const expected =
    'a Model Monitor schedule: cron(0 * ? * * *) hourly, cron(0 H/N ? * * *) every N hours, cron(0 H ? * * *) daily';
  if (typeof expression !== 'string') throw new BlueprintConfigError(prop, expected, expression);
  if (expression === 'cron(0 * ? * * *)') return 1;
  const every = /^cron\(0 (\d{1,2})\/(\d{1,2}) \? \* \* \*\)$/.exec(expression);
  if (every && Number(every[1]) <= 23 && Number(every[2]) >= 1 && Number(every[2]) <= 24) return Number(every[2]);
  const daily = /^cron\(0 (\d{1,2}) \? \* \* \*\)$/.exec(expression);
  if (daily && Number(daily[1]) <= 23) return 24;
  throw new BlueprintConfigError(prop, expected, expression);
}

/** Validates drift settings; every error names `<prop>.<field>`. */
export function validateDriftMonitoring(prop: string, s: DriftMonitoringSettings): ResolvedDriftMonitoring {
  if (!s || typeof s !== 'object') throw new BlueprintConfigError(prop, 'a drift monitoring settings object', s);
  const features = validateNonEmpty(`${prop}.features`, s.features);
  features.forEach((f, i) => {
    if (typeof f !== 'string' || !FEATURE.test(f)) {
      throw new BlueprintConfigError(`${prop}.features[${i}]`, 'a feature name (letters, digits, _ . -)', f);
    }
  });
  validateUnique(`${prop}.features`, [...features]);
  const scheduleExpression = s.scheduleExpression ?? DEFAULT_DRIFT_SCHEDULE;
  const intervalHours = scheduleIntervalHours(`${prop}.scheduleExpression`, scheduleExpression);
  const driftThreshold = s.driftThreshold ?? DEFAULT_DRIFT_THRESHOLD;
  if (typeof driftThreshold !== 'number' || !(driftThreshold > 0 && driftThreshold <= 1)) {
    throw new BlueprintConfigError(`${prop}.driftThreshold`, 'a distance above 0 and at most 1', driftThreshold);
  }
  const instanceType = s.instanceType ?? DEFAULT_MONITOR_INSTANCE_TYPE;
  if (typeof instanceType !== 'string' || !INSTANCE.test(instanceType) || hasInstanceStore(instanceType)) {
    // The job's volume must take the platform key; SageMaker refuses one on instance-store types.
    throw new BlueprintConfigError(
      `${prop}.instanceType`,
      'an EBS-backed SageMaker instance type ml.<family>.<size> (no local NVMe storage)',
      instanceType,
    );
  }
  const maxRuntimeSeconds = validateIntRange(
    `${prop}.maxRuntimeSeconds`,
    s.maxRuntimeSeconds ?? DEFAULT_MONITOR_MAX_RUNTIME_SECONDS,
    60,
    3600,
  );
  return { features, scheduleExpression, intervalHours, driftThreshold, instanceType, maxRuntimeSeconds };
}
