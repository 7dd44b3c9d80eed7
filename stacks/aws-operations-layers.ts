import { Tags } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { AuditTrail } from '../lib/aws/audit';
import type { SecureDataLake } from '../lib/aws/data-lake';
import { PlatformMonitoring } from '../lib/aws/monitoring';
import type { BlueprintConfig } from '../lib/core/config';
import { governanceTags } from '../lib/core/tags';
import type { AwsTrainingLayers } from './aws-training-layers';

/** What the operations layers expose: the inference layer passes `monitoring.topic` to the api-alarms helpers. */
export interface AwsOperationsLayers {
  readonly audit: AuditTrail;
  readonly monitoring: PlatformMonitoring;
}

/**
 * The audit trail (data events on every lake zone) and the alerting on top of it, from the one
 * BlueprintConfig. Only the training role may start training and processing jobs.
 */
export function addOperationsLayers(
  scope: Construct,
  config: BlueprintConfig,
  lake: SecureDataLake,
  training: AwsTrainingLayers,
): AwsOperationsLayers {
  const names = { project: config.name, environment: config.environment };
  const audit = new AuditTrail(scope, 'Audit', {
    dataBuckets: lake.zones.map((z) => lake.bucket(z)),
    accessLogBucket: lake.accessLogBucket,
    retentionDays: config.operations.logRetentionDays,
    ...names,
  });
  const monitoring = new PlatformMonitoring(scope, 'Monitoring', {
    trailLogGroup: audit.logGroup,
    jobLauncherRoleArns: [training.compute.trainingRole.roleArn],
    operations: config.operations,
    ...names,
  });
  for (const [layer, scopeOf] of [
    ['audit', audit],
    ['monitoring', monitoring],
  ] as const) {
    const tags = governanceTags({
      owner: config.owner,
      classification: config.classification,
      lineage: `${config.name}:${layer}`,
      project: config.name,
      environment: config.environment,
    });
    for (const [key, value] of Object.entries(tags)) Tags.of(scopeOf).add(key, value);
  }
  return { audit, monitoring };
}
