import { Stack, StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { SecureDataLake } from '../lib/aws/data-lake';
import { BlueprintConfig } from '../lib/core/config';
import { validateName } from '../lib/core/validate';

export interface AwsPlatformStackProps extends Omit<StackProps, 'env'> {
  /** The blueprint configuration; see DEFAULT_CONFIG / resolveConfig in lib/core/config.ts. */
  readonly config: BlueprintConfig;
}

/**
 * The AWS reference stack: composes the platform's layers from one BlueprintConfig. Today: the
 * encrypted data lake; later layers (network, compute, inference, ...) are added here.
 * Environment-agnostic unless config.aws.account / region are set, so synth needs no credentials.
 */
export class AwsPlatformStack extends Stack {
  public readonly config: BlueprintConfig;
  public readonly dataLake: SecureDataLake;

  constructor(scope: Construct, id: string, props: AwsPlatformStackProps) {
    const { config, ...stackProps } = props;
    super(scope, id, {
      description: `Zero-trust AI platform (${config.name}, ${config.environment}): data layer`,
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
  }
}

/** Stack name used by bin/aws.ts: `<name>-<environment>-platform`. */
export function awsPlatformStackName(config: BlueprintConfig): string {
  return `${config.name}-${config.environment}-platform`;
}
