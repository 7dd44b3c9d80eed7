import { Construct } from 'constructs';
import { Fn } from 'cdktf';
import { ApiManagement } from '@cdktf/provider-azurerm/lib/api-management';
import { ApplicationInsights } from '@cdktf/provider-azurerm/lib/application-insights';
import { ResourceGroupTemplateDeployment } from '@cdktf/provider-azurerm/lib/resource-group-template-deployment';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { waive } from '../waive';
import { Placement } from './account';
import { ResolvedInferenceProps } from './props';

/** Days the gateway's request and token-metric telemetry is kept. */
export const GATEWAY_INSIGHTS_RETENTION_DAYS = 90;
/** The API Management logger and diagnostic the telemetry deployment creates. */
export const GATEWAY_LOGGER_NAME = 'appinsights-gateway';
export const GATEWAY_DIAGNOSTIC_ID = 'applicationinsights';
/** Management API version of the logger / diagnostic (managed-identity logger credentials). */
export const APIM_TELEMETRY_API_VERSION = '2024-05-01';
/** Role that lets a principal send telemetry to Application Insights with an Entra ID token. */
export const METRICS_PUBLISHER_ROLE = 'Monitoring Metrics Publisher';

export interface GatewayInsights {
  readonly insights: ApplicationInsights;
  /** The gateway's identity holds Monitoring Metrics Publisher on the component. */
  readonly publisher: RoleAssignment;
  /** The APIM Application Insights logger and its `applicationinsights` diagnostic (ARM). */
  readonly telemetry: ResourceGroupTemplateDeployment;
}

/** Bodies of none of the four messages are logged: prompts and completions may hold personal data. */
const NO_BODIES = { headers: [], body: { bytes: 0 } };

/**
 * The ARM template of the logger and the diagnostic. azurerm 4.55 cannot express either as needed:
 * its logger takes a connection string only (no `identityClientId`, which keyless Application
 * Insights requires, hashicorp/terraform-provider-azurerm#32381) and its diagnostic has no
 * `metrics` flag, without which the token-metric policy emits nothing (#28487).
 */
export function gatewayTelemetryTemplate(): Record<string, unknown> {
  const logger = `[resourceId('Microsoft.ApiManagement/service/loggers', parameters('serviceName'), '${GATEWAY_LOGGER_NAME}')]`;
  return {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    parameters: {
      serviceName: { type: 'string' },
      insightsId: { type: 'string' },
      connectionString: { type: 'securestring' },
    },
    resources: [
      {
        type: 'Microsoft.ApiManagement/service/loggers',
        apiVersion: APIM_TELEMETRY_API_VERSION,
        name: `[format('{0}/{1}', parameters('serviceName'), '${GATEWAY_LOGGER_NAME}')]`,
        properties: {
          loggerType: 'applicationInsights',
          description: 'Gateway requests and per-caller token metrics (Entra ID authenticated, no keys)',
          resourceId: "[parameters('insightsId')]",
          isBuffered: true,
          // The connection string only locates the component; the gateway's own identity signs in.
          credentials: { connectionString: "[parameters('connectionString')]", identityClientId: 'SystemAssigned' },
        },
      },
      {
        type: 'Microsoft.ApiManagement/service/diagnostics',
        apiVersion: APIM_TELEMETRY_API_VERSION,
        name: `[format('{0}/{1}', parameters('serviceName'), '${GATEWAY_DIAGNOSTIC_ID}')]`,
        dependsOn: [logger],
        properties: {
          loggerId: logger,
          alwaysLog: 'allErrors',
          sampling: { samplingType: 'fixed', percentage: 100 },
          verbosity: 'information',
          logClientIp: true,
          httpCorrelationProtocol: 'W3C',
          // Custom metrics on: what the token-metric policy needs to emit anything.
          metrics: true,
          frontend: { request: NO_BODIES, response: NO_BODIES },
          backend: { request: NO_BODIES, response: NO_BODIES },
        },
      },
    ],
  };
}

/**
 * Workspace-based Application Insights for the gateway (records land in the platform workspace's
 * AppRequests / AppMetrics tables), Entra ID ingestion only, no public query, retained; the
 * gateway's identity may publish to it; the logger and diagnostic that send request telemetry and
 * the per-caller token metrics. No public ingestion either: the platform stack scopes the component
 * into the network's Azure Monitor private link scope (TrainingNetwork.scopeMonitoring), and the
 * gateway in its subnet sends through the scope's private endpoint.
 */
export function createGatewayInsights(
  scope: Construct,
  r: ResolvedInferenceProps,
  at: Placement,
  gateway: ApiManagement,
  workspaceId: string,
): GatewayInsights {
  const insights = new ApplicationInsights(scope, 'gateway-insights', {
    name: r.names.insights,
    resourceGroupName: at.resourceGroupName,
    location: at.location,
    applicationType: 'other',
    workspaceId,
    localAuthenticationDisabled: true,
    internetIngestionEnabled: false,
    internetQueryEnabled: false,
    retentionInDays: GATEWAY_INSIGHTS_RETENTION_DAYS,
    tags: at.tags,
    lifecycle: { preventDestroy: true },
  });
  const publisher = new RoleAssignment(scope, 'gateway-metrics-publisher', {
    scope: insights.id,
    roleDefinitionName: METRICS_PUBLISHER_ROLE,
    principalId: gateway.identity.principalId,
    principalType: 'ServicePrincipal',
    description: 'API Management sends request telemetry and token metrics with its managed identity (no keys).',
  });
  const telemetry = new ResourceGroupTemplateDeployment(scope, 'gateway-telemetry', {
    name: `${r.names.gateway}-telemetry`,
    resourceGroupName: at.resourceGroupName,
    deploymentMode: 'Incremental',
    templateContent: JSON.stringify(gatewayTelemetryTemplate()),
    parametersContent: Fn.jsonencode({
      serviceName: { value: gateway.name },
      insightsId: { value: insights.id },
      connectionString: { value: insights.connectionString },
    }),
    tags: at.tags,
    dependsOn: [publisher],
  });
  // The pack reads azurerm diagnostics only; this one is ARM inside the template deployment above.
  waive(gateway, {
    ruleId: 'ZT-MONITORING-007',
    reason:
      `The Application Insights diagnostic ('${GATEWAY_DIAGNOSTIC_ID}', 100% sampling, W3C correlation) is created ` +
      `by the ARM template deployment ${r.names.gateway}-telemetry: azurerm 4.55 cannot express its managed-identity ` +
      'logger, so the pack cannot see it in the azurerm resources.',
  });
  return { insights, publisher, telemetry };
}
