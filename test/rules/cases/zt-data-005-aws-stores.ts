import type { RuleCase } from '../helpers';
import { cfnCase, on, tfCase, tfStore } from './aws-stores-fixtures';

/** ZT-DATA-005 (no anonymous access) on OpenSearch access policies. */
const OS = 'AWS::OpenSearchService::Domain';
const policy = (stmt: Record<string, unknown>) => ({ Version: '2012-10-17', Statement: [stmt] });
const OPEN = policy({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'es:*', Resource: '*' });
const ROLE = policy({
  Effect: 'Allow',
  Principal: { AWS: 'arn:aws:iam::111122223333:role/rag' },
  Action: 'es:ESHttp*',
  Resource: '*',
});
const FROM_VPCE = policy({
  Effect: 'Allow',
  Principal: '*',
  Action: 'es:*',
  Resource: '*',
  Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1' } },
});

export const awsStoreCases: RuleCase[] = [
  cfnCase(OS, 'policy for one role', { AccessPolicies: ROLE }, 'pass'),
  cfnCase(OS, 'no access policy', {}, 'pass'),
  cfnCase(OS, 'conditioned Allow for everyone', { AccessPolicies: FROM_VPCE }, 'pass'),
  cfnCase(OS, 'open access policy', { AccessPolicies: OPEN }, 'fail', { path: 'AccessPolicies.Statement' }),
  cfnCase(OS, 'policy from a parameter', { AccessPolicies: { Ref: 'P' } }, 'unknown'),
  tfCase('aws_opensearch_domain', 'policy for one role', { access_policies: JSON.stringify(ROLE) }, 'pass'),
  tfCase('aws_opensearch_domain', 'open access policy', { access_policies: JSON.stringify(OPEN) }, 'fail', {
    path: 'access_policies.Statement',
  }),
  on(
    'tf',
    'aws_opensearch_domain',
    'open policy in an aws_opensearch_domain_policy',
    tfStore(
      'aws_opensearch_domain',
      { access_policies: JSON.stringify(ROLE) },
      {
        aws_opensearch_domain_policy: {
          p: { domain_name: '${aws_opensearch_domain.r.domain_name}', access_policies: JSON.stringify(OPEN) },
        },
      },
    ),
    'fail',
    { path: 'aws_opensearch_domain_policy.p.access_policies.Statement' },
  ),
  tfCase(
    'aws_opensearch_domain_policy',
    'orphan policy for one role',
    { domain_name: 'search', access_policies: JSON.stringify(ROLE) },
    'pass',
  ),
  tfCase(
    'aws_opensearch_domain_policy',
    'orphan open policy',
    { domain_name: 'search', access_policies: JSON.stringify(OPEN) },
    'fail',
  ),
];
