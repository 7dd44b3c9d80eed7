import { Stack, Tags } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { AuditTrail } from '../lib/aws/audit';
import type { SecureDataLake } from '../lib/aws/data-lake';
import {
  PlatformMonitoring,
  addApiGatewayAlarms,
  addBedrockAlarms,
  addDataQualityAlarms,
  addSageMakerEndpointAlarms,
  addWafAlarms,
} from '../lib/aws/monitoring';
import type { BlueprintConfig } from '../lib/core/config';
import { governanceTags } from '../lib/core/tags';
import type { AwsInferenceLayers } from './aws-inference-layers';
import type { AwsModelLayers } from './aws-model-layers';
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
  inference: AwsInferenceLayers,
  models: AwsModelLayers,
): AwsOperationsLayers {
  const names = { project: config.name, environment: config.environment };
  const audit = new AuditTrail(scope, 'Audit', {
    // Who read which training data, and which inference requests were captured: lineage for both.
    dataBuckets: [...lake.zones.map((z) => lake.bucket(z)), inference.captureBucket, models.registry.bucket],
    accessLogBucket: lake.accessLogBucket,
    retentionDays: config.operations.logRetentionDays,
    ...names,
  });
  const monitoring = new PlatformMonitoring(scope, 'Monitoring', {
    trailLogGroup: audit.logGroup,
    // The pipeline role starts the pipeline's jobs; the training role runs ad-hoc ones.
    jobLauncherRoleArns: [training.compute.trainingRole.roleArn, training.pipeline.role.roleArn],
    operations: config.operations,
    ...names,
  });
  addServingAlarms(scope, monitoring, inference, config.inference.llmModelId);
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

/** The extraction and abuse signals of every serving path, on the platform's alert topic. */
function addServingAlarms(
  scope: Construct,
  monitoring: PlatformMonitoring,
  inference: AwsInferenceLayers,
  llmModelId: string,
): void {
  const topic = monitoring.topic;
  const apis = [
    ['ModelApi', inference.model.gateway, inference.model.waf],
    ...(inference.llm ? ([['LlmApi', inference.llm.gateway, inference.llm.waf]] as const) : []),
  ] as const;
  for (const [id, gateway, waf] of apis) {
    addApiGatewayAlarms(scope, `${id}Alarms`, {
      topic,
      apiName: gateway.api.restApiName,
      stage: gateway.stage.stageName,
    });
    addWafAlarms(scope, `${id}WafAlarms`, {
      topic,
      webAclName: waf.webAcl.name as string,
      region: Stack.of(scope).region,
    });
  }
  addSageMakerEndpointAlarms(scope, 'ModelEndpointAlarms', { topic, endpointName: inference.model.endpointName });
  const drift = inference.model.dataQuality;
  if (drift) {
    addDataQualityAlarms(scope, 'ModelDriftAlarms', {
      topic,
      endpointName: inference.model.endpointName,
      scheduleName: drift.scheduleName,
      ...drift.baseline,
    });
  }
  if (inference.llm) addBedrockAlarms(scope, 'LlmAlarms', { topic, modelId: llmModelId });
}
