import type { Construct } from 'constructs';
import type { SecureDataLake } from '../lib/azure/data-lake';
import { AzureModelRegistry } from '../lib/azure/model-registry';
import type { BlueprintConfig } from '../lib/core/config';

/**
 * The Azure model registry from BlueprintConfig.modelRegistry: the signing key in the data lake's
 * vault, and model cards written under the registry prefix of the lake's curated zone (else its
 * first zone), where the release pipeline signs each model folder, card included.
 */
export function addAzureModelLayers(
  scope: Construct,
  config: BlueprintConfig,
  lake: SecureDataLake,
): AzureModelRegistry {
  const zone = lake.zones.includes('curated') ? 'curated' : lake.zones[0];
  return new AzureModelRegistry(scope, 'model-registry', {
    ...config.modelRegistry,
    project: config.name,
    environment: config.environment,
    keyVaultId: lake.keyVault.id,
    storage: { accountName: lake.storageAccount.name, containerName: lake.filesystems[zone].name },
    dependsOn: [lake.privateEndpoints.vault, lake.privateEndpoints.blob],
    tags: { ...lake.tags, lineage: `${config.name}:model-registry` },
  });
}
