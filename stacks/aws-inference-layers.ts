import { Tags } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { SecureDataLake } from '../lib/aws/data-lake';
import { createZoneBucket } from '../lib/aws/data-lake/buckets';
import { resolveDataLakeProps } from '../lib/aws/data-lake/props';
import { PlatformGuardrail } from '../lib/aws/guardrails';
import { BedrockInference, createLogKey, inferenceLogPrefixes, SageMakerInference } from '../lib/aws/inference';
import type { TrainingNetwork } from '../lib/aws/training-network';
import { acknowledgeNagRule } from '../lib/aws/waive';
import type { BlueprintConfig } from '../lib/core/config';
import { BlueprintConfigError } from '../lib/core/errors';
import { validateInferenceSettings } from '../lib/core/inference';
import { governanceTags } from '../lib/core/tags';
import { requireVerifiedModel } from '../lib/aws/model-registry';
import type { AwsModelLayers } from './aws-model-layers';
import type { AwsTrainingLayers } from './aws-training-layers';

/** What the inference layers expose. */
export interface AwsInferenceLayers {
  readonly model: SageMakerInference;
  readonly captureBucket: s3.Bucket;
  /** Undefined when config.inference.llmEnabled is false. */
  readonly guardrail?: PlatformGuardrail;
  readonly llm?: BedrockInference;
  /** The execute-api interface endpoint, created for PRIVATE APIs only. */
  readonly executeApiEndpoint?: ec2.InterfaceVpcEndpoint;
}

/**
 * Serving, from config.inference: the custom model in the training network's isolated subnets
 * behind its API, and (llmEnabled) the platform guardrail and the LLM API. Model archives come from
 * the `models/` prefix of the curated zone (where training writes them); captured requests and
 * answers go to a capture bucket hardened like the lake's zones (same key, access logs, retention).
 * Every role of the platform that may call Bedrock carries the guardrail's deny.
 */
export function addInferenceLayers(
  scope: Construct,
  config: BlueprintConfig,
  lake: SecureDataLake,
  network: TrainingNetwork,
  training?: AwsTrainingLayers,
  models?: AwsModelLayers,
): AwsInferenceLayers {
  const settings = validateInferenceSettings('BlueprintConfig.inference', config.inference);
  const project = config.name;
  const environment = config.environment;
  const holder = new Construct(scope, 'Inference');

  const lakeProps = resolveDataLakeProps({
    zones: lake.zones,
    retentionDays: lake.retentionDays,
    objectLock: lake.objectLockEnabled,
    classification: lake.classification,
    owner: config.owner,
    project,
    environment,
  });
  const captureBucket = createZoneBucket(holder, 'CaptureBucket', lake.key, lake.accessLogBucket, lakeProps);
  acknowledgeReplication(captureBucket, lake.retentionDays);
  // The endpoint reads its archive and writes capture through the S3 gateway endpoint.
  network.allowS3Buckets(captureBucket.bucketArn);

  const logKey = createLogKey(
    holder,
    `alias/${project}-${environment}/inference-logs`,
    inferenceLogPrefixes(project, environment),
  );
  const executeApiEndpoint =
    settings.endpointType === 'PRIVATE'
      ? network.vpc.addInterfaceEndpoint('ExecuteApi', {
          service: ec2.InterfaceVpcEndpointAwsService.APIGATEWAY,
          privateDnsEnabled: true,
          open: false,
          securityGroups: [network.endpointSecurityGroup],
          subnets: network.subnetSelection,
        })
      : undefined;
  const userPools =
    settings.authorization === 'cognito'
      ? [cognito.UserPool.fromUserPoolArn(holder, 'CallerPool', settings.cognitoUserPoolArn!)]
      : undefined;
  const apiProps = { project, environment, settings, logKey, vpcEndpoint: executeApiEndpoint, userPools };

  // With a model registry, the served model comes from its signed artifacts, behind the verify gate.
  const registry = models?.registry;
  const modelBucket = registry?.bucket ?? lake.bucket(lake.zones.includes('curated') ? 'curated' : lake.zones[0]);
  const modelFolder = `${registry?.artifactPrefix ?? 'models/'}${settings.modelName}/`;
  const drift = settings.driftMonitoring;
  if (drift && !registry) {
    throw new BlueprintConfigError(
      'BlueprintConfig.inference.driftMonitoring',
      'a model registry: the drift baseline is the one signed with the model in its registry folder',
    );
  }
  const model = new SageMakerInference(holder, 'Model', {
    ...apiProps,
    subnets: network.subnets,
    securityGroups: [network.workloadSecurityGroup],
    key: lake.key,
    modelBucket,
    captureBucket,
    settings: registry
      ? { ...settings, modelDataKey: settings.modelDataKey ?? `${modelFolder}model.tar.gz` }
      : settings,
    // The baseline is part of the signed folder, so the gate below verifies it with the model.
    dataQualityBaseline:
      drift && registry
        ? {
            ...drift,
            statisticsUri: registry.bucket.s3UrlForObject(`${modelFolder}baseline/statistics.json`),
            constraintsUri: registry.bucket.s3UrlForObject(`${modelFolder}baseline/constraints.json`),
          }
        : undefined,
  });
  if (registry) {
    // The endpoint's model is created only after its signature and every file digest verified.
    const gate = registry.verifySignedModel('ServedModelVerification', registry.signedModel(modelFolder));
    requireVerifiedModel(model.model, gate);
    if (model.dataQuality) model.dataQuality.jobDefinition.node.addDependency(gate);
  }

  let guardrail: PlatformGuardrail | undefined;
  let llm: BedrockInference | undefined;
  if (settings.llmEnabled) {
    guardrail = new PlatformGuardrail(holder, 'Guardrail', {
      settings: settings.guardrail,
      key: lake.key,
      project,
      environment,
    });
    llm = new BedrockInference(holder, 'Llm', { ...apiProps, guardrail });
    // Roles that could be given Bedrock access later cannot use it without the guardrail.
    if (training) {
      guardrail.requireOn(training.compute.trainingRole, 'RequireOnTrainingRole');
      guardrail.requireOn(training.compute.dataScienceRole, 'RequireOnDataScienceRole');
    }
  }

  const tags = governanceTags({
    owner: config.owner,
    classification: config.classification,
    lineage: `${project}:inference`,
    project,
    environment,
  });
  for (const [key, value] of Object.entries(tags)) Tags.of(holder).add(key, value);
  return { model, captureBucket, guardrail, llm, executeApiEndpoint };
}

function acknowledgeReplication(bucket: s3.Bucket, retentionDays: number): void {
  const reason =
    'Captured inference requests and answers are monitoring evidence of this region; replicating them to a ' +
    'second region needs a DR region, a replica key and a replication role the reference stack does not have. ' +
    `Versioning keeps noncurrent versions ${retentionDays} days and the bucket is retained on stack deletion.`;
  for (const pack of ['NIST.800.53.R5', 'HIPAA.Security']) {
    acknowledgeNagRule(bucket, `${pack}-S3BucketReplicationEnabled`, reason);
  }
}
