import type { Check, Equivalent } from '../../../engine/rule';
import { type Setting, setting } from '../../shared/expect';

/**
 * ZT-INFERENCE-007 on CloudFormation and Terraform aws_*: API Gateway custom domains negotiate
 * TLS 1.2 or newer: TLS_1_2, or an enhanced policy (SecurityPolicy_TLS12_* / SecurityPolicy_TLS13_*,
 * whose minimum is 1.2 or 1.3). Set it explicitly: TLS_1_0 is still accepted.
 */
const ENHANCED = ['SecurityPolicy_TLS12_', 'SecurityPolicy_TLS13_'];

const modernTls = (path: string): Setting<string> => ({
  path,
  type: 'string',
  accept: (v) => v === 'TLS_1_2' || ENHANCED.some((p) => v.startsWith(p)),
  want: '"TLS_1_2" or a SecurityPolicy_TLS13_* policy',
  risk: 'clients may negotiate TLS 1.0 / 1.1 with the gateway',
});

export const awsChecks: Readonly<Record<string, Check>> = {
  'AWS::ApiGateway::DomainName': setting(modernTls('SecurityPolicy')),
  aws_api_gateway_domain_name: setting(modernTls('security_policy')),
};

export const awsEquivalents: readonly Equivalent[] = [
  { tool: 'checkov', id: 'CKV_AWS_206', resourceTypes: ['aws_api_gateway_domain_name'] },
];
