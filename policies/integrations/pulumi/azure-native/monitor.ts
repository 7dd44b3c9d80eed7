import { type Props, type Reader, defined, list, obj } from './read';

/**
 * Azure Monitor (azure-native:insights): a diagnostic setting names its target in resourceUri and
 * its destinations as workspaceId / storageAccountId / eventHubAuthorizationRuleId /
 * marketplacePartnerId; `logs` items with enabled false export nothing (azurerm keeps only the
 * enabled ones, as enabled_log). A subscription diagnostic setting targets the deploying
 * subscription, whose id the program does not state: `/subscriptions/<unknown>`. Alerts name what
 * they watch in `scopes`.
 */
const logs = (v: unknown): unknown => {
  const items = list(v);
  if (!items) return typeof v === 'string' ? v : undefined; // unknown at preview
  const undecided = items.find((l) => l.enabled !== true && l.enabled !== false && l.enabled !== undefined);
  if (undecided) return undecided.enabled; // whether it exports is decided at apply time
  return items
    .filter((l) => l.enabled !== false)
    .map((l) => defined({ category: l.category, category_group: l.categoryGroup }));
};

const destinations = (p: Props) => ({
  log_analytics_workspace_id: p.workspaceId,
  storage_account_id: p.storageAccountId,
  eventhub_authorization_rule_id: p.eventHubAuthorizationRuleId,
  eventhub_name: p.eventHubName,
  partner_solution_id: p.marketplacePartnerId,
});

function diagnosticSetting(p: Props): Props {
  return defined({ name: p.name, target_resource_id: p.resourceUri, ...destinations(p), enabled_log: logs(p.logs) });
}

/** The engine's own unknown: translate.ts keeps it as is (a composed `/subscriptions/${...}`). */
export const SUBSCRIPTION_OF_DEPLOYMENT = '/subscriptions/${unknown("the deploying subscription")}';

function subscriptionDiagnosticSetting(p: Props): Props {
  return defined({
    name: p.name,
    target_resource_id: SUBSCRIPTION_OF_DEPLOYMENT,
    ...destinations(p),
    enabled_log: logs(p.logs),
  });
}

const alert = (p: Props): Props => defined({ name: p.ruleName, scopes: p.scopes, enabled: p.enabled });

/** A metric alert's actions[] (each an action group) are azurerm's action blocks. */
const metricAlert = (p: Props): Props =>
  defined({
    ...alert(p),
    action: list(p.actions)?.map((a) => defined({ action_group_id: a.actionGroupId })) ?? p.actions,
  });

/** An activity-log alert's actions.actionGroups[] (each with its actionGroupId) are azurerm's action blocks. */
const activityLogAlert = (p: Props): Props => {
  const groups = typeof p.actions === 'string' ? p.actions : obj(p.actions).actionGroups;
  return defined({
    name: p.activityLogAlertName,
    scopes: p.scopes,
    enabled: p.enabled,
    action:
      typeof groups === 'string' ? groups : list(groups)?.map((a) => defined({ action_group_id: a.actionGroupId })),
  });
};

/** A scheduled query rule's actions.actionGroups is azurerm's action.action_groups. */
const queryAlert = (p: Props): Props =>
  defined({
    ...alert(p),
    // An actions object unknown at preview stays unknown.
    action:
      typeof p.actions === 'string' || p.actions === undefined
        ? p.actions
        : defined({ action_groups: obj(p.actions).actionGroups }),
  });

/** A Log Analytics workspace: its retention (ZT-MONITORING-003). */
const workspace = (p: Props): Props =>
  defined({ name: p.workspaceName, sku: obj(p.sku).name, retention_in_days: p.retentionInDays });

export const MONITOR: Readonly<Record<string, Reader>> = {
  'azure-native:operationalinsights:Workspace': { type: 'azurerm_log_analytics_workspace', read: workspace },
  'azure-native:insights:DiagnosticSetting': {
    type: 'azurerm_monitor_diagnostic_setting',
    read: diagnosticSetting,
    links: [{ prop: 'resourceUri', at: 'target_resource_id' }],
  },
  'azure-native:insights:SubscriptionDiagnosticSetting': {
    type: 'azurerm_monitor_diagnostic_setting',
    read: subscriptionDiagnosticSetting,
  },
  'azure-native:insights:ActivityLogAlert': { type: 'azurerm_monitor_activity_log_alert', read: activityLogAlert },
  'azure-native:insights:MetricAlert': {
    type: 'azurerm_monitor_metric_alert',
    read: metricAlert,
    links: [{ prop: 'scopes', at: 'scopes.*' }],
  },
  'azure-native:insights:ScheduledQueryRule': {
    type: 'azurerm_monitor_scheduled_query_rules_alert_v2',
    read: queryAlert,
    links: [{ prop: 'scopes', at: 'scopes.*' }],
  },
};
