import { Aws } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { SecureDataLake } from '../lib/aws/data-lake';
import { TrainingPipeline } from '../lib/aws/pipeline';
import { PlatformSecrets } from '../lib/aws/secrets';
import { TrainingCompute } from '../lib/aws/training-compute';
import type { TrainingNetwork } from '../lib/aws/training-network';
import { type BlueprintConfig, validateTrainingSettings } from '../lib/core/config';
import { BlueprintConfigError } from '../lib/core/errors';
import { SSM_MANAGED_NODE_ENDPOINTS } from '../lib/core/network';

/** What the training layers expose to later layers (inference, registry). */
export interface AwsTrainingLayers {
  readonly compute: TrainingCompute;
  /** The GPU training pipeline and the model package group (PendingManualApproval). */
  readonly pipeline: TrainingPipeline;
  /** Undefined when the network has no Secrets Manager endpoint (the rotation reaches it only through one). */
  readonly secrets?: PlatformSecrets;
}

/**
 * Training compute (Studio, training role, the preventive deny policy, GPU launch template), the
 * training pipeline with its approval gate, and the platform's secrets, in the training network,
 * from the one BlueprintConfig. Model artifacts go to a `models/` prefix of the curated zone (else
 * the first zone), encrypted with the lake's key; training reads the curated and features zones
 * where the lake has them, else every zone; the pipeline's step reads `train/` of the features zone
 * (else the first read zone).
 */
export function addTrainingLayers(
  scope: Construct,
  config: BlueprintConfig,
  lake: SecureDataLake,
  network: TrainingNetwork,
): AwsTrainingLayers {
  const training = validateTrainingSettings(config.training);
  if (training.gpuLaunchTemplate) {
    const missing = SSM_MANAGED_NODE_ENDPOINTS.filter((e) => !network.interfaceEndpoints[e]);
    if (missing.length > 0) {
      throw new BlueprintConfigError(
        'BlueprintConfig.network.interfaceEndpoints',
        `${SSM_MANAGED_NODE_ENDPOINTS.join(', ')} for the SSM-managed GPU nodes (missing ${missing.join(', ')}), ` +
          'or BlueprintConfig.training.gpuLaunchTemplate false',
        config.network.interfaceEndpoints,
      );
    }
  }
  const subnets = { subnets: [...network.subnets] };
  const preferred = lake.zones.filter((z) => z === 'curated' || z === 'features');
  const readZones = preferred.length > 0 ? preferred : [...lake.zones];
  const artifactBucket = lake.bucket(lake.zones.includes('curated') ? 'curated' : lake.zones[0]);
  const compute = new TrainingCompute(scope, 'TrainingCompute', {
    vpc: network.vpc,
    subnets,
    securityGroups: [network.workloadSecurityGroup],
    dataLake: lake,
    readZones,
    modelArtifacts: { bucket: artifactBucket, prefix: 'models/' },
    allowedInstanceTypes: training.sagemakerInstanceTypes,
    maxInstanceCount: training.maxInstanceCount,
    ...(training.gpuLaunchTemplate ? {} : { launchTemplate: false as const }),
    project: config.name,
    environment: config.environment,
  });

  const inputZone = readZones.includes('features') ? 'features' : readZones[0];
  const pipeline = new TrainingPipeline(scope, 'TrainingPipeline', {
    vpc: network.vpc,
    subnets,
    securityGroups: [network.workloadSecurityGroup],
    encryptionKey: compute.key,
    outputKey: lake.key,
    trainingRole: compute.trainingRole,
    jobGuardrail: compute.isolationPolicies.jobs,
    trainingImage:
      training.trainingImage ??
      `${Aws.ACCOUNT_ID}.dkr.ecr.${Aws.REGION}.${Aws.URL_SUFFIX}/${config.name}-training:latest`,
    inputs: [{ channelName: 'train', bucket: lake.bucket(inputZone), prefix: 'train/' }],
    output: { bucket: artifactBucket, prefix: 'models/' },
    instanceType: training.pipelineInstanceType,
    project: config.name,
    environment: config.environment,
    owner: config.owner,
    classification: config.classification,
  });
  // The pipeline role is bound by the whole deny policy, not only the job half it needs today.
  compute.attachIsolationPolicy(pipeline.role);

  const endpoint = network.interfaceEndpoints.secretsmanager;
  if (!endpoint) return { compute, pipeline };
  const secrets = new PlatformSecrets(scope, 'Secrets', {
    vpc: network.vpc,
    subnets,
    secretsManagerEndpoint: endpoint,
    secrets: [{ name: 'api-token', readers: [compute.trainingRole] }],
    project: config.name,
    environment: config.environment,
    owner: config.owner,
    classification: config.classification,
  });
  return { compute, pipeline, secrets };
}
