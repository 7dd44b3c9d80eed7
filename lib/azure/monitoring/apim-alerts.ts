import type { Construct } from 'constructs';
import type { MonitorScheduledQueryRulesAlertV2 } from '@cdktf/provider-azurerm/lib/monitor-scheduled-query-rules-alert-v2';
import { queryAlert } from './platform-alerts';

/**
 * Extraction and abuse alerts for one API Management instance, for the inference layer to call once
 * it sends the gateway's logs to the platform workspace (diagnostic setting, category GatewayLogs,
 * destination Dedicated). 429 spikes: a client hammering its quota; 401 spikes: key probing.
 * Scoped to the APIM instance's id through `_ResourceId`, so ZT-MONITORING-004 sees the instance in
 * the query and the workspace in the scope:
 *
 *   addApimAlerts(this, 'apim-alerts', { apimId: apim.id, workspaceId, actionGroupId, ... });
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
    tags?: Record<string, string>;
  },
): MonitorScheduledQueryRulesAlertV2[] {
  const at = { ...p, namePrefix: `${p.namePrefix}-${p.apimName}` };
  return [429, 401].map((code) =>
    queryAlert(scope, at, {
      name: `apim-${code}-spike`,
      description: `HTTP ${code} spike on API Management ${p.apimName}`,
      query: `ApiManagementGatewayLogs | where _ResourceId =~ "${p.apimId}" | where ResponseCode == ${code}`,
      threshold: p.threshold ?? 100,
      severity: 2,
    }),
  );
}
