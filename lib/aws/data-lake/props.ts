import { DataLakeCommonProps, ResolvedDataLakeCommon, resolveDataLakeCommon } from '../../core/data-lake';

/** Longest retention we accept: ten years, the usual ceiling for regulated records. */
export const MAX_RETENTION_DAYS = 3650;

/**
 * Properties of {@link SecureDataLake}. Every field is optional and every default is the compliant
 * choice; they are the props both clouds share (lib/core/data-lake.ts), so one configuration
 * means the same on AWS and Azure.
 */
export type SecureDataLakeProps = DataLakeCommonProps;

/** Props after defaults and validation: what the construct's pieces are built from. */
export type ResolvedDataLakeProps = ResolvedDataLakeCommon;

/** Applies defaults and validates; throws BlueprintConfigError naming the offending prop. */
export function resolveDataLakeProps(props: SecureDataLakeProps = {}): ResolvedDataLakeProps {
  return resolveDataLakeCommon('SecureDataLake', props, { maxRetentionDays: MAX_RETENTION_DAYS });
}
