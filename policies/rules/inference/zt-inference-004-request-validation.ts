import type { Rule } from '../../engine/rule';
import { awsChecks, awsEquivalents } from './aws/request-validation';
import { azureChecks, azureEquivalents } from './azure/request-validation';
import { APIM_POLICY_READS } from './azure/apim-effective';

/** Inference requests are validated before they reach the model. The verdict per shape lives in ./aws/request-validation.ts and ./azure/request-validation.ts. */
export const requestValidationRule: Rule = {
  id: 'ZT-INFERENCE-004',
  title: 'Inference requests are validated before they reach the model',
  severity: 'medium',
  layer: 'inference',
  rationale:
    'Unvalidated bodies let callers send oversized or malformed payloads that reach the model container or LLM directly, the path for resource exhaustion and for probing input handling. Validating size and shape at the gateway rejects them before any model compute is spent.',
  remediation:
    'AWS: API Gateway methods with a RequestValidator validating the body against a JSON-schema model. Azure: API Management policies with validate-content (max-size) or a body size check.',
  controls: [
    { framework: 'NIST-800-53', id: 'SI-10' },
    { framework: 'SOC2', id: 'CC6.8' },
    { framework: 'ISO-27001', id: 'A.8.28' },
    { framework: 'ISO-42001', id: 'A.6.2.6' },
  ],
  equivalents: [...awsEquivalents, ...azureEquivalents],
  reads: APIM_POLICY_READS,
  checks: { ...awsChecks, ...azureChecks },
};
