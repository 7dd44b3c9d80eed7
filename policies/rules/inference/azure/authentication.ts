import type { Check, Equivalent } from '../../../engine/rule';
import { type PolicyRequirement, apiPolicyChecks } from './apim-effective';

/**
 * ZT-INFERENCE-002 on Terraform azurerm_*: every API's effective inbound policy (API level, and
 * through `<base/>` its products' and the global policy) validates an Entra ID token. A
 * subscription key is not authentication: keys are shared secrets for metering.
 */
const TOKEN_VALIDATION: PolicyRequirement = {
  what: 'token validation (validate-jwt or validate-azure-ad-token)',
  matches: (el) => el.name === 'validate-jwt' || el.name === 'validate-azure-ad-token',
};

export const azureChecks: Readonly<Record<string, Check>> = apiPolicyChecks(TOKEN_VALIDATION);

export const azureEquivalents: readonly Equivalent[] = [];
