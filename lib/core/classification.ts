/** Data classification levels, lowest to highest sensitivity. */
export const DATA_CLASSIFICATIONS = ['public', 'internal', 'confidential', 'restricted'] as const;
export type DataClassification = (typeof DATA_CLASSIFICATIONS)[number];

/** Regulated data (restricted) gets the strictest defaults, e.g. object lock on AWS. */
export function isRegulated(classification: DataClassification): boolean {
  return classification === 'restricted';
}
