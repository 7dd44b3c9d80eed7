import type { Resolved, ResourceGraph } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import { type Check, type CheckResult, Rule, fail, notApplicable, pass } from '../../engine/rule';
import { nagEquivalents } from '../shared/nag-equivalents';
import { unknownAt } from '../shared/read';
import { subscriptionTarget } from '../shared/subscription-target';
import { ADMIN_POLICIES, managedPolicyChecks, policyBaseName, readManagedPolicyArn } from './aws/managed-policy';

/**
 * A workload's grant names the service actions and resources it uses, not a whole service, account or
 * subscription.
 * - AWS: AWS managed policies that grant a whole service (`*FullAccess`), the whole account
 *   (ReadOnlyAccess, ViewOnlyAccess, PowerUserAccess, AdministratorAccess-<service>) or a person's job
 *   (`job-function/*`) attached to a role, user or group. Narrow service-role policies
 *   (service-role/AWSLambdaBasicExecutionRole) pass; customer managed policies pass here (their
 *   statements are ZT-IDENTITY-002's). What ZT-IDENTITY-003 fails (AdministratorAccess, PowerUserAccess,
 *   IAMFullAccess, one shared list) is left to it, so no attachment is reported twice.
 * - Azure: a role assignment whose scope is a subscription, a management group or the tenant root: the
 *   role then applies to every resource there, present and future.
 */
const WHOLE_ACCOUNT = new Set(['ReadOnlyAccess', 'ViewOnlyAccess', 'PowerUserAccess']);

/** Why an AWS managed policy is too broad for a workload, or undefined when it is narrow enough. */
function breadth(name: string): string | undefined {
  const base = policyBaseName(name);
  if (name.startsWith('job-function/')) return 'a job-function policy, made for people: every service of a job';
  if (base.endsWith('FullAccess')) return 'every action of the service on every resource';
  if (WHOLE_ACCOUNT.has(base)) return 'access across the whole account';
  if (base.startsWith('AdministratorAccess-')) return 'administration of a whole service';
  return undefined;
}

function judgeArn(g: ResourceGraph, res: Resource, path: string): CheckResult[] {
  const arn = readManagedPolicyArn(g, res, path);
  if (arn.kind === 'aws' && ADMIN_POLICIES.has(policyBaseName(arn.name)))
    return [notApplicable(`${path} is an administrator policy (ZT-IDENTITY-003)`)];
  switch (arn.kind) {
    case 'absent':
      return [];
    case 'unknown':
      return [unknownAt(path, arn.reason)];
    case 'customer':
      return [pass(`${path} is ${arn.detail} (its statements: ZT-IDENTITY-002)`, path)];
    default: {
      const why = breadth(arn.name);
      return why
        ? [
            fail(
              `${path} attaches the AWS managed policy ${arn.name}: ${why}; grant the actions and resources the workload uses`,
              path,
            ),
          ]
        : [pass(`${path} is the AWS managed policy ${arn.name}, scoped to one task`, path)];
    }
  }
}

type Wide = 'a subscription' | 'a management group' | 'the tenant root';

const MANAGEMENT_GROUP = /^\/providers\/Microsoft\.Management\/managementGroups\/[^/]+\/?$/i;

/** What scope a resource type's id (or any attribute) is, when the type alone says it is wide. */
function wideType(type: string): Wide | undefined {
  const t = type.replace(/^data\./, '');
  if (t === 'azurerm_subscription') return 'a subscription';
  if (t === 'azurerm_management_group') return 'a management group';
  return undefined;
}

/** A scope wider than what a workload uses, a narrower one (`narrow`), or why it cannot be told. */
function wideScope(v: Resolved): Wide | 'narrow' | { readonly unknown: string } | undefined {
  switch (v.kind) {
    case 'reference':
      return wideType(v.to.type) ?? 'narrow';
    case 'unknown': {
      // A data source is unknown with only its expression as reason (`data source data.azurerm_x.n.id`).
      const data = /^data source (data\.[a-z0-9_]+)\.[^.\s]+\.([a-z0-9_]+)$/.exec(v.reason);
      const type = v.target?.type ?? data?.[1];
      const attribute = v.target ? v.target.attribute : data?.[2];
      if (type === undefined) return undefined;
      // data.azurerm_resource_group.x.id, a storage account of another stack: a resource's own id.
      return wideType(type) ?? (attribute === 'id' ? 'narrow' : undefined);
    }
    case 'literal':
      if (v.value === '/') return 'the tenant root';
      return typeof v.value === 'string' && MANAGEMENT_GROUP.test(v.value) ? 'a management group' : undefined;
    case 'composed': {
      const text = v.parts.map((p) => (typeof p === 'string' ? p : 'x')).join('');
      return MANAGEMENT_GROUP.test(text) ? 'a management group' : undefined;
    }
    default:
      return undefined;
  }
}

