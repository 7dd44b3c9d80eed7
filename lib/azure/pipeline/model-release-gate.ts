import { Construct } from 'constructs';
import { Fn, Token } from 'cdktf';
import { FederatedIdentityCredential } from '@cdktf/provider-azurerm/lib/federated-identity-credential';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { RoleDefinition } from '@cdktf/provider-azurerm/lib/role-definition';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { governanceTags } from '../../core/tags';
import { type Principal, type ResolvedPrincipal, resolvePrincipal } from '../validate';
import { ModelReleaseGateProps, resolveModelReleaseGateProps, ResolvedModelReleaseGateProps } from './props';

const AML = 'Microsoft.MachineLearningServices/workspaces';

/** Register (create versions of) models and nothing else: no delete, no jobs, no endpoints. */
export const REGISTRAR_ACTIONS = [
  `${AML}/read`,
  `${AML}/models/read`,
  `${AML}/models/write`,
  `${AML}/models/versions/read`,
  `${AML}/models/versions/write`,
  `${AML}/datastores/read`,
];

/** Read models and their versions: what a data scientist needs to compare and reuse them. */
export const READER_ACTIONS = [`${AML}/read`, `${AML}/models/read`, `${AML}/models/versions/read`];

/**
 * The Azure counterpart of the SageMaker approval gate, as far as Terraform can express it: a
 * release identity that alone may register models into the production registry workspace (a
 * custom role with only the model write actions, assigned at that workspace), read-only model
 * access for data scientists, and optionally a federated credential that lets exactly one CI/CD
 * job (an environment with required reviewers) act as the release identity. The human approval
 * itself is that job's environment protection rule: Azure ML has no model approval status.
 */
export class ModelReleaseGate extends Construct {
  public readonly releaseIdentity: UserAssignedIdentity;
  public readonly registrarRole: RoleDefinition;
  public readonly readerRole: RoleDefinition;
  public readonly releaseAssignment: RoleAssignment;
  public readonly federatedCredential?: FederatedIdentityCredential;
  public readonly tags: Readonly<Record<string, string>>;

  private readonly resolved: ResolvedModelReleaseGateProps;
  private readers = 0;

  constructor(scope: Construct, id: string, props: ModelReleaseGateProps) {
    super(scope, id);
    const p = resolveModelReleaseGateProps(props);
    this.resolved = p;
    const suffix = `${p.project}-${p.environment}`;
    this.tags = governanceTags({
      owner: p.owner,
      classification: p.classification,
      lineage: `${p.project}:pipeline`,
      project: p.project,
      environment: p.environment,
    });

    this.releaseIdentity = new UserAssignedIdentity(this, 'release-identity', {
      name: `id-${suffix}-model-release`,
      resourceGroupName: p.resourceGroupName,
      location: p.location,
      tags: this.tags,
    });
    // Azure accepts custom-role assignable scopes at management group, subscription or resource group
    // level only (not a single resource): the roles live in the workspace's resource group, and
    // every assignment below is made at the workspace itself.
    const roleScope = resourceGroupOf(p.registryWorkspaceId);
    this.registrarRole = new RoleDefinition(this, 'registrar-role', {
      name: `Model Registrar (${suffix})`,
      scope: roleScope,
      assignableScopes: [roleScope],
      description: 'Registers model versions in the production registry workspace; cannot delete or deploy.',
      permissions: [{ actions: REGISTRAR_ACTIONS, notActions: [] }],
    });
    this.readerRole = new RoleDefinition(this, 'reader-role', {
      name: `Model Reader (${suffix})`,
      scope: roleScope,
      assignableScopes: [roleScope],
      description: 'Reads models and model versions in the production registry workspace.',
      permissions: [{ actions: READER_ACTIONS, notActions: [] }],
    });
    this.releaseAssignment = new RoleAssignment(this, 'release-registrar', {
      scope: p.registryWorkspaceId,
      roleDefinitionId: this.registrarRole.roleDefinitionResourceId,
      principalId: this.releaseIdentity.principalId,
      principalType: 'ServicePrincipal',
      description: 'Only the release identity registers models into production.',
    });
    if (p.releaseFederation) {
      this.federatedCredential = new FederatedIdentityCredential(this, 'release-federation', {
        name: 'release-pipeline',
        resourceGroupName: p.resourceGroupName,
        parentId: this.releaseIdentity.id,
        issuer: p.releaseFederation.issuer,
        subject: p.releaseFederation.subject,
        audience: [...p.releaseFederation.audiences],
      });
    }
    for (const reader of p.readerPrincipalIds) this.grantReader(reader);
  }

  /** Read-only access to the registry's models for one principal (user, group or identity). */
  public grantModelRead(principal: Principal): RoleAssignment {
    return this.grantReader(resolvePrincipal('ModelReleaseGate.grantModelRead.principalId', principal));
  }

  private grantReader(principal: ResolvedPrincipal): RoleAssignment {
    this.readers += 1;
    return new RoleAssignment(this, `model-reader-${this.readers}`, {
      scope: this.resolved.registryWorkspaceId,
      roleDefinitionId: this.readerRole.roleDefinitionResourceId,
      principalId: principal.id,
      principalType: principal.type,
      description: 'Reads production models; registration is the release identity’s alone.',
    });
  }
}

/**
 * The resource group ID of a resource ID (/subscriptions/<s>/resourceGroups/<rg>): computed here
 * for a literal ID, by Terraform (split/slice/join) for a reference.
 */
export function resourceGroupOf(resourceId: string): string {
  if (Token.isUnresolved(resourceId)) return Fn.join('/', Fn.slice(Fn.split('/', resourceId), 0, 5));
  return resourceId.split('/').slice(0, 5).join('/');
}
