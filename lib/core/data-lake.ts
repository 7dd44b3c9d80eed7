import { DATA_CLASSIFICATIONS, DataClassification, isRegulated } from './classification';
import { DEFAULT_CONFIG } from './config';
import { BlueprintConfigError } from './errors';
import { validateTagValue } from './tags';
import { validateIntRange, validateName, validateNonEmpty, validateOneOf, validateUnique } from './validate';

/**
 * The data-lake props both clouds share, with one set of defaults and one validation, so the same
 * configuration means the same thing (and fails the same way) on AWS and Azure.
 */
export interface DataLakeCommonProps {
  /**
   * Data zones: one bucket (AWS) or ADLS Gen2 filesystem (Azure) each. 3-24 lower-case letters,
   * digits or single hyphens, starting with a letter; unique.
   * @default ["raw", "curated", "features"] (DEFAULT_CONFIG.dataLake.zones)
   */
  readonly zones?: readonly string[];
  /**
   * Days prior data stays recoverable: noncurrent-version expiry and object-lock retention on AWS
   * (1-3650), blob and container soft delete on Azure (1-365, the service maximum).
   * @default 90 (DEFAULT_CONFIG.dataLake.retentionDays)
   */
  readonly retentionDays?: number;
  /**
   * Sensitivity of the data held (`data-classification` tag); restricted data gets object lock.
   * @default "confidential" (DEFAULT_CONFIG.classification)
   */
  readonly classification?: DataClassification;
  /** Accountable team or person (`owner` tag). @default "platform-team" (DEFAULT_CONFIG.owner) */
  readonly owner?: string;
  /** Where the data comes from (`lineage` tag), e.g. "ingest:crm-export". @default "<project>:data-lake" */
  readonly lineage?: string;
  /**
   * Write-once retention of `retentionDays` on the zones (S3 object lock in governance mode; Azure
   * unlocked time-based immutability). Turning it off for restricted data leaves a synth warning.
   * @default true when classification is "restricted", otherwise false
   */
  readonly objectLock?: boolean;
  /** Platform name: `project` tag and resource-name prefix. @default "ztai" (DEFAULT_CONFIG.name) */
  readonly project?: string;
  /** Environment label: `environment` tag and name part. @default "dev" (DEFAULT_CONFIG.environment) */
  readonly environment?: string;
}

export interface ResolvedDataLakeCommon {
  readonly zones: readonly string[];
  readonly retentionDays: number;
  readonly classification: DataClassification;
  readonly owner: string;
  readonly lineage: string;
  readonly objectLock: boolean;
  readonly project: string;
  readonly environment: string;
}

/** Per-cloud limits on the shared props (service maxima, name budgets). */
export interface DataLakeLimits {
  readonly maxRetentionDays: number;
  /** Longest project / environment names, so derived resource names stay within service limits. */
  readonly maxProjectLength?: number;
  readonly maxEnvironmentLength?: number;
}

export const ZONE_NAME_MIN = 3;
export const ZONE_NAME_MAX = 24;

/** Applies defaults and validates; throws BlueprintConfigError naming `<prefix>.<prop>`. */
export function resolveDataLakeCommon(
  prefix: string,
  props: DataLakeCommonProps,
  limits: DataLakeLimits,
): ResolvedDataLakeCommon {
  const zones = validateNonEmpty(`${prefix}.zones`, props.zones ?? DEFAULT_CONFIG.dataLake.zones);
  zones.forEach((zone, i) => validateName(`${prefix}.zones[${i}]`, zone, ZONE_NAME_MAX, ZONE_NAME_MIN));
  validateUnique(`${prefix}.zones`, zones);
  const classification = validateOneOf(
    `${prefix}.classification`,
    props.classification ?? DEFAULT_CONFIG.classification,
    DATA_CLASSIFICATIONS,
  );
  const project = validateName(`${prefix}.project`, props.project ?? DEFAULT_CONFIG.name, limits.maxProjectLength);
  const environment = validateName(
    `${prefix}.environment`,
    props.environment ?? DEFAULT_CONFIG.environment,
    limits.maxEnvironmentLength,
  );
  const objectLock = props.objectLock ?? isRegulated(classification);
  if (typeof objectLock !== 'boolean') {
    throw new BlueprintConfigError(`${prefix}.objectLock`, 'true or false', objectLock);
  }
  return {
    zones: [...zones],
    retentionDays: validateIntRange(
      `${prefix}.retentionDays`,
      props.retentionDays ?? DEFAULT_CONFIG.dataLake.retentionDays,
      1,
      limits.maxRetentionDays,
    ),
    classification,
    owner: validateTagValue(`${prefix}.owner`, props.owner ?? DEFAULT_CONFIG.owner),
    lineage: validateTagValue(`${prefix}.lineage`, props.lineage ?? `${project}:data-lake`),
    objectLock,
    project,
    environment,
  };
}
