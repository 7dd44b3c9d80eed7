import type { Check, Equivalent } from '../../../engine/rule';

/** ZT-INFERENCE-007 on Terraform azurerm_*: one check per resource type. */
export const azureChecks: Readonly<Record<string, Check>> = {};

export const azureEquivalents: readonly Equivalent[] = [];
