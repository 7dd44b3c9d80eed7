import { Construct } from 'constructs';
import { ApplicationInsights } from '@cdktf/provider-azurerm/lib/application-insights';
import { ContainerRegistry } from '@cdktf/provider-azurerm/lib/container-registry';
import { MachineLearningComputeCluster } from '@cdktf/provider-azurerm/lib/machine-learning-compute-cluster';
import { MachineLearningWorkspace } from '@cdktf/provider-azurerm/lib/machine-learning-workspace';
import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { TerraformResource } from 'cdktf';
import { createGpuCluster } from './cluster';
import { NetworkModel, resolveComputeProps, TrainingComputeProps } from './props';
import { createPrivateEndpoint, createRegistry } from './registry';
import { createInsights, createOutboundRules, createWorkspace } from './workspace';

/** Data-plane roles of the workspace identity, each on the narrowest scope that works. */
export const IDENTITY_ROLES = {
  key: 'Key Vault Crypto Service Encryption User',
  blob: 'Storage Blob Data Contributor',
  files: 'Storage File Data Privileged Contributor',
  registry: 'AcrPush',
} as const;

/**
 * Private GPU training on Azure ML: a private, CMK-encrypted, high-business-impact workspace in a
 * managed network that allows only approved outbound traffic; a private Premium registry; a GPU
 * cluster that scales from zero with no public IPs, no local auth and no SSH. Networking (subnets,
 * DNS zones), the vault and key, storage and Log Analytics are inputs from the other layers.
 */
export class TrainingCompute extends Construct {
  public readonly workspace: MachineLearningWorkspace;
  public readonly registry: ContainerRegistry;
  public readonly insights: ApplicationInsights;
  public readonly cluster: MachineLearningComputeCluster;
  public readonly workspaceEndpoint: PrivateEndpoint;
  public readonly registryEndpoint: PrivateEndpoint;
  public readonly outboundRules: readonly TerraformResource[];
  public readonly roleAssignments: readonly RoleAssignment[];
  public readonly networkModel: NetworkModel;
  public readonly maxInstanceCount: number;

  constructor(scope: Construct, id: string, props: TrainingComputeProps) {
    super(scope, id);
    const r = resolveComputeProps(props, this.node.path);
    this.networkModel = r.networkModel;
    this.maxInstanceCount = r.maxInstanceCount;

    this.insights = createInsights(this, props, r);
    this.registry = createRegistry(this, props, r);
    this.registryEndpoint = createPrivateEndpoint(this, props, 'pe-registry', {
      id: this.registry.id,
      name: r.names.registry,
      subresource: 'registry',
      dnsZoneIds: [props.privateDnsZoneIds.containerRegistry],
    });

    const assign = (key: string, scopeId: string, role: string) =>
      new RoleAssignment(this, `identity-${key}`, {
        scope: scopeId,
        roleDefinitionName: role,
        principalId: props.identity.principalId,
        description: `Azure ML workspace identity (${r.names.workspace}): ${role}.`,
      });
    const keyAccess = assign('key', props.keyVaultId, IDENTITY_ROLES.key);
    const blob = assign('blob', props.storageAccountId, IDENTITY_ROLES.blob);
    const files = assign('files', props.storageAccountId, IDENTITY_ROLES.files);
    const push = assign('registry', this.registry.id, IDENTITY_ROLES.registry);
    this.roleAssignments = [keyAccess, blob, files, push];

    this.workspace = createWorkspace(this, props, r, {
      insightsId: this.insights.id,
      registryId: this.registry.id,
      dependsOn: [...this.roleAssignments, ...(props.dependsOn ?? [])],
    });
    this.workspaceEndpoint = createPrivateEndpoint(this, props, 'pe-workspace', {
      id: this.workspace.id,
      name: r.names.workspace,
      subresource: 'amlworkspace',
      dnsZoneIds: [props.privateDnsZoneIds.azureMlApi, props.privateDnsZoneIds.azureMlNotebooks],
    });
    this.outboundRules = createOutboundRules(this, this.workspace, r);
    this.cluster = createGpuCluster(this, props, r, this.workspace);
  }
}
