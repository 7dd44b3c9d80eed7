export { TrainingCompute, IDENTITY_ROLES } from './training-compute';
export * from './props';
export { INSIGHTS_RETENTION_DAYS } from './workspace';
export { UNTAGGED_RETENTION_DAYS } from './registry';
export * from './workspace-storage';
