import { Construct } from 'constructs';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { validateGuid, validateResourceId } from '../validate';

/** Built-in roles of the model store, by name: never Owner or Contributor (ZT-IDENTITY-003). */
export const MODEL_STORE_ROLES = {
  /** Runs jobs, registers and reads models; cannot create compute, change the workspace or its access. */
  training: 'AzureML Data Scientist',
  /** Reads the workspace and its models and versions (every `*\/read`), changes nothing. */
  serving: 'Reader',
} as const;

export interface AzureModelStoreAccessProps {
  /** Resource ID of the Azure ML workspace whose model store holds the platform's models. */
  readonly workspaceId: string;
  /** Principal (object) ID of the training identity: the workspace / cluster identity. */
  readonly trainingPrincipalId: string;
  /** Principal IDs of the identities that deploy or serve models: read-only. @default [] */
  readonly servingPrincipalIds?: readonly string[];
}

const P = 'AzureModelStoreAccess';
const WORKSPACE = /\/providers\/Microsoft\.MachineLearningServices\/workspaces\/[^/]+$/i;

/**
 * Who may use the model store, on Azure: role assignments scoped to the Azure ML workspace, the
 * training identity as "AzureML Data Scientist" and each serving / deploy identity as "Reader".
 *
 * What azurerm 4.x can express: role assignments at the workspace (this), custom roles at a
 * resource group (ModelReleaseGate). What it cannot: an Azure ML registry
 * (`Microsoft.MachineLearningServices/registries` has no azurerm resource, so neither the registry
 * nor "AzureML Registry User" on one can be declared; azapi could), models and model versions
 * themselves (registered by the Azure ML CLI / SDK, not Terraform), an assignment scoped to one
 * model (models are not addressable as a role-assignment scope), and a deny: a built-in role cannot
 * be narrowed. So the Data Scientist role also writes models: do not use this on the workspace that
 * is the release gate's production registry (the reference stack does not), where only the release
 * identity may register; use it on a development workspace beside a separate registry workspace.
 */
export class AzureModelStoreAccess extends Construct {
  public readonly training: RoleAssignment;
  public readonly serving: readonly RoleAssignment[];

  constructor(scope: Construct, id: string, props: AzureModelStoreAccessProps) {
    super(scope, id);
    const workspaceId = validateResourceId(`${P}.workspaceId`, props.workspaceId, WORKSPACE);
    const training = validateGuid(`${P}.trainingPrincipalId`, props.trainingPrincipalId);
    const serving = props.servingPrincipalIds ?? [];
    serving.forEach((p, i) => validateGuid(`${P}.servingPrincipalIds[${i}]`, p));
    this.training = new RoleAssignment(this, 'training', {
      scope: workspaceId,
      roleDefinitionName: MODEL_STORE_ROLES.training,
      principalId: training,
      // A managed identity: no directory lookup, so a fresh identity is assignable at once.
      principalType: 'ServicePrincipal',
      description: 'Training identity: runs jobs and registers models in the workspace model store.',
    });
    this.serving = serving.map(
      (principalId, i) =>
        new RoleAssignment(this, `serving-${i}`, {
          scope: workspaceId,
          roleDefinitionName: MODEL_STORE_ROLES.serving,
          principalId,
          description: 'Serving / deploy identity: reads the workspace model store, changes nothing.',
        }),
    );
  }
}
