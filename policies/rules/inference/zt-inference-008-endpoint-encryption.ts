import type { Rule } from '../../engine/rule';
import { awsChecks, awsEquivalents } from './aws/endpoint-encryption';
import { azureChecks, azureEquivalents } from './azure/endpoint-encryption';

/** Inference endpoints and their data capture are encrypted with customer-managed keys. The verdict per shape lives in ./aws/endpoint-encryption.ts and ./azure/endpoint-encryption.ts. */
export const endpointEncryptionRule: Rule = {
  id: 'ZT-INFERENCE-008',
  title: 'Inference endpoints and their data capture are encrypted with customer-managed keys',
  severity: 'high',
  layer: 'inference',
  rationale:
    'Endpoint volumes hold the model weights and captured requests and responses hold user data; encrypting them with the platform CMK keeps both under the platform key policy and audit. Instance types with local NVMe storage encrypt it in hardware and reject a KMS key, which is accepted with that reason.',
  remediation:
    'AWS: SageMaker endpoint configs with KmsKeyId (omitted only for NVMe instance-store types) and DataCaptureConfig.KmsKeyId. Azure: cognitive accounts with a customer-managed key from the platform vault.',
  controls: [
    { framework: 'NIST-800-53', id: 'SC-28' },
    { framework: 'NIST-800-53', id: 'SC-12' },
    { framework: 'SOC2', id: 'CC6.1' },
    { framework: 'HIPAA', id: '164.312(a)(2)(iv)' },
    { framework: 'GDPR', id: 'Art. 32(1)(a)' },
    { framework: 'ISO-27001', id: 'A.8.24' },
  ],
  equivalents: [...awsEquivalents, ...azureEquivalents],
  reads: ['azurerm_cognitive_account_customer_managed_key'],
  checks: { ...awsChecks, ...azureChecks },
};
