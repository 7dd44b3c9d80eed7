import type { Rule } from '../../engine/rule';
import { awsChecks, awsEquivalents } from './aws/tls-policy';
import { azureChecks, azureEquivalents } from './azure/tls-policy';

/** Inference gateways accept only modern TLS. The verdict per shape lives in ./aws/tls-policy.ts and ./azure/tls-policy.ts. */
export const gatewayTlsRule: Rule = {
  id: 'ZT-INFERENCE-007',
  title: 'Inference gateways accept only modern TLS',
  severity: 'high',
  layer: 'inference',
  rationale:
    'TLS 1.0/1.1 and weak ciphers expose tokens, prompts and completions in transit to downgrade and decryption attacks.',
  remediation:
    'AWS: API Gateway custom domains with SecurityPolicy TLS_1_2 (or newer). Azure: API Management security settings with TLS 1.0/1.1 and triple-DES / weak ciphers disabled on frontend and backend.',
  controls: [
    { framework: 'NIST-800-53', id: 'SC-8' },
    { framework: 'NIST-800-53', id: 'SC-13' },
    { framework: 'SOC2', id: 'CC6.7' },
    { framework: 'HIPAA', id: '164.312(e)(1)' },
    { framework: 'GDPR', id: 'Art. 32(1)(a)' },
    { framework: 'ISO-27001', id: 'A.8.24' },
  ],
  equivalents: [...awsEquivalents, ...azureEquivalents],
  checks: { ...awsChecks, ...azureChecks },
};
