import { validateName } from './validate';

/**
 * Shared vocabulary of the MLOps approval gate on both clouds: the name of the model group
 * (SageMaker model package group / Azure ML registry workspace models) and the initial approval
 * state. GPU instance types and instance counts are validated by lib/core/compute.ts, the one
 * GPU catalogue of the blueprint (training compute and the pipeline accept the same types).
 */

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
