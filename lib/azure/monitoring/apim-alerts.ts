import type { Construct } from 'constructs';
import type { MonitorScheduledQueryRulesAlertV2 } from '@cdktf/provider-azurerm/lib/monitor-scheduled-query-rules-alert-v2';
import { BlueprintConfigError } from '../../core/errors';
import { type QuerySignal, queryAlert } from './platform-alerts';

/**
 * Extraction and abuse alerts for one API Management instance, for the inference layer to call once
 * it sends the gateway's logs to the platform workspace (diagnostic setting, category GatewayLogs,
 * destination Dedicated). 429 spikes: a client hammering its quota; 401 spikes: key probing.
 * Scoped to the APIM instance's id through `_ResourceId`, so ZT-MONITORING-004 sees the instance in
 * the query and the workspace in the scope:
 *
 *   addApimAlerts(this, 'apim-alerts', { apimId: apim.id, workspaceId, actionGroupId, ... });
 *
 * With `tokens`, a third alert fires when any caller used more tokens in 5 minutes than its budget:
 * it reads the token metric the gateway's token-metric policy sends to its workspace-based
 * Application Insights (table AppMetrics, one row per aggregate with Sum and the dimensions in
 * Properties), so it fires on tokens actually counted rather than on call counts.
 */
export function addApimAlerts(
  scope: Construct,
  p: {
    apimId: string;
    apimName: string;
    workspaceId: string;
    actionGroupId: string;
    resourceGroupName: string;
    location: string;
    namePrefix: string;
    /** Responses per 5 minutes above which an alert fires. @default 100 */
    threshold?: number;
    /** Per-caller token alert over the gateway's Application Insights. @default none */
    tokens?: {
      /** Resource ID of the workspace-based Application Insights the logger writes to. */
      insightsId: string;
      /** Tokens one caller may use in 5 minutes before the alert fires. */
      perCallerPer5Minutes: number;
      /** @default "Total Tokens" */
      metricName?: string;
      /** @default "Caller" */
      callerDimension?: string;
    };
    tags?: Record<string, string>;
  },
): MonitorScheduledQueryRulesAlertV2[] {
  const at = { ...p, namePrefix: `${p.namePrefix}-${p.apimName}` };
  const alerts = [429, 401].map((code) =>
    queryAlert(scope, at, {
      name: `apim-${code}-spike`,
      description: `HTTP ${code} spike on API Management ${p.apimName}`,
      query: `ApiManagementGatewayLogs | where _ResourceId =~ "${p.apimId}" | where ResponseCode == ${code}`,
      threshold: p.threshold ?? 100,
      severity: 2,
    }),
  );
  if (p.tokens) alerts.push(queryAlert(scope, at, tokenSignal(p.apimName, p.tokens)));
  return alerts;
}

/** One row per caller over its 5-minute token budget; the rule fires on any row. */
export function tokenSignal(
  apimName: string,
  t: NonNullable<Parameters<typeof addApimAlerts>[1]['tokens']>,
): QuerySignal {
  if (!Number.isInteger(t.perCallerPer5Minutes) || t.perCallerPer5Minutes < 1) {
    throw new BlueprintConfigError(
      'addApimAlerts.tokens.perCallerPer5Minutes',
      'a positive integer',
      t.perCallerPer5Minutes,
    );
  }
  const metric = (t.metricName ?? 'Total Tokens').replace(/"/g, '');
  const dim = (t.callerDimension ?? 'Caller').replace(/"/g, '');
  return {
    name: 'apim-token-budget',
    description: `A caller of API Management ${apimName} used more than ${t.perCallerPer5Minutes} tokens in 5 minutes`,
    query:
      `AppMetrics | where _ResourceId =~ "${t.insightsId}" | where Name == "${metric}" ` +
      `| summarize Tokens = sum(Sum) by Caller = tostring(Properties["${dim}"]) ` +
      `| where Tokens > ${t.perCallerPer5Minutes}`,
    threshold: 0,
    severity: 2,
  };
}
