import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Token } from 'aws-cdk-lib';
import { MODEL_REGISTRY_DEFAULTS, type ModelRegistrySettings } from '../../core/model-registry';
import { BlueprintConfigError } from '../../core/errors';
import { validateIntRange, validateName, validateOneOf } from '../../core/validate';

/** CloudWatch Logs retention values of at least 90 days. */
const LOG_RETENTION = [
  '90',
  '120',
  '150',
  '180',
  '365',
  '400',
  '545',
  '731',
  '1096',
  '1827',
  '2192',
  '2557',
  '2922',
  '3288',
  '3653',
];
import type { SecureDataLake } from '../data-lake';
import type { TrainingNetwork } from '../training-network';
import { MAX_FUNCTION_CONCURRENCY } from '../vpc-function';

/**
 * Props of {@link ModelRegistry}. The lake supplies the platform CMK and the access-log bucket, the
 * network the isolated subnets and endpoints of the verification function.
 */
export interface ModelRegistryProps extends ModelRegistrySettings {
  readonly dataLake: SecureDataLake;
  readonly network: TrainingNetwork;
  /** Roles that pull images and read model artifacts (training, inference). */
  readonly readers: readonly iam.IRole[];
  /**
   * The release identity: the only principal that may sign (kms:Sign) and push (ECR, artifact bucket).
   * @default a role this construct creates, assumable by principals of this account allowed to by their own IAM policy
   */
  readonly releaseRole?: iam.IRole;
  readonly project: string;
  readonly environment: string;
  /** Days the verification function's logs are kept. @default 90 */
  readonly logRetentionDays?: number;
  /**
   * Reserved concurrent executions of the verification function (1-100): its ceiling, so a burst of
   * gates (or a caller looping on it) cannot take the account's shared Lambda concurrency
   * (ZT-PIPELINE-005). Gates beyond it wait: CloudFormation invokes them asynchronously and Lambda
   * retries throttled events.
   * @default 2
   */
  readonly verifierConcurrency?: number;
}

export interface ResolvedModelRegistryProps extends Required<ModelRegistrySettings> {
  readonly logRetentionDays: number;
  readonly verifierConcurrency: number;
  readonly project: string;
  readonly environment: string;
}

const P = 'ModelRegistry';

/** Applies defaults and validates; errors name `ModelRegistry.<prop>`. */
export function resolveModelRegistryProps(props: ModelRegistryProps): ResolvedModelRegistryProps {
  const d = MODEL_REGISTRY_DEFAULTS;
  const prefix = props.artifactPrefix ?? d.artifactPrefix;
  if (!/^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*\/$/.test(prefix)) {
    throw new BlueprintConfigError(
      `${P}.artifactPrefix`,
      'a key prefix like "models/" (lower case, ending in /)',
      prefix,
    );
  }
  if (!props.readers || props.readers.length === 0) {
    throw new BlueprintConfigError(`${P}.readers`, 'at least one role that pulls images / reads models', props.readers);
  }
  if (!(props.network?.vpc instanceof ec2.Vpc)) {
    throw new BlueprintConfigError(
      `${P}.network`,
      'the TrainingNetwork the verification function runs in',
      props.network,
    );
  }
  if (!props.network.interfaceEndpoints.kms) {
    throw new BlueprintConfigError(
      `${P}.network.interfaceEndpoints`,
      'a network with the kms interface endpoint (the verification function calls KMS Verify through it)',
      Object.keys(props.network.interfaceEndpoints),
    );
  }
  const alias = props.signingKeyAlias ?? `alias/${props.project}-${props.environment}/model-signing`;
  if (!Token.isUnresolved(alias) && (!/^alias\/[a-zA-Z0-9/_-]{1,250}$/.test(alias) || alias.startsWith('alias/aws/'))) {
    throw new BlueprintConfigError(`${P}.signingKeyAlias`, 'alias/<name>, not under alias/aws/', alias);
  }
  return {
    project: validateName(`${P}.project`, props.project),
    environment: validateName(`${P}.environment`, props.environment),
    artifactPrefix: prefix,
    retentionDays: validateIntRange(`${P}.retentionDays`, props.retentionDays ?? d.retentionDays, 1, 3650),
    maxImages: validateIntRange(`${P}.maxImages`, props.maxImages ?? d.maxImages, 1, 10000),
    untaggedImageDays: validateIntRange(
      `${P}.untaggedImageDays`,
      props.untaggedImageDays ?? d.untaggedImageDays,
      1,
      365,
    ),
    signingKeyAlias: alias,
    verifierConcurrency: validateIntRange(
      `${P}.verifierConcurrency`,
      props.verifierConcurrency ?? 2,
      1,
      MAX_FUNCTION_CONCURRENCY,
    ),
    logRetentionDays:
      validateOneOf(`${P}.logRetentionDays`, String(props.logRetentionDays ?? 90), LOG_RETENTION) === ''
        ? 90
        : Number(props.logRetentionDays ?? 90),
  };
}
