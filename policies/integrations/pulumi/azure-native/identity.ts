import { type Props, type Reader, defined } from './read';

/**
 * Identity resources: role assignments (azure-native:authorization:RoleAssignment),
 * user-assigned managed identities and their federated credentials. ARM names a role assignment's role by its definition id only
 * (azurerm's role_definition_name has no ARM input), and records principalType when the program
 * gives it; a principalId taken from an identity in the stack links to that identity, so a rule can
 * tell a workload identity from a person without the type.
 */
const roleAssignment = (p: Props): Props =>
  defined({
    name: p.roleAssignmentName,
    scope: p.scope,
    role_definition_id: p.roleDefinitionId,
    principal_id: p.principalId,
    principal_type: p.principalType,
    condition: p.condition,
  });

const identity = (p: Props): Props => defined({ name: p.resourceName, location: p.location });

/** Workload identity federation onto a user-assigned identity: ARM's `audiences` is azurerm's `audience`. */
const federatedCredential = (p: Props): Props =>
  defined({
    name: p.federatedIdentityCredentialResourceName,
    issuer: p.issuer,
    subject: p.subject,
    audience: p.audiences,
  });

export const IDENTITY: Readonly<Record<string, Reader>> = {
  'azure-native:authorization:RoleAssignment': {
    type: 'azurerm_role_assignment',
    read: roleAssignment,
    links: [
      { prop: 'principalId', at: 'principal_id', to: ['azurerm_user_assigned_identity'], attribute: 'principal_id' },
    ],
  },
  'azure-native:managedidentity:UserAssignedIdentity': { type: 'azurerm_user_assigned_identity', read: identity },
  'azure-native:managedidentity:FederatedIdentityCredential': {
    type: 'azurerm_federated_identity_credential',
    read: federatedCredential,
  },
};
