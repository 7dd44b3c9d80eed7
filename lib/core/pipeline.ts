import { BlueprintConfigError } from './errors';
import { validateIntRange, validateName } from './validate';

/**
 * Shared vocabulary of the MLOps approval gate on both clouds: the name of the model group
 * (SageMaker model package group / Azure ML registry workspace models), the training sizes, and
 * the GPU instance validation.
 *
 * The compute layer (lib/core/compute.ts, built in parallel) owns the full GPU catalogue; until it
 * lands, this minimal validator accepts exactly the SageMaker GPU training families.
 */

/** SageMaker instance families with NVIDIA GPUs that run training jobs. */
export const SAGEMAKER_GPU_FAMILIES = [
  'g4dn',
  'g5',
  'g6',
  'g6e',
  'p3',
  'p3dn',
  'p4d',
  'p4de',
  'p5',
  'p5e',
  'p5en',
] as const;

const SAGEMAKER_INSTANCE_PATTERN = /^ml\.([a-z0-9]+)\.([a-z0-9]+)$/;

/** `ml.<gpu family>.<size>`, e.g. ml.g5.2xlarge; throws naming `prop` and the accepted families. */
export function validateSageMakerGpuInstanceType(prop: string, value: unknown): string {
  const m = typeof value === 'string' ? SAGEMAKER_INSTANCE_PATTERN.exec(value) : null;
  if (!m || !(SAGEMAKER_GPU_FAMILIES as readonly string[]).includes(m[1])) {
    throw new BlueprintConfigError(
      prop,
      `a SageMaker GPU instance type ml.<family>.<size> with family one of ${SAGEMAKER_GPU_FAMILIES.join(', ')}`,
      value,
    );
  }
  return value as string;
}

/** Largest training cluster the construct accepts; raise a service quota, not this, for more. */
export const MAX_TRAINING_INSTANCE_COUNT = 64;

export function validateInstanceCount(prop: string, value: unknown): number {
  return validateIntRange(prop, value, 1, MAX_TRAINING_INSTANCE_COUNT);
}

/**
 * Model group names: lower-case letters, digits and single hyphens (SageMaker allows 63 characters
 * and matches ARNs case-insensitively; Azure ML model names accept the same set), so one name works
 * on both clouds and in IAM ARNs.
 */
export function validateModelGroupName(prop: string, value: unknown): string {
  return validateName(prop, value, 63, 3);
}

/** The approval states a registered model may start in: only pending, so approval stays a human act. */
export const INITIAL_APPROVAL_STATUS = 'PendingManualApproval';
