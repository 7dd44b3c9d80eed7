import type { Rule } from '../../engine/rule';
import { awsChecks, awsEquivalents } from './aws/model-internals';
import { azureChecks, azureEquivalents } from './azure/model-internals';
import { APIM_POLICY_READS } from './azure/apim-effective';

/** Inference responses do not expose model internals. The verdict per shape lives in ./aws/model-internals.ts and ./azure/model-internals.ts. */
export const modelInternalsRule: Rule = {
  id: 'ZT-INFERENCE-010',
  title: 'Inference responses do not expose model internals',
  severity: 'medium',
  layer: 'inference',
  rationale:
    'Score vectors, log probabilities and token alternatives make model extraction and membership inference far cheaper. The gateway returns only what the API owner allows and strips parameters that request internals.',
  remediation:
    'AWS: API Gateway integration responses (SageMaker / Bedrock integrations) with a response mapping template returning only the allowed fields, never a pass-through of $input.body. Azure: API Management LLM APIs whose inbound policy removes logprobs / top_logprobs (set-body) or rejects them (choose + return-response). An API owner who deliberately exposes them records a waiver of this rule with the reason.',
  controls: [
    { framework: 'NIST-800-53', id: 'AC-4' },
    { framework: 'NIST-800-53', id: 'SI-15' },
    { framework: 'ISO-42001', id: 'A.6.2.6' },
    { framework: 'ISO-27001', id: 'A.8.11' },
  ],
  equivalents: [...awsEquivalents, ...azureEquivalents],
  reads: [...APIM_POLICY_READS, 'azurerm_api_management_api_policy', 'aws_api_gateway_integration_response'],
  checks: { ...awsChecks, ...azureChecks },
};
