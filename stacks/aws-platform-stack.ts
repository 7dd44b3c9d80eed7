import { Stack, StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { SecureDataLake } from '../lib/aws/data-lake';
import { TrainingNetwork } from '../lib/aws/training-network';
import { BlueprintConfig } from '../lib/core/config';
import { validateName } from '../lib/core/validate';
import { acknowledgeDataLakeNagFindings } from './aws-nag-acknowledgements';
import { addInferenceLayers, type AwsInferenceLayers } from './aws-inference-layers';
import { addOperationsLayers, type AwsOperationsLayers } from './aws-operations-layers';
import { addModelLayers, type AwsModelLayers } from './aws-model-layers';
import { addTrainingLayers, type AwsTrainingLayers } from './aws-training-layers';

export interface AwsPlatformStackProps extends Omit<StackProps, 'env'> {
  /** The blueprint configuration; see DEFAULT_CONFIG / resolveConfig in lib/core/config.ts. */
  readonly config: BlueprintConfig;
}

/**
 * The AWS reference stack: composes the platform's layers from one BlueprintConfig. Today: the
 * encrypted data lake and the isolated training network whose S3 endpoint reaches the lake's
 * zone buckets; later layers (compute, inference, ...) are added here.
 * Environment-agnostic unless config.aws.account / region are set, so synth needs no credentials.
 */
export class AwsPlatformStack extends Stack {
  public readonly config: BlueprintConfig;
  public readonly dataLake: SecureDataLake;
  public readonly network: TrainingNetwork;
  public readonly training: AwsTrainingLayers;
  public readonly inference: AwsInferenceLayers;
  public readonly operations: AwsOperationsLayers;
  public readonly models: AwsModelLayers;

  constructor(scope: Construct, id: string, props: AwsPlatformStackProps) {
    const { config, ...stackProps } = props;
    super(scope, id, {
      description: `Zero-trust AI platform (${config.name}, ${config.environment}): data and network layers`,
      ...stackProps,
      env: { account: config.aws.account, region: config.aws.region },
    });
    this.config = config;
    validateName('BlueprintConfig.name', config.name);
    validateName('BlueprintConfig.environment', config.environment);

    this.dataLake = new SecureDataLake(this, 'DataLake', {
      zones: config.dataLake.zones,
      retentionDays: config.dataLake.retentionDays,
      objectLock: config.dataLake.objectLock,
      classification: config.classification,
      owner: config.owner,
      lineage: `${config.name}:data-lake`,
      project: config.name,
      environment: config.environment,
    });

    acknowledgeDataLakeNagFindings(this.dataLake);

    const { network } = config;
    this.network = new TrainingNetwork(this, 'TrainingNetwork', {
      cidr: network.cidr,
      subnetPrefix: network.subnetPrefix,
      availabilityZones: network.availabilityZones,
      zoneNames: network.zoneNames,
      interfaceEndpoints: network.interfaceEndpoints,
      s3PrefixListId: network.s3PrefixListId,
      logRetentionDays: network.logRetentionDays,
      // Training reads and writes the lake's zones; the access-log bucket is written by S3 itself.
      bucketArns: this.dataLake.zones.map((zone) => this.dataLake.bucket(zone).bucketArn),
      project: config.name,
      environment: config.environment,
      owner: config.owner,
      classification: config.classification,
    });
    this.training = addTrainingLayers(this, config, this.dataLake, this.network);
    this.models = addModelLayers(this, config, this.dataLake, this.network, this.training);
    this.inference = addInferenceLayers(this, config, this.dataLake, this.network, this.training, this.models);
    this.operations = addOperationsLayers(this, config, this.dataLake, this.training, this.inference, this.models);
  }
}

/** Stack name used by bin/aws.ts: `<name>-<environment>-platform`. */
export function awsPlatformStackName(config: BlueprintConfig): string {
  return `${config.name}-${config.environment}-platform`;
}
