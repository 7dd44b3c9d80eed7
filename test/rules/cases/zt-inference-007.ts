import { gatewayTlsRule } from '../../../policies/rules/inference/zt-inference-007-tls-policy';
import { RuleCases, cfn, tf } from '../helpers';

const domain = (props: Record<string, unknown>, extra = {}) =>
  cfn({ D: { Type: 'AWS::ApiGateway::DomainName', Properties: { DomainName: 'api.example.com', ...props } } }, extra);
const tfDomain = (body: Record<string, unknown>) =>
  tf({ aws_api_gateway_domain_name: { d: { domain_name: 'api.example.com', ...body } } });
const apim = (security?: Record<string, unknown>) =>
  tf({
    azurerm_api_management: {
      gw: { name: 'gw', sku_name: 'Developer_1', ...(security ? { security: [security] } : {}) },
    },
  });
const GW = 'azurerm_api_management.gw';

export const cases: RuleCases = {
  rule: gatewayTlsRule,
  cases: [
    { name: 'domain with TLS_1_2', doc: domain({ SecurityPolicy: 'TLS_1_2' }), address: 'D', verdict: 'pass' },
    {
      name: 'domain with an enhanced TLS 1.3 policy',
      doc: domain({ SecurityPolicy: 'SecurityPolicy_TLS13_1_3_2025_09' }),
      address: 'D',
      verdict: 'pass',
    },
    {
      name: 'domain with TLS_1_0',
      doc: domain({ SecurityPolicy: 'TLS_1_0' }),
      address: 'D',
      verdict: 'fail',
      path: 'SecurityPolicy',
    },
    {
      name: 'domain without a security policy',
      doc: domain({}),
      address: 'D',
      verdict: 'fail',
      path: 'SecurityPolicy',
    },
    {
      name: 'domain policy from a parameter',
      doc: domain({ SecurityPolicy: { Ref: 'P' } }, { Parameters: { P: { Type: 'String' } } }),
      address: 'D',
      verdict: 'unknown',
    },
    {
      name: 'tf domain TLS_1_2',
      doc: tfDomain({ security_policy: 'TLS_1_2' }),
      address: 'aws_api_gateway_domain_name.d',
      verdict: 'pass',
    },
    {
      name: 'tf domain TLS_1_0',
      doc: tfDomain({ security_policy: 'TLS_1_0' }),
      address: 'aws_api_gateway_domain_name.d',
      verdict: 'fail',
    },
    { name: 'APIM without a security block (4.x defaults off)', doc: apim(), address: GW, verdict: 'pass' },
    {
      name: 'APIM with every flag off',
      doc: apim({ frontend_tls10_enabled: false, triple_des_ciphers_enabled: false }),
      address: GW,
      verdict: 'pass',
    },
    {
      name: 'APIM with frontend TLS 1.1 and triple DES on: one finding each',
      doc: apim({ frontend_tls11_enabled: true, triple_des_ciphers_enabled: true }),
      address: GW,
      verdict: 'fail',
      failingPaths: ['security.frontend_tls11_enabled', 'security.triple_des_ciphers_enabled'],
    },
    {
      name: 'APIM with the 3.x spelling enable_backend_tls10',
      doc: apim({ enable_backend_tls10: true }),
      address: GW,
      verdict: 'fail',
      path: 'security.enable_backend_tls10',
    },
    {
      name: 'APIM with an argument the schema does not know',
      doc: apim({ enable_back_end_ssl30: true }),
      address: GW,
      verdict: 'unknown',
    },
    {
      name: 'APIM flag from a variable',
      doc: apim({ backend_tls11_enabled: '${var.legacy}' }),
      address: GW,
      verdict: 'unknown',
    },
  ],
};