const assignmentScope: Check = (ra, { graph }) => {
  const v = graph.value(ra, 'scope');
  if (v.kind === 'absent') return unknownAt('scope', 'scope is not set (the provider requires it)');
  const target = subscriptionTarget(graph, ra, 'scope');
  const scope =
    wideScope(v) ?? (target === 'subscription' ? 'a subscription' : target === 'resource' ? 'narrow' : target);
  if (scope === 'narrow') return pass('scope is a resource group or a resource', 'scope');
  if (typeof scope === 'object') return unknownAt('scope', scope.unknown);
  return fail(
    `scope is ${scope}: the role applies to every resource in it, present and future; assign it on the ` +
      'resource or resource group the workload uses',
    'scope',
  );
};

export const narrowGrantsRule: Rule = {
  id: 'ZT-IDENTITY-008',
  title: 'Grants are scoped to what the workload needs, not whole services or subscriptions',
  severity: 'high',
  layer: 'identity',
  rationale:
    'A training job or inference endpoint that can read every bucket, call every action of a service or touch ' +
    'every resource of a subscription turns one compromised dependency into access to all the data and models ' +
    'of the account. AWS managed policies such as AmazonS3FullAccess, ReadOnlyAccess or the job-function ' +
    'policies are written for people and whole services, and Azure role assignments at subscription or ' +
    'management-group scope reach every resource created there later: least privilege names the actions and ' +
    'resources the workload uses.',
  remediation:
    'AWS: attach no *FullAccess, ReadOnlyAccess, ViewOnlyAccess, AdministratorAccess-<service> or job-function/* ' +
    'managed policy (CloudFormation ManagedPolicyArns; Terraform managed_policy_arns and the policy_arn of ' +
    'aws_iam_*_policy_attachment); write a customer managed or ' +
    'inline policy with the actions and resource ARNs used (narrow service-role policies such as ' +
    'service-role/AWSLambdaBasicExecutionRole are fine). Azure: give every azurerm_role_assignment the scope of ' +
    'the resource (storage account, container, key vault, registry) or resource group the workload uses, never ' +
    'a subscription or management group.',
  remediationBy: {
    cdk:
      'Use the construct grants (bucket.grantRead(role), key.grantDecrypt(role)) or iam.PolicyStatement with the ' +
      'resources used instead of iam.ManagedPolicy.fromAwsManagedPolicyName(...FullAccess / ReadOnlyAccess).',
    cdktf:
      'RoleAssignment: scope: <resource>.id (or its resource group id), not a subscription or management group ' +
      '(azurerm); no *FullAccess / ReadOnlyAccess policyArn on IAM attachments (aws).',
  },
  controls: [
    { framework: 'NIST-800-53', id: 'AC-6' },
    { framework: 'NIST-800-53', id: 'AC-6(5)' },
    { framework: 'NIST-800-53', id: 'AC-3' },
    { framework: 'SOC2', id: 'CC6.3' },
    { framework: 'HIPAA', id: '164.308(a)(4)(ii)(B)' },
    { framework: 'GDPR', id: 'Art. 32(1)(b)' },
    { framework: 'ISO-27001', id: 'A.5.15' },
    { framework: 'ISO-27001', id: 'A.8.2' },
  ],
  equivalents: [
    ...nagEquivalents(
      ['AwsSolutions-IAM4'],
      ['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group'],
      'cdk-nag IAM4 flags every AWS managed policy (any ARN with :iam::aws:); this rule flags only the broad ones ' +
        '(*FullAccess, ReadOnlyAccess, ViewOnlyAccess, job-function/*) and passes narrow service-role policies, ' +
        'leaving AdministratorAccess, PowerUserAccess and IAMFullAccess to ZT-IDENTITY-003.',
    ),
  ],
  checks: {
    ...managedPolicyChecks(judgeArn, 'no AWS managed policy is attached'),
    azurerm_role_assignment: assignmentScope,
  },
};
