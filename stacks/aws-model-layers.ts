import type { Construct } from 'constructs';
import type { SecureDataLake } from '../lib/aws/data-lake';
import { ModelRegistry } from '../lib/aws/model-registry';
import type { TrainingNetwork } from '../lib/aws/training-network';
import type { BlueprintConfig } from '../lib/core/config';
import { acknowledgeModelRegistryNagFindings } from './aws-nag-acknowledgements';
import type { AwsTrainingLayers } from './aws-training-layers';

/** What the model layers expose to the inference layer. */
export interface AwsModelLayers {
  readonly registry: ModelRegistry;
}

/**
 * The model registry and supply chain from BlueprintConfig.modelRegistry: artifact bucket, image
 * repository, signing key and the verification function of the verify-before-deploy gate. The
 * training role reads models and pulls images; the registry's release role alone signs and publishes.
 */
export function addModelLayers(
  scope: Construct,
  config: BlueprintConfig,
  lake: SecureDataLake,
  network: TrainingNetwork,
  training: AwsTrainingLayers,
): AwsModelLayers {
  const registry = new ModelRegistry(scope, 'ModelRegistry', {
    ...config.modelRegistry,
    dataLake: lake,
    network,
    readers: [training.compute.trainingRole],
    logRetentionDays: config.network.logRetentionDays,
    project: config.name,
    environment: config.environment,
  });
  acknowledgeModelRegistryNagFindings(registry, registry.retentionDays);
  return { registry };
}
