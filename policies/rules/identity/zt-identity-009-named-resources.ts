import type { Resolved } from '../../engine/graph';
import { type Check, Rule, fail, notApplicable, pass } from '../../engine/rule';
import { nagEquivalents } from '../shared/nag-equivalents';
import { unknownAt } from '../shared/read';
import { catalogVersion } from './aws/action-catalog';
import { CFN_IDENTITY_TYPES, TF_IDENTITY_POLICY_TYPES, identityDocumentChecks } from './aws/identity-documents';
import { judgeResourceScope } from './aws/resource-scope';

/**
 * A grant names the resources it acts on.
 * - AWS: an identity-policy Allow on `Resource: "*"` (or NotResource) fails for each action that
 *   supports resource-level permissions, unless a condition on a resource key narrows it
 *   (aws:ResourceTag/..., aws:ResourceAccount, or a key the action defines such as
 *   cloudwatch:namespace). Which actions support them comes from the IAM action data
 *   (aws/action-catalog.ts); an action or service the data does not know is unknown.
 * - Azure: a role assignment on a whole resource group reaches every resource in it, present and
 *   future; it should be made on the resource. Subscription and wider scopes are ZT-IDENTITY-008's.
 */

type GroupScope = 'group' | 'wider' | 'resource' | { readonly unknown: string };

const RESOURCE_GROUP = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/?$/i;
const WIDER = /^(\/|\/subscriptions\/[^/]+\/?|\/providers\/Microsoft\.Management\/managementGroups\/[^/]+\/?)$/i;

/** Attributes that hold a resource's ARM id (a key's `resource_versionless_id` is the key's id). */
const ID_ATTRIBUTES = new Set([undefined, 'id', 'resource_id', 'resource_versionless_id']);

function scopeOfType(type: string, attribute: string | undefined): GroupScope | undefined {
  if (!ID_ATTRIBUTES.has(attribute)) return undefined;
  const t = type.replace(/^data\./, '');
  if (t === 'azurerm_resource_group') return 'group';
  if (t === 'azurerm_subscription' || t === 'azurerm_management_group') return 'wider';
  return 'resource';
}

function scopeOfText(text: string): GroupScope | undefined {
  if (WIDER.test(text)) return 'wider';
  if (RESOURCE_GROUP.test(text)) return 'group';
  return /\/providers\/[^/]+\/[^/]+\/[^/]+/i.test(text) ? 'resource' : undefined;
}

/** Stand-in text for a reference inside a composed scope: the shape of the id it holds. */
const SHAPE: Record<string, string> = {
  group: '/subscriptions/s/resourceGroups/g',
  wider: '/subscriptions/s',
  resource: '/subscriptions/s/resourceGroups/g/providers/p/t/n',
};

function groupScope(v: Resolved): GroupScope {
  switch (v.kind) {
    case 'reference':
      return scopeOfType(v.to.type, v.attribute) ?? { unknown: `scope is the ${v.attribute} of ${v.to.address}` };
    case 'unknown': {
      const data = /^data source (data\.[a-z0-9_]+)\.[^.\s]+\.([a-z0-9_]+)$/.exec(v.reason);
      const type = v.target?.type ?? data?.[1];
      const found = type === undefined ? undefined : scopeOfType(type, v.target ? v.target.attribute : data?.[2]);
      return found ?? { unknown: v.reason };
    }
    case 'literal':
      return (
        (typeof v.value === 'string' && scopeOfText(v.value)) || { unknown: `scope is ${JSON.stringify(v.value)}` }
      );
    case 'composed': {
      // `${azurerm_storage_account.sa.id}/blobServices/default/containers/c`: each reference's shape, then the text.
      let text = '';
      for (const p of v.parts) {
        if (typeof p === 'string') text += p;
        else {
          // A value decided at plan time stands for one path segment (`/subscriptions/${var.sub}`).
          const inner = groupScope(p);
          text += typeof inner === 'object' ? 'x' : SHAPE[inner];
        }
      }
      return scopeOfText(text) ?? { unknown: `scope is built as "${text}"` };
    }
    default:
      return { unknown: 'scope is not set (the provider requires it)' };
  }
}

const assignmentOnResource: Check = (ra, { graph }) => {
  const scope = groupScope(graph.value(ra, 'scope'));
  if (scope === 'resource') return pass('scope is a resource', 'scope');
  if (scope === 'wider') return notApplicable('scope is a subscription or wider (ZT-IDENTITY-008)');
  if (typeof scope === 'object') return unknownAt('scope', scope.unknown);
  return fail(
    'scope is a resource group: the role reaches every resource in the group, present and future; assign it on ' +
      'the storage account, vault, registry or workspace the identity uses',
    'scope',
  );
};

export const namedResourcesRule: Rule = {
  id: 'ZT-IDENTITY-009',
  title: 'Grants name the resources they act on',
  severity: 'medium',
  layer: 'identity',
  rationale:
    'An identity allowed to read objects, decrypt with keys or write secrets on every resource of the account ' +
    '(Resource "*") or of a resource group reaches the data and models of every other workload there, and every ' +
    'resource created later. Zero trust grants each workload the resources it uses by name, so a compromised ' +
    'training job cannot read the next team\u2019s bucket. Only actions that support no resource-level permission ' +
    `(ec2:DescribeSubnets, ecr:GetAuthorizationToken) need "*" (IAM action data ${catalogVersion()}).`,
  remediation:
    'AWS: put the ARNs the workload uses in Resource (CDK grants do: bucket.grantRead(role)); keep "*" only for ' +
    'actions without resource-level permissions, in a statement of their own, or narrow it with a resource ' +
    'condition (aws:ResourceTag/<key>, aws:ResourceAccount, or the action\u2019s own key such as ' +
    'cloudwatch:namespace). Azure: make each role assignment on the resource (storage account, key vault, ' +
    'registry, workspace), not on its resource group.',
  remediationBy: {
    cdk:
      'new iam.PolicyStatement({ actions, resources: [bucket.arnForObjects("*")] }) or the construct grants; for ' +
      'VPC functions, scope ENI actions to arn:<partition>:ec2:<region>:<account>:* .',
    cdktf:
      'RoleAssignment: scope: <storage account | key vault | registry>.id, not <resource group>.id (azurerm); ' +
      'resources: [<arn>] in DataAwsIamPolicyDocument statements (aws).',
  },
  controls: [
    { framework: 'NIST-800-53', id: 'AC-6' },
    { framework: 'NIST-800-53', id: 'AC-3' },
    { framework: 'SOC2', id: 'CC6.3' },
    { framework: 'HIPAA', id: '164.308(a)(4)(ii)(B)' },
    { framework: 'GDPR', id: 'Art. 25(2)' },
    { framework: 'ISO-27001', id: 'A.5.15' },
    { framework: 'ISO-27001', id: 'A.8.3' },
  ],
  equivalents: [
    ...nagEquivalents(
      ['AwsSolutions-IAM5'],
      CFN_IDENTITY_TYPES,
      'cdk-nag IAM5 flags every wildcard in an action or resource (s3:Get*, arn:...:bucket/*); this rule flags ' +
        'Resource "*" for actions that support resource-level permissions (wildcard actions: ZT-IDENTITY-002).',
    ),
    {
      tool: 'checkov',
      id: 'CKV_AWS_355',
      resourceTypes: TF_IDENTITY_POLICY_TYPES,
    },
  ],
  checks: {
    ...identityDocumentChecks(judgeResourceScope, 'no statement allows a restrictable action on every resource'),
    azurerm_role_assignment: assignmentOnResource,
  },
};
