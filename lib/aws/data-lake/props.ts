import { DATA_CLASSIFICATIONS, DataClassification, isRegulated } from '../../core/classification';
import { DEFAULT_CONFIG } from '../../core/config';
import { BlueprintConfigError } from '../../core/errors';
import { validateTagValue } from '../../core/tags';
import { validateIntRange, validateName, validateNonEmpty, validateOneOf, validateUnique } from '../../core/validate';

/** Longest retention we accept: ten years, the usual ceiling for regulated records. */
export const MAX_RETENTION_DAYS = 3650;

/**
 * Properties of {@link SecureDataLake}. Every field is optional and every default is the compliant
 * choice; the same names are used by the Azure data lake where the concept is the same.
 */
export interface SecureDataLakeProps {
  /**
   * Data zones; one encrypted bucket each. Names: 2-24 lower-case letters, digits or single
   * hyphens, starting with a letter; unique.
   * @default ["raw", "curated", "features"] (DEFAULT_CONFIG.dataLake.zones)
   */
  readonly zones?: readonly string[];

  /**
   * Days a noncurrent object version is kept before lifecycle expiry, and the object-lock default
   * retention when object lock is on. Integer from 1 to 3650.
   * @default 90 (DEFAULT_CONFIG.dataLake.retentionDays)
   */
  readonly retentionDays?: number;

  /**
   * Sensitivity of the data held; written to the `data-classification` tag and used to pick
   * stricter defaults (restricted data gets object lock).
   * @default "confidential" (DEFAULT_CONFIG.classification)
   */
  readonly classification?: DataClassification;

  /**
   * Team or person accountable for the data (`owner` tag).
   * @default "platform-team" (DEFAULT_CONFIG.owner)
   */
  readonly owner?: string;

  /**
   * Where the data comes from / which pipeline produces it (`lineage` tag), e.g. "ingest:crm-export".
   * @default "<project>:data-lake"
   */
  readonly lineage?: string;

  /**
   * Object lock (WORM) on the zone buckets, governance mode, default retention `retentionDays`.
   * Can only be chosen when a bucket is created. Turning it off for restricted data is allowed but
   * leaves a synth-time warning on the construct.
   * @default true when classification is "restricted", otherwise false
   */
  readonly objectLock?: boolean;

  /**
   * Project / platform name (`project` tag and KMS alias prefix).
   * @default "ztai" (DEFAULT_CONFIG.name)
   */
  readonly project?: string;

  /**
   * Deployment environment label (`environment` tag and KMS alias prefix).
   * @default "dev" (DEFAULT_CONFIG.environment)
   */
  readonly environment?: string;
}

/** Props after defaults and validation: what the construct's pieces are built from. */
export interface ResolvedDataLakeProps {
  readonly zones: readonly string[];
  readonly retentionDays: number;
  readonly classification: DataClassification;
  readonly owner: string;
  readonly lineage: string;
  readonly objectLock: boolean;
  readonly project: string;
  readonly environment: string;
}

const PREFIX = 'SecureDataLake';

/** Applies defaults and validates; throws BlueprintConfigError naming the offending prop. */
export function resolveDataLakeProps(props: SecureDataLakeProps = {}): ResolvedDataLakeProps {
  const zones = validateNonEmpty(`${PREFIX}.zones`, props.zones ?? DEFAULT_CONFIG.dataLake.zones);
  zones.forEach((zone, i) => validateName(`${PREFIX}.zones[${i}]`, zone));
  validateUnique(`${PREFIX}.zones`, zones);

  const classification = validateOneOf(
    `${PREFIX}.classification`,
    props.classification ?? DEFAULT_CONFIG.classification,
    DATA_CLASSIFICATIONS,
  );
  const project = validateName(`${PREFIX}.project`, props.project ?? DEFAULT_CONFIG.name);
  const environment = validateName(`${PREFIX}.environment`, props.environment ?? DEFAULT_CONFIG.environment);
  const objectLock = props.objectLock ?? isRegulated(classification);
  if (typeof objectLock !== 'boolean') {
    throw new BlueprintConfigError(`${PREFIX}.objectLock`, 'true or false', objectLock);
  }

  return {
    zones: [...zones],
    retentionDays: validateIntRange(
      `${PREFIX}.retentionDays`,
      props.retentionDays ?? DEFAULT_CONFIG.dataLake.retentionDays,
      1,
      MAX_RETENTION_DAYS,
    ),
    classification,
    owner: validateTagValue(`${PREFIX}.owner`, props.owner ?? DEFAULT_CONFIG.owner),
    lineage: validateTagValue(`${PREFIX}.lineage`, props.lineage ?? `${project}:data-lake`),
    objectLock,
    project,
    environment,
  };
}
