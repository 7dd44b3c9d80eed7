import type { Rule } from '../../engine/rule';
import { awsChecks, awsEquivalents } from './aws/waf';
import { azureChecks, azureEquivalents } from './azure/waf';

/** Public inference APIs sit behind a web application firewall. The verdict per shape lives in ./aws/waf.ts and ./azure/waf.ts. */
export const gatewayWafRule: Rule = {
  id: 'ZT-INFERENCE-005',
  title: 'Public inference APIs sit behind a web application firewall',
  severity: 'high',
  layer: 'inference',
  rationale:
    'A public API stage without a WAF takes every known-bad input, bot and flood straight to the model gateway. The managed rule groups and a per-IP rate rule stop commodity attacks and scraping before they cost model compute.',
  remediation:
    'AWS: Associate a WAFv2 web ACL (managed common, known-bad-inputs, IP reputation, anonymous IP, a rate-based rule, a body size limit) with every REGIONAL/EDGE stage. Azure: for API Management, front it with Application Gateway WAF or keep it internal.',
  controls: [
    { framework: 'NIST-800-53', id: 'SC-7' },
    { framework: 'NIST-800-53', id: 'SI-4' },
    { framework: 'SOC2', id: 'CC6.6' },
    { framework: 'ISO-27001', id: 'A.8.20' },
  ],
  equivalents: [...awsEquivalents, ...azureEquivalents],
  reads: ['AWS::WAFv2::WebACLAssociation', 'aws_wafv2_web_acl_association', 'azurerm_application_gateway'],
  checks: { ...awsChecks, ...azureChecks },
};
