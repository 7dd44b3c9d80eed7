import { DataClassification } from './classification';
import { BlueprintConfigError } from './errors';

/** Tag keys shared by both clouds; the policy pack and cost reports read these names. */
export const TAG_KEYS = {
  owner: 'owner',
  classification: 'data-classification',
  lineage: 'lineage',
  project: 'project',
  environment: 'environment',
  managedBy: 'managed-by',
} as const;

export interface GovernanceTags {
  /** Team or person accountable for the resource. */
  readonly owner: string;
  /** Sensitivity of the data the resource holds or processes. */
  readonly classification: DataClassification;
  /** Where the data comes from / which pipeline produced it (free text, e.g. "ingest:crm-export"). */
  readonly lineage: string;
  readonly project: string;
  readonly environment: string;
}

export function governanceTags(t: GovernanceTags): Record<string, string> {
  return {
    [TAG_KEYS.owner]: t.owner,
    [TAG_KEYS.classification]: t.classification,
    [TAG_KEYS.lineage]: t.lineage,
    [TAG_KEYS.project]: t.project,
    [TAG_KEYS.environment]: t.environment,
    [TAG_KEYS.managedBy]: 'zero-trust-ai-blueprint',
  };
}

/**
 * Characters and length every cloud accepts in a tag value: AWS allows letters, digits, spaces and
 * _ . : / = + - @ (up to 256); Azure is more permissive, so the AWS set is the common ground.
 */
const TAG_VALUE_PATTERN = /^[\p{L}\p{N} _.:/=+\-@]{1,256}$/u;

export function validateTagValue(prop: string, value: unknown): string {
  if (typeof value !== 'string' || !TAG_VALUE_PATTERN.test(value) || value.trim() !== value) {
    throw new BlueprintConfigError(
      prop,
      '1-256 letters, digits, spaces or _ . : / = + - @, without leading or trailing spaces',
      value,
    );
  }
  return value;
}
