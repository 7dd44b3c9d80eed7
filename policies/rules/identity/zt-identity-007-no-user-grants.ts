import type { Resolved, ResourceGraph } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import { type Check, type CheckResult, Rule, fail, pass } from '../../engine/rule';
import { eachOf } from '../shared/combine';
import { nagEquivalents } from '../shared/nag-equivalents';
import { type PolicyDocument, readPolicyDocument } from '../shared/policy-document';
import { eachListed, isPlainObject, joinPath, rawAt, readString, unknownAt } from '../shared/read';
import { isDeny } from '../shared/statements';
import { readManagedPolicyArn } from './aws/managed-policy';

/**
 * A permission on a person's account outlives the person's role and escapes the group-based review
 * and revocation access is managed by: grants go to groups (which users join) and roles.
 * - AWS: every policy attached to an IAM user is a grant, whatever its ARN or document can be read to
 *   say, except a policy shown to only deny (AWSDenyAll, or a document whose every statement denies):
 *   such a guardrail grants nothing.
 * - Azure: a role assignment to a principal of type User; without principal_type, the assignment is
 *   decided only when principal_id is a managed identity (or an Entra ID object) of this configuration.
 */
const USER_RISK = 'the permission stays with the person, outside group-based review and revocation';

/** Every statement (at least one) of a readable document denies. */
function onlyDenies(doc: PolicyDocument): boolean {
  return doc.kind === 'document' && doc.statements.length > 0 && doc.statements.every((s) => isDeny(s) === true);
}

/** The policy documents of this configuration a policy ARN may be (a Ref of a managed policy, `aws_iam_policy.x.arn`). */
const POLICY_DOCUMENTS: Readonly<Record<string, { readonly path: string; readonly attributes: readonly string[] }>> = {
  'AWS::IAM::ManagedPolicy': { path: 'PolicyDocument', attributes: ['', 'PolicyArn'] },
  aws_iam_policy: { path: 'policy', attributes: ['arn', 'id'] },
};

/** The policy ARN at `path` is AWS's deny-only AWSDenyAll or a deny-only policy of this configuration. */
function arnOnlyDenies(g: ResourceGraph, res: Resource, path: string): boolean {
  const arn = readManagedPolicyArn(g, res, path);
  if (arn.kind === 'aws') return arn.name === 'AWSDenyAll';
  const v = g.value(res, path);
  if (v.kind !== 'reference') return false;
  const doc = POLICY_DOCUMENTS[v.to.type];
  return (
    doc !== undefined && doc.attributes.includes(v.attribute ?? '') && onlyDenies(readPolicyDocument(g, v.to, doc.path))
  );
}

/**
 * One list element: nothing when it is absent (an Fn::If branch of AWS::NoValue), unknown when a
 * condition decides whether it exists, else `judge`.
 */
function element(g: ResourceGraph, res: Resource, path: string, judge: () => CheckResult): CheckResult[] {
  const r = g.value(res, path);
  if (r.kind === 'absent' || (r.kind === 'literal' && (r.value === null || r.value === undefined))) return [];
  const raw = rawAt(res, path);
  if (r.kind === 'unknown' && isPlainObject(raw) && 'Fn::If' in raw) return [unknownAt(path, r.reason)];
  return [judge()];
}

/** `fact` says what is attached to which user; a deny-only policy passes. */
const grant = (path: string, fact: string, denies: boolean): CheckResult =>
  denies
    ? pass(`${fact}, but it only denies: it grants the user nothing`, path)
    : fail(`${fact}: ${USER_RISK}; attach it to a group the user joins`, path);

