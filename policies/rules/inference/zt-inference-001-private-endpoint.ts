import type { Rule } from '../../engine/rule';
import { awsChecks, awsEquivalents } from './aws/private-endpoint';
import { azureChecks, azureEquivalents } from './azure/private-endpoint';

/** Inference endpoints are reachable only inside the private network. The verdict per shape lives in ./aws/private-endpoint.ts and ./azure/private-endpoint.ts. */
export const noPublicInferenceRule: Rule = {
  id: 'ZT-INFERENCE-001',
  title: 'Inference endpoints are reachable only inside the private network',
  severity: 'critical',
  layer: 'inference',
  rationale:
    'A model endpoint that can be reached from the internet, or from outside the platform network, bypasses the gateway that authenticates, meters and filters callers: anyone who finds it can query the model at will, extract it, or exfiltrate through it.',
  remediation:
    'AWS: SageMaker models with VpcConfig in the isolated subnets and EnableNetworkIsolation. Azure: Azure OpenAI / AI Services accounts with public network access off, network ACL default deny and a private endpoint.',
  controls: [
    { framework: 'NIST-800-53', id: 'SC-7' },
    { framework: 'NIST-800-53', id: 'AC-4' },
    { framework: 'SOC2', id: 'CC6.6' },
    { framework: 'HIPAA', id: '164.312(e)(1)' },
    { framework: 'GDPR', id: 'Art. 32(1)(b)' },
    { framework: 'ISO-27001', id: 'A.8.20' },
    { framework: 'ISO-42001', id: 'A.6.2.6' },
  ],
  equivalents: [...awsEquivalents, ...azureEquivalents],
  reads: ['azurerm_private_endpoint'],
  checks: { ...awsChecks, ...azureChecks },
};
