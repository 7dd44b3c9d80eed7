import { DataClassification } from './classification';

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