/** AWS::IAM::User: its own managed policies and inline policies (Groups membership is the compliant way). */
const cfnUser: Check = (user, { graph }) => {
  const results = [
    ...eachListed(graph, user, 'ManagedPolicyArns', (p) =>
      element(graph, user, p, () =>
        grant(p, `${p} attaches a managed policy directly to the IAM user`, arnOnlyDenies(graph, user, p)),
      ),
    ),
    ...eachListed(graph, user, 'Policies', (p) =>
      element(graph, user, p, () =>
        grant(
          p,
          `${p} is an inline policy of the IAM user`,
          onlyDenies(readPolicyDocument(graph, user, joinPath(p, 'PolicyDocument'))),
        ),
      ),
    ),
  ];
  if (results.length === 0) return pass('the user holds no policy of its own (permissions through its groups)');
  return eachOf(results);
};

/** A policy naming its targets: any user in `list` is a direct grant, unless the policy only denies. */
const usersList =
  (list: string, denies: (g: ResourceGraph, res: Resource) => boolean): Check =>
  (policy, { graph }) => {
    let only: boolean | undefined;
    const results = eachListed(graph, policy, list, (p) =>
      element(graph, policy, p, () =>
        grant(p, `${p} attaches the policy directly to an IAM user`, (only ??= denies(graph, policy))),
      ),
    );
    if (results.length === 0) return pass(`${list} names no user (the policy goes to roles or groups)`, list);
    return eachOf(results);
  };

/** A resource whose existence attaches a policy to a user: a grant, unless the policy only denies. */
const attachedToUser =
  (userPath: string, what: string, denies: (g: ResourceGraph, res: Resource) => boolean): Check =>
  (res, { graph }) =>
    grant(userPath, `${what} is attached directly to the IAM user in ${userPath}`, denies(graph, res));

const documentDenies =
  (path: string) =>
  (g: ResourceGraph, res: Resource): boolean =>
    onlyDenies(readPolicyDocument(g, res, path));
const arnDenies =
  (path: string) =>
  (g: ResourceGraph, res: Resource): boolean =>
    arnOnlyDenies(g, res, path);

/** What principal_id is, when it is an identity of this configuration (by the resource and attribute it names). */
function principalKind(id: Resolved): 'workload' | 'group' | 'user' | undefined {
  if (id.kind !== 'reference') return undefined;
  const attribute = id.attribute ?? '';
  if (id.to.type === 'azurerm_user_assigned_identity' && attribute === 'principal_id') return 'workload';
  // A system-assigned identity (`identity[0].principal_id`) or AKS's kubelet_identity[0].object_id.
  if (/(?:^|_)identity(?:\.\d+)?\.(?:principal_id|object_id)$/.test(attribute)) return 'workload';
  if (attribute !== 'object_id' && attribute !== 'id') return undefined;
  if (id.to.type === 'azuread_service_principal') return 'workload';
  if (id.to.type === 'azuread_group') return 'group';
  return id.to.type === 'azuread_user' ? 'user' : undefined;
}

/** azurerm_role_assignment: by principal_type, else by what principal_id references. */
const roleAssignment: Check = (ra, { graph }) => {
  const type = readString(graph, ra, 'principal_type');
  if (type.kind === 'unknown') return unknownAt('principal_type', type.reason);
  if (type.kind === 'value') {
    return type.value.toLowerCase() === 'user'
      ? fail(`the role is assigned to a user: ${USER_RISK}; assign it to an Entra ID group`, 'principal_type')
      : pass(`the role is assigned to a principal of type ${type.value}`, 'principal_type');
  }
  const id = graph.value(ra, 'principal_id');
  const kind = principalKind(id);
  if (kind === 'user') {
    return fail(
      `principal_id is the user ${id.kind === 'reference' ? id.to.address : ''}: ${USER_RISK}`,
      'principal_id',
    );
  }
  if (kind) {
    const to = id.kind === 'reference' ? id.to.address : '';
    return pass(`principal_id is ${kind === 'group' ? 'the group' : 'the workload identity'} ${to}`, 'principal_id');
  }
  return unknownAt(
    'principal_id',
    'principal_type is unset and principal_id is no identity of this configuration, so whose object id it is ' +
      `(a user's, a group's, a service principal's) is known only at deploy time; set principal_type`,
  );
};

