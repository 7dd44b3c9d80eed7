import { resolveConfig } from '../../lib/core/config';
import {
  APIM_TELEMETRY_API_VERSION,
  GATEWAY_DIAGNOSTIC_ID,
  GATEWAY_LOGGER_NAME,
  METRICS_PUBLISHER_ROLE,
} from '../../lib/azure/inference';
import { tokenSignal } from '../../lib/azure/monitoring';
import { AzurePlatformStack } from '../../stacks/azure-platform-stack';
import { allOf, atPath, Body, Found, synthStack, TfJson } from './synth';

/**
 * The gateway's token metrics, from the synthesized reference stack (once for the file): the
 * Application Insights component, the identity that may publish to it, the logger and diagnostic
 * (ARM template content, parsed back) and the token-budget alert over the workspace.
 */
const INF = 'azure-platform/inference';
let tf: TfJson;
let insights: Found;
let gateway: Found;
let deployment: Body;
let template: Body;
const resourceOf = (type: string) => (template.resources as Body[]).find((r) => r.type === type)!;

beforeAll(() => {
  tf = synthStack((app) => new AzurePlatformStack(app, 'azure-platform', resolveConfig({})));
  insights = atPath(tf, `${INF}/gateway-insights`);
  gateway = atPath(tf, `${INF}/gateway`);
  deployment = atPath(tf, `${INF}/gateway-telemetry`).body;
  template = JSON.parse(deployment.template_content);
});

describe('Application Insights of the gateway', () => {
  it('is workspace-based on the platform workspace, keyless, not queryable from the internet, retained', () => {
    expect(insights.body).toMatchObject({
      application_type: 'other',
      workspace_id: atPath(tf, 'azure-platform/training-network/workspace').ref('id'),
      local_authentication_disabled: true,
      internet_query_enabled: false,
      retention_in_days: 90,
      lifecycle: { prevent_destroy: true },
    });
  });

  it('takes no ingestion from public networks, only Entra ID-authenticated (through the monitor scope)', () => {
    expect(insights.body.internet_ingestion_enabled).toBe(false);
    expect(insights.body.local_authentication_disabled).toBe(true);
    // Private-only ingestion would drop every record unless the component is in the network's scope.
    const scoped = allOf(tf, 'azurerm_monitor_private_link_scoped_service').map((s) => s.body.linked_resource_id);
    expect(scoped).toContain(insights.ref('id'));
  });

  it("lets only the gateway's identity publish to it", () => {
    const publishers = allOf(tf, 'azurerm_role_assignment').filter((a) => a.body.scope === insights.ref('id'));
    expect(publishers.map((p) => p.body)).toEqual([
      expect.objectContaining({
        role_definition_name: METRICS_PUBLISHER_ROLE,
        principal_id: gateway.ref('identity[0].principal_id'),
        principal_type: 'ServicePrincipal',
      }),
    ]);
  });
});

describe('APIM logger and applicationinsights diagnostic (ARM, from the template content)', () => {
  it('deploys incrementally into the inference group, after the publisher role exists', () => {
    expect(deployment).toMatchObject({
      deployment_mode: 'Incremental',
      resource_group_name: atPath(tf, `${INF}/resource-group`).ref('name'),
      depends_on: [`azurerm_role_assignment.${atPath(tf, `${INF}/gateway-metrics-publisher`).name}`],
    });
    for (const r of template.resources as Body[]) expect(r.apiVersion).toBe(APIM_TELEMETRY_API_VERSION);
  });

  it("signs the logger in with the gateway's system-assigned identity; the connection string only locates", () => {
    const logger = resourceOf('Microsoft.ApiManagement/service/loggers');
    expect(logger.name).toContain(`'${GATEWAY_LOGGER_NAME}'`);
    expect(logger.properties).toMatchObject({
      loggerType: 'applicationInsights',
      resourceId: "[parameters('insightsId')]",
      credentials: { connectionString: "[parameters('connectionString')]", identityClientId: 'SystemAssigned' },
    });
    expect(JSON.stringify(logger)).not.toMatch(/instrumentationKey/i);
    expect(template.parameters.connectionString).toEqual({ type: 'securestring' });
    const params = deployment.parameters_content as string;
    expect(params).toContain(`${gateway.ref('name').slice(2, -1)}`);
    expect(params).toContain(`${insights.ref('id').slice(2, -1)}`);
    expect(params).toContain(`${insights.ref('connection_string').slice(2, -1)}`);
  });

  it('logs every call with custom metrics on, and no request or response body bytes anywhere', () => {
    const diag = resourceOf('Microsoft.ApiManagement/service/diagnostics');
    expect(diag.name).toContain(`'${GATEWAY_DIAGNOSTIC_ID}'`);
    expect(diag.dependsOn).toEqual([diag.properties.loggerId]);
    expect(diag.properties.loggerId).toContain(`'${GATEWAY_LOGGER_NAME}'`);
    expect(diag.properties).toMatchObject({
      metrics: true,
      sampling: { samplingType: 'fixed', percentage: 100 },
      alwaysLog: 'allErrors',
    });
    for (const side of ['frontend', 'backend'])
      for (const message of ['request', 'response'])
        expect(diag.properties[side][message]).toEqual({ headers: [], body: { bytes: 0 } });
  });
});

describe('token-budget alert', () => {
  const alert = () =>
    allOf(tf, 'azurerm_monitor_scheduled_query_rules_alert_v2').find((a) => a.name.includes('token-budget'))!;

  it("reads the token metric per caller from the gateway component's AppMetrics records", () => {
    const { query, threshold, operator, time_aggregation_method } = alert().body.criteria[0];
    expect(query).toContain(`AppMetrics | where _ResourceId =~ "${insights.ref('id')}"`);
    expect(query).toContain('where Name == "Total Tokens"');
    expect(query).toContain('by Caller = tostring(Properties["Caller"])');
    // 80 % of 5000 tokens per minute over the 5-minute window.
    expect(query).toContain('where Tokens > 20000');
    expect({ threshold, operator, time_aggregation_method }).toEqual({
      threshold: 0,
      operator: 'GreaterThan',
      time_aggregation_method: 'Count',
    });
  });

  it('runs over the platform workspace every 5 minutes and notifies the action group', () => {
    expect(alert().body).toMatchObject({
      scopes: [atPath(tf, 'azure-platform/training-network/workspace').ref('id')],
      evaluation_frequency: 'PT5M',
      window_duration: 'PT5M',
      action: { action_groups: [allOf(tf, 'azurerm_monitor_action_group')[0].ref('id')] },
    });
  });

  it.each([0, -5, 1.5])('rejects a budget of %p tokens, naming the prop', (perCallerPer5Minutes) => {
    expect(() => tokenSignal('apim', { insightsId: 'x', perCallerPer5Minutes })).toThrow(
      expect.objectContaining({ prop: 'addApimAlerts.tokens.perCallerPer5Minutes' }),
    );
  });
});
