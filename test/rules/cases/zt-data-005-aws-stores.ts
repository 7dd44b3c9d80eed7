import type { RuleCase } from '../helpers';
import { cfnCase, on, tfCase, tfStore } from './aws-stores-fixtures';

/** ZT-DATA-005 (no anonymous access) on OpenSearch access policies and queue, topic and secret policies. */
const OS = 'AWS::OpenSearchService::Domain';
const policy = (stmt: Record<string, unknown>) => ({ Version: '2012-10-17', Statement: [stmt] });
const OPEN = policy({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'es:*', Resource: '*' });
const ROLE = policy({
  Effect: 'Allow',
  Principal: { AWS: 'arn:aws:iam::111122223333:role/rag' },
  Action: 'es:ESHttp*',
  Resource: '*',
});
/** An Allow for everyone that a condition narrows (`key` = `value`). */
const narrowed = (key: string, value: string) =>
  policy({
    Effect: 'Allow',
    Principal: '*',
    Action: '*',
    Resource: '*',
    Condition: { StringEquals: { [key]: value } },
  });
const FROM_VPCE = narrowed('aws:SourceVpce', 'vpce-1');

/** Account-wide principal with a wildcard in the ARN: IAM matches it to no principal (Checkov fails it). */
const PARTIAL = policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::*:role/x' }, Action: '*', Resource: '*' });
const FROM_ORG = narrowed('aws:PrincipalOrgID', 'o-abc');
/** Queue, topic and secret policies: one pass and one fail per type, each cloud. */
const messaging: [string, string, Record<string, unknown>][] = [
  ['AWS::SQS::QueuePolicy', 'PolicyDocument', { Queues: ['q'] }],
  ['AWS::SNS::TopicPolicy', 'PolicyDocument', { Topics: ['t'] }],
];
const tfPolicies: [string, Record<string, unknown>][] = [
  ['aws_sqs_queue_policy', { queue_url: 'q' }],
  ['aws_sqs_queue', {}],
  ['aws_sns_topic_policy', { arn: 't' }],
  ['aws_sns_topic', {}],
  ['aws_secretsmanager_secret', {}],
];
const SECRET = 'AWS::SecretsManager::ResourcePolicy';
const TF_SECRET = 'aws_secretsmanager_secret_policy';

export const awsStoreCases: RuleCase[] = [
  ...messaging.flatMap(([type, path, props]) => [
    cfnCase(type, 'policy for one role', { ...props, [path]: ROLE }, 'pass'),
    cfnCase(type, 'Allow for everyone within the organization', { ...props, [path]: FROM_ORG }, 'pass'),
    cfnCase(type, 'open policy', { ...props, [path]: OPEN }, 'fail', { path: `${path}.Statement.0` }),
    cfnCase(type, 'principal ARN with a wildcard account', { ...props, [path]: PARTIAL }, 'fail', {
      message: /wildcard inside a principal ARN/,
    }),
  ]),
  ...tfPolicies.flatMap(([type, body]) => [
    tfCase(type, 'policy for one role', { ...body, policy: JSON.stringify(ROLE) }, 'pass'),
    tfCase(type, 'open policy', { ...body, policy: JSON.stringify(OPEN) }, 'fail', { path: 'policy.Statement.0' }),
  ]),
  tfCase('aws_sqs_queue', 'no policy', {}, 'pass', { message: /not set/ }),
  cfnCase(
    SECRET,
    'policy for one role, public policies blocked',
    { SecretId: 's', ResourcePolicy: ROLE, BlockPublicPolicy: true },
    'pass',
  ),
  cfnCase(SECRET, 'policy for one role, BlockPublicPolicy not set', { SecretId: 's', ResourcePolicy: ROLE }, 'fail', {
    path: 'BlockPublicPolicy',
  }),
  cfnCase(
    SECRET,
    'open policy, public policies blocked',
    { SecretId: 's', ResourcePolicy: OPEN, BlockPublicPolicy: true },
    'fail',
    {
      path: 'ResourcePolicy.Statement.0',
    },
  ),
  cfnCase(
    SECRET,
    'BlockPublicPolicy from a parameter',
    { SecretId: 's', ResourcePolicy: ROLE, BlockPublicPolicy: { Ref: 'P' } },
    'unknown',
  ),
  tfCase(
    TF_SECRET,
    'policy for one role, public policies blocked',
    { secret_arn: 's', policy: JSON.stringify(ROLE), block_public_policy: true },
    'pass',
  ),
  tfCase(
    TF_SECRET,
    'open policy',
    { secret_arn: 's', policy: JSON.stringify(OPEN), block_public_policy: true },
    'fail',
  ),
  tfCase(
    TF_SECRET,
    'block_public_policy false',
    { secret_arn: 's', policy: JSON.stringify(ROLE), block_public_policy: false },
    'fail',
    {
      path: 'block_public_policy',
    },
  ),

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
