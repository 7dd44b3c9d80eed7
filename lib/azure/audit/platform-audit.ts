import { Construct } from 'constructs';
import type { LogAnalyticsWorkspace } from '@cdktf/provider-azurerm/lib/log-analytics-workspace';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { SecurityCenterSubscriptionPricing } from '@cdktf/provider-azurerm/lib/security-center-subscription-pricing';
import { validateGuid } from '../validate';

/** A resource the audit layer sends diagnostics for: its id and the log categories it emits. */
export interface DiagnosedResource {
  /** Construct id suffix, e.g. "key-vault". */
  readonly name: string;
  /** Resource id, or a sub-service id such as `${account.id}/blobServices/default`. */
  readonly targetResourceId: string;
  /** Log categories (Key Vault: AuditEvent; blob service: StorageRead/StorageWrite/StorageDelete). */
  readonly categories: readonly string[];
}

export interface PlatformAuditProps {
  /** The platform's Log Analytics workspace (TrainingNetwork.workspace: retention >= 90 days, local auth off). */
  readonly workspace: LogAnalyticsWorkspace;
  readonly subscriptionId: string;
  /** Resources to diagnose; each gets one diagnostic setting into the workspace. */
  readonly resources: readonly DiagnosedResource[];
  /** Defender for Cloud plans (subscription-wide, billed per resource): opt-in. @default false */
  readonly defenderPlans?: boolean;
}

/** Activity-log categories exported from the subscription: who changed what, security and policy events. */
export const ACTIVITY_LOG_CATEGORIES = ['Administrative', 'Security', 'Policy', 'Alert'];

/** Defender plans for the platform's services: AI services, Key Vault, Storage, Resource Manager. */
export const DEFENDER_PLANS = ['AI', 'KeyVaults', 'StorageAccounts', 'Arm'];

/**
 * The Azure audit layer, into the one Log Analytics workspace the training network owns:
 * - a diagnostic setting per blueprint resource that lacks one (Key Vault audit events, blob/dfs
 *   reads, writes and deletes: dfs operations are logged under the blob service), resource-specific
 *   tables (`Dedicated`) so the alert queries read AZKVAuditLogs / StorageBlobLogs;
 * - the subscription's activity log (Administrative, Security, Policy, Alert);
 * - Defender for Cloud plans, behind the opt-in flag.
 * Workspace CMK: Log Analytics encrypts with a customer key only through a dedicated cluster
 * (azurerm_log_analytics_cluster, 100 GB/day commitment tier minimum); not created here.
 */
export class PlatformAudit extends Construct {
  public readonly diagnosticSettings: Readonly<Record<string, MonitorDiagnosticSetting>>;
  public readonly activityLog: MonitorDiagnosticSetting;
  public readonly defenderPlans: readonly SecurityCenterSubscriptionPricing[];

  constructor(scope: Construct, id: string, props: PlatformAuditProps) {
    super(scope, id);
    const subscription = validateGuid('PlatformAuditProps.subscriptionId', props.subscriptionId);
    const settings: Record<string, MonitorDiagnosticSetting> = {};
    for (const r of props.resources) {
      settings[r.name] = new MonitorDiagnosticSetting(this, `diag-${r.name}`, {
        name: 'zt-audit',
        targetResourceId: r.targetResourceId,
        logAnalyticsWorkspaceId: props.workspace.id,
        logAnalyticsDestinationType: 'Dedicated',
        enabledLog: r.categories.map((category) => ({ category })),
        enabledMetric: [{ category: 'AllMetrics' }],
      });
    }
    this.diagnosticSettings = settings;
    this.activityLog = new MonitorDiagnosticSetting(this, 'activity-log', {
      name: 'zt-activity-log',
      targetResourceId: `/subscriptions/${subscription}`,
      logAnalyticsWorkspaceId: props.workspace.id,
      enabledLog: ACTIVITY_LOG_CATEGORIES.map((category) => ({ category })),
    });
    this.defenderPlans = props.defenderPlans
      ? DEFENDER_PLANS.map(
          (resourceType) =>
            new SecurityCenterSubscriptionPricing(this, `defender-${resourceType.toLowerCase()}`, {
              tier: 'Standard',
              resourceType,
            }),
        )
      : [];
  }
}
