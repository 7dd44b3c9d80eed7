export { SecureDataLake } from './secure-data-lake';
export { MAX_RETENTION_DAYS, resolveDataLakeProps } from './props';
export type { ResolvedDataLakeProps, SecureDataLakeProps } from './props';
export { ACCESS } from './grants';
export type { AccessLevel } from './grants';
export { ABORT_MULTIPART_AFTER_DAYS } from './buckets';
