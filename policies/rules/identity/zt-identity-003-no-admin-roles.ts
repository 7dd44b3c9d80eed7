import type { ResourceGraph } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import { type Check, type CheckResult, Rule, fail, pass } from '../../engine/rule';
import { readString, unknownAt } from '../shared/read';
import { ADMIN_POLICIES, managedPolicyChecks, policyBaseName, readManagedPolicyArn } from './aws/managed-policy';

/**
 * No identity the platform creates holds an administrator role: no AWS managed admin policy
 * (AdministratorAccess, PowerUserAccess, IAMFullAccess) attached to a role, user or group, and no
 * Azure role assignment of Owner, Contributor, User Access Administrator or Role Based Access Control
 * Administrator (by name or by the built-in role's ID). People get access through the identity
 * provider, not from the stack, so every identity defined here is judged as a workload identity.
 */

/** Built-in Azure roles that administer resources or their access, by name and by role definition ID. */
const ADMIN_ROLES: Readonly<Record<string, string>> = {
  '8e3af657-a8ff-443c-a75c-2fe8c4bcb635': 'Owner',
  'b24988ac-6180-42a0-ab88-20f7382dd24c': 'Contributor',
  '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9': 'User Access Administrator',
  'f58310d9-a9f6-439a-9e8d-f62e7b41a168': 'Role Based Access Control Administrator',
};
const ADMIN_ROLE_NAMES = new Set(Object.values(ADMIN_ROLES).map((n) => n.toLowerCase()));

const adminFail = (path: string, name: string): CheckResult =>
  fail(
    `${path} attaches the AWS managed ${name} policy: administrator rights for whatever runs as this identity`,
    path,
  );

/** A managed policy ARN naming an AWS admin policy (literal, or built from pseudo parameters). */
function judgeArn(g: ResourceGraph, res: Resource, path: string): CheckResult[] {
  const arn = readManagedPolicyArn(g, res, path);
  if (arn.kind === 'absent') return [];
  if (arn.kind === 'unknown') return [unknownAt(path, arn.reason)];
  if (arn.kind === 'customer') return [pass(`${path} is ${arn.detail} (its actions: ZT-IDENTITY-002)`, path)];
  const name = policyBaseName(arn.name);
  return ADMIN_POLICIES.has(name)
    ? [adminFail(path, name)]
    : [pass(`${path} is the AWS managed policy ${arn.name}`, path)];
}

/** azurerm_role_assignment: the role by name, or by a role definition ID ending in a built-in admin role's GUID. */
const roleAssignment: Check = (ra, { graph }) => {
  const byName = readString(graph, ra, 'role_definition_name');
  if (byName.kind === 'unknown') return unknownAt('role_definition_name', byName.reason);
  if (byName.kind === 'value') {
    return ADMIN_ROLE_NAMES.has(byName.value.toLowerCase())
      ? fail(
          `role_definition_name is ${byName.value}: the principal may change the resources in scope and (Owner, access administrators) who may reach them; assign the data-plane roles it needs`,
          'role_definition_name',
        )
      : pass(`role_definition_name is ${byName.value}`, 'role_definition_name');
  }
  const id = graph.value(ra, 'role_definition_id');
  if (id.kind === 'absent')
    return unknownAt('role_definition_id', 'neither role_definition_name nor role_definition_id is set');
  if (id.kind === 'reference')
    return pass(`role_definition_id is the custom role ${id.to.address}`, 'role_definition_id');
  const text =
    id.kind === 'literal' && typeof id.value === 'string'
      ? id.value
      : id.kind === 'composed'
        ? id.parts.filter((p): p is string => typeof p === 'string').join('')
        : undefined;
  const guid = text && /roleDefinitions\/([0-9a-f-]{36})$/i.exec(text)?.[1]?.toLowerCase();
  if (guid && ADMIN_ROLES[guid]) {
    return fail(
      `role_definition_id is the built-in ${ADMIN_ROLES[guid]} role; assign the data-plane roles it needs`,
      'role_definition_id',
    );
  }
  if (guid) return pass(`role_definition_id is the role ${guid}, not an administrator role`, 'role_definition_id');
  const reason =
    id.kind === 'unknown' ? id.reason : `it does not end in a role definition GUID (${text ?? 'not text'})`;
  return unknownAt('role_definition_id', reason);
};

export const noAdminRolesRule: Rule = {
  id: 'ZT-IDENTITY-003',
  title: 'Workload identities hold no administrator roles',
  severity: 'critical',
  layer: 'identity',
  rationale:
    'A training job, pipeline or notebook runs third-party code with its identity. With AdministratorAccess, ' +
    'PowerUserAccess or IAMFullAccess on AWS, or Owner, Contributor or an access-administrator role on Azure, one ' +
    'poisoned dependency can delete the data lake, open it to the internet or grant itself anything; least ' +
    'privilege gives workloads the data-plane roles they use and nothing that administers resources or access.',
  remediation:
    'AWS: attach no AdministratorAccess, PowerUserAccess or IAMFullAccess (ManagedPolicyArns, managed_policy_arns, ' +
    'aws_iam_*_policy_attachment); grant the actions used instead (CDK grants). Azure: no azurerm_role_assignment ' +
    'of Owner, Contributor, User Access Administrator or Role Based Access Control Administrator; assign data-plane ' +
    'roles (Storage Blob Data Reader, Key Vault Crypto Service Encryption User, AcrPull ...) at the narrowest scope.',
  controls: [
    { framework: 'NIST-800-53', id: 'AC-6' },
    { framework: 'NIST-800-53', id: 'AC-6(5)' },
    { framework: 'NIST-800-53', id: 'AC-2(7)' },
    { framework: 'SOC2', id: 'CC6.3' },
    { framework: 'HIPAA', id: '164.308(a)(4)(ii)(B)' },
    { framework: 'GDPR', id: 'Art. 25(2)' },
    { framework: 'ISO-27001', id: 'A.8.2' },
  ],
  equivalents: [],
  checks: {
    ...managedPolicyChecks(judgeArn, 'no AWS managed admin policy is attached'),
    azurerm_role_assignment: roleAssignment,
  },
};
