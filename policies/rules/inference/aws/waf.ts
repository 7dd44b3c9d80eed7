import type { Check, Equivalent } from '../../../engine/rule';

/** ZT-INFERENCE-005 on CloudFormation and Terraform aws_*: one check per resource type. */
export const awsChecks: Readonly<Record<string, Check>> = {};

export const awsEquivalents: readonly Equivalent[] = [];
