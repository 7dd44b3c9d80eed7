export { TrainingPipeline } from './training-pipeline';
export { buildPipelineDefinition, REGISTER_STEP, TRAIN_STEP } from './definition';
export type { DefinitionInput } from './definition';
export { resolveTrainingPipelineProps } from './props';
export type {
  ModelArtifactLocation,
  ResolvedTrainingPipelineProps,
  TrainingInput,
  TrainingPipelineProps,
} from './props';
export { PIPELINE_JOB_PREFIX } from './role';
