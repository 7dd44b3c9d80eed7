import type { Check, Equivalent } from '../../../engine/rule';
import { type PolicyRequirement, apiPolicyChecks } from './apim-effective';

/**
 * ZT-INFERENCE-004 on Terraform azurerm_*: every API's effective inbound policy bounds and checks
 * the request body with validate-content (its max-size caps the payload; content types and
 * schemas check its shape) before anything is forwarded to the model.
 */
const VALIDATE_CONTENT: PolicyRequirement = {
  what: 'request body validation (validate-content with max-size)',
  matches: (el) => el.name === 'validate-content' && el.attributes['max-size'] !== undefined,
};

export const azureChecks: Readonly<Record<string, Check>> = apiPolicyChecks(VALIDATE_CONTENT);

export const azureEquivalents: readonly Equivalent[] = [];
