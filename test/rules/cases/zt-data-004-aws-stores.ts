import type { RuleCase } from '../helpers';
import { cfnCase, tfCase } from './aws-stores-fixtures';

/** ZT-DATA-004 (TLS 1.2+) on OpenSearch domains: the TLS security policy must be a TLS 1.2 one, set explicitly. */
const OS = 'AWS::OpenSearchService::Domain';
const TLS12 = 'Policy-Min-TLS-1-2-PFS-2023-10';

export const awsStoreCases: RuleCase[] = [
  cfnCase(OS, 'TLS 1.2 policy', { DomainEndpointOptions: { EnforceHTTPS: true, TLSSecurityPolicy: TLS12 } }, 'pass'),
  cfnCase(
    OS,
    'TLS 1.0 policy',
    { DomainEndpointOptions: { TLSSecurityPolicy: 'Policy-Min-TLS-1-0-2019-07' } },
    'fail',
    {
      path: 'DomainEndpointOptions.TLSSecurityPolicy',
    },
  ),
  cfnCase(OS, 'policy not set', {}, 'fail', { path: 'DomainEndpointOptions.TLSSecurityPolicy' }),
  tfCase(
    'aws_opensearch_domain',
    'TLS 1.2 policy',
    { domain_endpoint_options: [{ tls_security_policy: 'Policy-Min-TLS-1-2-2019-07' }] },
    'pass',
  ),
  tfCase('aws_opensearch_domain', 'policy not set', { domain_endpoint_options: [{ enforce_https: true }] }, 'fail'),
  tfCase(
    'aws_opensearch_domain',
    'policy from a variable',
    { domain_endpoint_options: { tls_security_policy: '${var.v}' } },
    'unknown',
  ),
];
