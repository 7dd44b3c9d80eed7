import { Construct } from 'constructs';
import { ITerraformDependable } from 'cdktf';
import { ApplicationInsights } from '@cdktf/provider-azurerm/lib/application-insights';
import { MachineLearningWorkspace } from '@cdktf/provider-azurerm/lib/machine-learning-workspace';
import { MachineLearningWorkspaceNetworkOutboundRuleFqdn } from '@cdktf/provider-azurerm/lib/machine-learning-workspace-network-outbound-rule-fqdn';
import { MachineLearningWorkspaceNetworkOutboundRulePrivateEndpoint } from '@cdktf/provider-azurerm/lib/machine-learning-workspace-network-outbound-rule-private-endpoint';
import { ResolvedComputeProps, TrainingComputeProps } from './props';

/** Retention of workspace telemetry in Application Insights (days). */
export const INSIGHTS_RETENTION_DAYS = 90;

/**
 * Workspace-based Application Insights: data lands in the platform's Log Analytics workspace,
 * Entra ID only (no instrumentation-key ingestion), no public ingestion or query (telemetry goes
 * through the network's Azure Monitor private link scope, which the platform stack scopes it into:
 * TrainingNetwork.scopeMonitoring). Retained.
 */
export function createInsights(
  scope: Construct,
  props: TrainingComputeProps,
  r: ResolvedComputeProps,
): ApplicationInsights {
  return new ApplicationInsights(scope, 'insights', {
    name: r.names.insights,
    resourceGroupName: props.resourceGroupName,
    location: props.location,
    applicationType: 'other',
    workspaceId: props.logAnalyticsWorkspaceId,
    localAuthenticationDisabled: true,
    internetIngestionEnabled: false,
    internetQueryEnabled: false,
    retentionInDays: INSIGHTS_RETENTION_DAYS,
    tags: { ...props.tags },
    lifecycle: { preventDestroy: true },
  });
}

/**
 * The Azure ML workspace: private only, high business impact (less diagnostic data collected by
 * Microsoft, encrypted local scratch), the data lake's Key Vault key as CMK, a user-assigned
 * identity for everything it reaches (storage is accessed with Entra ID, v1 legacy mode off), and
 * the managed network in AllowOnlyApprovedOutbound mode. Retained.
 */
export function createWorkspace(
  scope: Construct,
  props: TrainingComputeProps,
  r: ResolvedComputeProps,
  deps: { insightsId: string; registryId: string; dependsOn: ITerraformDependable[] },
): MachineLearningWorkspace {
  return new MachineLearningWorkspace(scope, 'workspace', {
    name: r.names.workspace,
    resourceGroupName: props.resourceGroupName,
    location: props.location,
    skuName: 'Basic',
    applicationInsightsId: deps.insightsId,
    keyVaultId: props.keyVaultId,
    storageAccountId: props.storageAccountId,
    containerRegistryId: deps.registryId,
    publicNetworkAccessEnabled: false,
    highBusinessImpact: true,
    v1LegacyModeEnabled: false,
    identity: { type: 'UserAssigned', identityIds: [props.identity.id] },
    primaryUserAssignedIdentity: props.identity.id,
    encryption: {
      keyVaultId: props.keyVaultId,
      keyId: props.keyId,
      userAssignedIdentityId: props.identity.id,
    },
    managedNetwork: { isolationMode: 'AllowOnlyApprovedOutbound', provisionOnCreationEnabled: true },
    // Serverless jobs: in the training subnet without public IPs (customer VNet), or in the managed network.
    ...(r.networkModel === 'customer-vnet'
      ? { serverlessCompute: { subnetId: r.trainingSubnetId, publicIpEnabled: false } }
      : {}),
    tags: { ...props.tags },
    // The CMK, identity-based storage and private storage are checked when the workspace is created.
    dependsOn: deps.dependsOn,
    lifecycle: { preventDestroy: true },
  });
}

/**
 * Outbound rules beyond the ones Azure ML adds for the workspace's own storage, vault and registry:
 * private endpoints to the data the jobs read (dfs and blob of each account), and the approved FQDNs.
 */
export function createOutboundRules(
  scope: Construct,
  workspace: MachineLearningWorkspace,
  r: ResolvedComputeProps,
): (MachineLearningWorkspaceNetworkOutboundRulePrivateEndpoint | MachineLearningWorkspaceNetworkOutboundRuleFqdn)[] {
  const rules: (
    MachineLearningWorkspaceNetworkOutboundRulePrivateEndpoint | MachineLearningWorkspaceNetworkOutboundRuleFqdn
  )[] = [];
  r.dataStorageAccountIds.forEach((accountId, i) => {
    for (const sub of ['dfs', 'blob']) {
      rules.push(
        new MachineLearningWorkspaceNetworkOutboundRulePrivateEndpoint(scope, `outbound-data-${i}-${sub}`, {
          name: `data-${i}-${sub}`,
          workspaceId: workspace.id,
          serviceResourceId: accountId,
          subResourceTarget: sub,
        }),
      );
    }
  });
  r.approvedFqdns.forEach((fqdn, i) => {
    rules.push(
      new MachineLearningWorkspaceNetworkOutboundRuleFqdn(scope, `outbound-fqdn-${i}`, {
        name: `fqdn-${i}`,
        workspaceId: workspace.id,
        destinationFqdn: fqdn,
      }),
    );
  });
  return rules;
}
