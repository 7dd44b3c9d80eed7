import type { Construct } from 'constructs';
import type { SecureDataLake } from '../lib/aws/data-lake';
import { PlatformSecrets } from '../lib/aws/secrets';
import { TrainingCompute } from '../lib/aws/training-compute';
import type { TrainingNetwork } from '../lib/aws/training-network';
import type { BlueprintConfig } from '../lib/core/config';

/** What the training layers expose to later layers (inference, registry). */
export interface AwsTrainingLayers {
  readonly compute: TrainingCompute;
  /** Undefined when the network has no Secrets Manager endpoint (the rotation reaches it only through one). */
  readonly secrets?: PlatformSecrets;
}

/**
 * Training compute (Studio, training role, the preventive deny policy, GPU launch template) and
 * the platform's secrets, in the training network, from the one BlueprintConfig. Model artifacts
 * go to a `models/` prefix of the curated zone (else the first zone), encrypted with the lake's key;
 * training reads the curated and features zones where the lake has them, else every zone.
 */
export function addTrainingLayers(
  scope: Construct,
  config: BlueprintConfig,
  lake: SecureDataLake,
  network: TrainingNetwork,
): AwsTrainingLayers {
  const subnets = { subnets: [...network.subnets] };
  const preferred = lake.zones.filter((z) => z === 'curated' || z === 'features');
  const readZones = preferred.length > 0 ? preferred : [...lake.zones];
  const compute = new TrainingCompute(scope, 'TrainingCompute', {
    vpc: network.vpc,
    subnets,
    securityGroups: [network.workloadSecurityGroup],
    dataLake: lake,
    readZones,
    modelArtifacts: {
      bucket: lake.bucket(lake.zones.includes('curated') ? 'curated' : lake.zones[0]),
      prefix: 'models/',
    },
    project: config.name,
    environment: config.environment,
  });
  const endpoint = network.interfaceEndpoints.secretsmanager;
  if (!endpoint) return { compute };
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
  return { compute, secrets };
}
