export { TrainingCompute } from './training-compute';
export * from './props';
export * from './isolation-policy';
export { DLAMI_PARAMETER } from './launch-template';
export { TRAINING_LOG_GROUPS, METRICS_NAMESPACE } from './roles';
