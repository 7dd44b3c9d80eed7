import type { Rule } from '../../engine/rule';
import { awsChecks, awsEquivalents } from './aws/authentication';
import { azureChecks, azureEquivalents } from './azure/authentication';
import { APIM_POLICY_READS } from './azure/apim-effective';
import { CFN_MANAGED_OVERRIDES } from './aws/quick-create';

/** Every inference API method authenticates its caller. The verdict per shape lives in ./aws/authentication.ts and ./azure/authentication.ts. */
export const apiAuthenticationRule: Rule = {
  id: 'ZT-INFERENCE-002',
  title: 'Every inference API method authenticates its caller',
  severity: 'critical',
  layer: 'inference',
  rationale:
    'An unauthenticated method lets anyone invoke the model: nothing ties a request to a caller, so nothing can be rate limited, metered, audited or revoked per caller. Only CORS preflight may be anonymous.',
  remediation:
    'AWS: API Gateway methods with AuthorizationType AWS_IAM, COGNITO_USER_POOLS or CUSTOM (NONE only for OPTIONS); HTTP API routes with AWS_IAM, JWT or CUSTOM. A quick-created HTTP API (Target) is judged on its managed $default route: set it in an AWS::ApiGatewayV2::ApiGatewayManagedOverrides, or declare the route. Azure: API Management APIs whose effective policy validates an Entra ID token (validate-jwt / validate-azure-ad-token).',
  controls: [
    { framework: 'NIST-800-53', id: 'IA-2' },
    { framework: 'NIST-800-53', id: 'AC-3' },
    { framework: 'SOC2', id: 'CC6.1' },
    { framework: 'HIPAA', id: '164.312(d)' },
    { framework: 'GDPR', id: 'Art. 32(1)(b)' },
    { framework: 'ISO-27001', id: 'A.8.5' },
    { framework: 'ISO-42001', id: 'A.6.2.6' },
  ],
  equivalents: [...awsEquivalents, ...azureEquivalents],
  reads: [...APIM_POLICY_READS, CFN_MANAGED_OVERRIDES.type],
  checks: { ...awsChecks, ...azureChecks },
};
