import type { Rule } from '../../engine/rule';
import { BACKEND_READS, awsChecks, awsEquivalents } from './aws/backend-authentication';
import { azureChecks, azureEquivalents } from './azure/backend-authentication';

/**
 * Gateways authenticate themselves to their backends over verified TLS. AWS (./aws/backend-authentication.ts):
 * a REST API stage's HTTP backends get mutual TLS (a client certificate) over https with the backend
 * certificate verified; AWS-signed integrations already carry the gateway's identity. Azure
 * (./azure/backend-authentication.ts): API Management backends are https with certificate validation on.
 */
export const backendAuthenticationRule: Rule = {
  id: 'ZT-INFERENCE-014',
  title: 'Gateways authenticate themselves to their backends over verified TLS',
  severity: 'medium',
  layer: 'inference',
  rationale:
    'Zero trust does not stop at the gateway: the model backend behind it must be able to tell the gateway ' +
    'from anyone else on the network, or whoever reaches the backend directly bypasses the authentication, ' +
    'metering and guardrails the gateway enforces. AWS-signed (SigV4) integrations carry the gateway role\u2019s ' +
    'identity; an HTTP backend only knows the gateway by the client certificate it presents (mutual TLS). In both ' +
    'clouds the connection must be https with the backend certificate verified, or the gateway\u2019s credentials ' +
    'and the prompts go to whoever answers.',
  remediation:
    'CDK: reach models through AwsIntegration (SigV4 under an invoke role); for HttpIntegration backends use an ' +
    'https:// url, set deployOptions.clientCertificateId to an apigateway.CfnClientCertificate and leave ' +
    'tlsConfig.insecureSkipVerification unset. CloudFormation: AWS::ApiGateway::Stage ClientCertificateId whenever ' +
    'a method of the RestApi has an HTTP / HTTP_PROXY Integration, with an https Uri and no ' +
    'TlsConfig.InsecureSkipVerification true. Terraform: aws_api_gateway_stage client_certificate_id from an ' +
    'aws_api_gateway_client_certificate when an aws_api_gateway_integration of the API has type HTTP / HTTP_PROXY, ' +
    'an https uri and no tls_config { insecure_skip_verification = true }. Azure: azurerm_api_management_backend ' +
    'with an https url and tls { validate_certificate_chain, validate_certificate_name } left true, and the ' +
    'gateway authenticating with credentials { certificate } or its managed identity.',
  remediationBy: {
    cdk:
      'Prefer AwsIntegration with credentialsRole; for HttpIntegration use an https url and ' +
      'deployOptions: { clientCertificateId: new apigateway.CfnClientCertificate(...).ref }.',
    cdktf:
      'ApiManagementBackend: an https url and tls { validateCertificateChain: true, validateCertificateName: true } ' +
      '(azurerm); ApiGatewayStage clientCertificateId for HTTP integrations with an https uri (aws).',
  },
  controls: [
    { framework: 'NIST-800-53', id: 'IA-9' },
    { framework: 'NIST-800-53', id: 'SC-8' },
    { framework: 'NIST-800-53', id: 'SC-23' },
    { framework: 'NIST-800-53', id: 'AC-4' },
    { framework: 'SOC2', id: 'CC6.1' },
    { framework: 'SOC2', id: 'CC6.7' },
    { framework: 'HIPAA', id: '164.312(d)' },
    { framework: 'HIPAA', id: '164.312(e)(1)' },
    { framework: 'ISO-27001', id: 'A.8.5' },
    { framework: 'ISO-27001', id: 'A.8.21' },
    { framework: 'ISO-27001', id: 'A.8.24' },
  ],
  equivalents: [...awsEquivalents, ...azureEquivalents],
  reads: BACKEND_READS,
  checks: { ...awsChecks, ...azureChecks },
};
