import { resolveGovernance } from '../../core/governance';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { DataClassification } from '../../core/classification';
import { BlueprintConfigError } from '../../core/errors';
import { ResolvedSecretSpecCommon, resolveSecretSpecs, SecretSpecCommon } from '../../core/secrets';
import { validateIntRange } from '../../core/validate';
import { MAX_FUNCTION_CONCURRENCY } from '../vpc-function';

/** One secret of {@link PlatformSecrets}. */
export interface PlatformSecretSpec extends SecretSpecCommon {
  /**
   * Principals (roles) that may read the value. They are the only principals the resource policy
   * lets read it, besides the rotation function; add more later with `grantRead`.
   * @default [] (nobody reads it until granted)
   */
  readonly readers?: readonly iam.IRole[];
}

/** Props of {@link PlatformSecrets}; every optional field defaults to the compliant choice. */
export interface PlatformSecretsProps {
  /** The secrets to create (at least one). */
  readonly secrets: readonly PlatformSecretSpec[];
  /** The platform VPC (isolated subnets only); the rotation function runs in it. */
  readonly vpc: ec2.IVpc;
  /**
   * Subnets of the rotation function.
   * @default { subnetType: PRIVATE_ISOLATED }
   */
  readonly subnets?: ec2.SubnetSelection;
  /**
   * The Secrets Manager interface endpoint of the VPC (private DNS on). The resource policy denies
   * reads and writes that do not come through it, and the rotation function may reach only it.
   */
  readonly secretsManagerEndpoint: ec2.IInterfaceVpcEndpoint;
  /**
   * Customer-managed key of the secrets and of the rotation function's environment, logs and DLQ.
   * @default a dedicated key (rotation on, 30-day deletion window, retained)
   */
  readonly encryptionKey?: kms.IKey;
  /** Length of generated values (20-4096). @default 48 */
  readonly passwordLength?: number;
  /**
   * Characters generated values never contain (for consumers that cannot quote them).
   * @default "\"'\\`" (quotes and backslash)
   */
  readonly excludeCharacters?: string;
  /** Days the rotation function's logs are kept: a CloudWatch Logs retention value (1, 3, 5, ... 3653). @default 365 */
  readonly logRetentionDays?: number;
  /**
   * Reserved concurrent executions of the rotation function (1-100): its ceiling, so a runaway
   * rotation loop cannot take the account's shared Lambda concurrency (ZT-PIPELINE-005).
   * @default one per secret, at least 2 and at most 10
   */
  readonly rotationConcurrency?: number;
  /** Platform name: resource-name prefix and `project` tag. @default "ztai" */
  readonly project?: string;
  /** Environment label. @default "dev" */
  readonly environment?: string;
  /** Accountable owner tag. @default "platform-team" */
  readonly owner?: string;
  /** Data classification tag. @default "confidential" */
  readonly classification?: DataClassification;
}

export interface ResolvedPlatformSecretsProps {
  readonly secrets: (PlatformSecretSpec & ResolvedSecretSpecCommon)[];
  readonly passwordLength: number;
  readonly excludeCharacters: string;
  readonly logRetentionDays: number;
  readonly rotationConcurrency: number;
  readonly project: string;
  readonly environment: string;
  readonly owner: string;
  readonly classification: DataClassification;
}

const P = 'PlatformSecrets';

/** Applies defaults and validates; throws BlueprintConfigError naming `PlatformSecrets.<prop>`. */
export function resolvePlatformSecretsProps(props: PlatformSecretsProps): ResolvedPlatformSecretsProps {
  if (!props || typeof props !== 'object') throw new BlueprintConfigError(P, 'a props object', props);
  for (const required of ['vpc', 'secretsManagerEndpoint'] as const) {
    if (!props[required]) throw new BlueprintConfigError(`${P}.${required}`, 'a value (required)', props[required]);
  }
  const excludeCharacters = props.excludeCharacters ?? '"\'\\`';
  if (typeof excludeCharacters !== 'string' || excludeCharacters.length > 4096) {
    throw new BlueprintConfigError(`${P}.excludeCharacters`, 'a string of at most 4096 characters', excludeCharacters);
  }
  const secrets = resolveSecretSpecs(`${P}.secrets`, props.secrets);
  // Rotations are rare and run one per secret: a few executions at once is all the function needs.
  const defaultConcurrency = Math.min(10, Math.max(2, secrets.length));
  return {
    secrets,
    passwordLength: validateIntRange(`${P}.passwordLength`, props.passwordLength ?? 48, 20, 4096),
    excludeCharacters,
    logRetentionDays: validateLogRetention(`${P}.logRetentionDays`, props.logRetentionDays ?? 365),
    rotationConcurrency: validateIntRange(
      `${P}.rotationConcurrency`,
      props.rotationConcurrency ?? defaultConcurrency,
      1,
      MAX_FUNCTION_CONCURRENCY,
    ),
    ...resolveGovernance(P, props),
  };
}

/** The retention periods CloudWatch Logs accepts, in days. */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

function validateLogRetention(prop: string, value: unknown): number {
  if (typeof value !== 'number' || !(LOG_RETENTION_DAYS as readonly number[]).includes(value)) {
    throw new BlueprintConfigError(
      prop,
      `one of ${LOG_RETENTION_DAYS.join(', ')} (CloudWatch Logs retention days)`,
      value,
    );
  }
  return value;
}