export const noUserGrantsRule: Rule = {
  id: 'ZT-IDENTITY-007',
  title: 'Permissions are granted to roles and groups, never directly to users',
  severity: 'medium',
  layer: 'identity',
  rationale:
    'A permission attached to a person\u2019s account stays when the person changes team or role, is missed by ' +
    'access reviews that look at groups and roles, and is left behind when group membership is revoked. Granting ' +
    'to groups (which users join) and to roles or managed identities (which workloads assume) keeps every ' +
    'human permission where it is reviewed and removed as one; an AWS policy that only denies grants nothing.',
  remediation:
    'AWS: attach no allowing policy to an IAM user; add the user to a group that holds the policy, or let it ' +
    'assume a role. CloudFormation: no Policies or ManagedPolicyArns on AWS::IAM::User (use Groups), no Users on ' +
    'AWS::IAM::Policy or AWS::IAM::ManagedPolicy (Groups or Roles instead), no AWS::IAM::UserPolicy. ' +
    'CDK: user.addToGroup(group) with group.addToPolicy / group.addManagedPolicy, never user.addToPolicy, ' +
    'user.addManagedPolicy or policy.attachToUser. Terraform: aws_iam_group_policy or ' +
    'aws_iam_group_policy_attachment with aws_iam_user_group_membership instead of aws_iam_user_policy or ' +
    'aws_iam_user_policy_attachment, and no users on aws_iam_policy_attachment. Azure: assign roles to Entra ID ' +
    'groups or managed identities, never to a user: principal_type = "Group" or "ServicePrincipal" on ' +
    'azurerm_role_assignment, or principal_id taken from a managed identity\u2019s principal_id.',
  remediationBy: {
    cdk: 'Grant to a group or role (group.addToPolicy, group.addManagedPolicy, role grants) and user.addToGroup(group); never user.addToPolicy, user.addManagedPolicy or policy.attachToUser.',
    cdktf:
      'RoleAssignment: principalType "Group" or "ServicePrincipal", or principalId from a managed identity (azurerm); ' +
      'IamGroupPolicyAttachment with IamUserGroupMembership instead of IamUserPolicy / IamUserPolicyAttachment (aws).',
  },
  controls: [
    { framework: 'NIST-800-53', id: 'AC-2' },
    { framework: 'NIST-800-53', id: 'AC-6' },
    { framework: 'SOC2', id: 'CC6.2' },
    { framework: 'SOC2', id: 'CC6.3' },
    { framework: 'HIPAA', id: '164.308(a)(4)(ii)(B)' },
    { framework: 'ISO-27001', id: 'A.5.15' },
  ],
  equivalents: nagEquivalents(
    ['NIST.800.53.R5-IAMUserNoPolicies', 'HIPAA.Security-IAMUserNoPolicies'],
    ['AWS::IAM::User', 'AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy'],
    'cdk-nag flags Policies, ManagedPolicyArns or Users whenever the property is set (an empty list too) and a ' +
      'deny-only policy as well; this rule fails only non-empty lists and passes policies whose every statement denies.',
  ),
  checks: {
    'AWS::IAM::User': cfnUser,
    'AWS::IAM::Policy': usersList('Users', documentDenies('PolicyDocument')),
    'AWS::IAM::ManagedPolicy': usersList('Users', documentDenies('PolicyDocument')),
    'AWS::IAM::UserPolicy': attachedToUser('UserName', 'An inline policy', documentDenies('PolicyDocument')),
    aws_iam_user_policy: attachedToUser('user', 'An inline policy', documentDenies('policy')),
    aws_iam_user_policy_attachment: attachedToUser('user', 'A managed policy', arnDenies('policy_arn')),
    aws_iam_policy_attachment: usersList('users', arnDenies('policy_arn')),
    azurerm_role_assignment: roleAssignment,
  },
};
