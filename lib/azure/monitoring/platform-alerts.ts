import { Construct } from 'constructs';
import type { LogAnalyticsWorkspace } from '@cdktf/provider-azurerm/lib/log-analytics-workspace';
import { MonitorActionGroup } from '@cdktf/provider-azurerm/lib/monitor-action-group';
import { MonitorScheduledQueryRulesAlertV2 } from '@cdktf/provider-azurerm/lib/monitor-scheduled-query-rules-alert-v2';
import { validateOperations } from '../../core/operations';
import { DEFAULT_CONFIG, type OperationsSettings } from '../../core/config';

/** One KQL signal: the rule fires when the query's row count in 5 minutes exceeds `threshold`. */
export interface QuerySignal {
  readonly name: string;
  readonly description: string;
  readonly query: string;
  readonly threshold: number;
  /** 0 critical ... 4 verbose. */
  readonly severity: number;
}

export interface PlatformAlertsProps {
  readonly workspace: LogAnalyticsWorkspace;
  readonly resourceGroupName: string;
  readonly location: string;
  readonly namePrefix: string;
  /** Object ids / client ids allowed to submit AML jobs (the pipeline identities). @default [] (any submission alerts) */
  readonly jobSubmitterIds?: readonly string[];
  readonly operations?: Partial<OperationsSettings>;
  readonly tags?: Record<string, string>;
}

const kqlList = (xs: readonly string[]) => xs.map((x) => `"${x.replace(/"/g, '')}"`).join(', ');

/** The control- and data-plane signals, the Azure counterparts of the CloudTrail alarms. */
export function platformSignals(submitters: readonly string[], bulkReadThreshold: number): QuerySignal[] {
  const notSubmitter = submitters.length > 0 ? ` and Caller !in (${kqlList(submitters)})` : '';
  return [
    {
      name: 'key-disabled-or-deleted',
      description: 'A Key Vault key was deleted, purged or updated (disabling a key is a KeyUpdate)',
      query: 'AZKVAuditLogs | where OperationName in ("KeyDelete", "KeyPurge", "KeyUpdate")',
      threshold: 0,
      severity: 1,
    },
    {
      name: 'role-assignment-writes',
      description: 'A role assignment was created or deleted in the subscription',
      query:
        'AzureActivity | where OperationNameValue in~ ("MICROSOFT.AUTHORIZATION/ROLEASSIGNMENTS/WRITE", ' +
        '"MICROSOFT.AUTHORIZATION/ROLEASSIGNMENTS/DELETE") | where ActivityStatusValue =~ "Success"',
      threshold: 0,
      severity: 2,
    },
    {
      name: 'bulk-blob-reads',
      description: `More than ${bulkReadThreshold} blob reads in 5 minutes (possible exfiltration of training data)`,
      query: 'StorageBlobLogs | where OperationName in ("GetBlob", "ReadFile")',
      threshold: bulkReadThreshold,
      severity: 2,
    },
    {
      name: 'aml-job-by-other-identity',
      description: 'An Azure ML job was submitted by an identity other than the pipeline (GPU misuse)',
      query:
        'AzureActivity | where OperationNameValue =~ "MICROSOFT.MACHINELEARNINGSERVICES/WORKSPACES/JOBS/WRITE"' +
        notSubmitter,
      threshold: 0,
      severity: 2,
    },
  ];
}

/** A scheduled-query alert over the workspace, notifying the action group. */
export function queryAlert(
  scope: Construct,
  p: {
    workspaceId: string;
    resourceGroupName: string;
    location: string;
    namePrefix: string;
    actionGroupId: string;
    tags?: Record<string, string>;
  },
  s: QuerySignal,
): MonitorScheduledQueryRulesAlertV2 {
  return new MonitorScheduledQueryRulesAlertV2(scope, `alert-${s.name}`, {
    name: `${p.namePrefix}-${s.name}`,
    resourceGroupName: p.resourceGroupName,
    location: p.location,
    description: s.description,
    scopes: [p.workspaceId],
    severity: s.severity,
    evaluationFrequency: 'PT5M',
    windowDuration: 'PT5M',
    criteria: [
      {
        query: s.query,
        timeAggregationMethod: 'Count',
        operator: 'GreaterThan',
        threshold: s.threshold,
        failingPeriods: { minimumFailingPeriodsToTriggerAlert: 1, numberOfEvaluationPeriods: 1 },
      },
    ],
    action: { actionGroups: [p.actionGroupId] },
    tags: p.tags,
  });
}

/**
 * The Azure alerting: one action group with the configured e-mail contacts, and the KQL alerts of
 * platformSignals over the platform workspace. APIM alerts are a helper (apim-alerts.ts).
 */
export class PlatformAlerts extends Construct {
  public readonly actionGroup: MonitorActionGroup;
  public readonly alerts: readonly MonitorScheduledQueryRulesAlertV2[];

  constructor(scope: Construct, id: string, props: PlatformAlertsProps) {
    super(scope, id);
    const ops = validateOperations('PlatformAlertsProps.operations', {
      ...DEFAULT_CONFIG.operations,
      ...(props.operations ?? {}),
    });
    this.actionGroup = new MonitorActionGroup(this, 'action-group', {
      name: `${props.namePrefix}-security-alerts`,
      resourceGroupName: props.resourceGroupName,
      // Action group short names are at most 12 characters.
      shortName: 'zt-security',
      emailReceiver: ops.alertEmails.map((emailAddress, i) => ({
        name: `contact-${i + 1}`,
        emailAddress,
        useCommonAlertSchema: true,
      })),
      tags: props.tags,
    });
    const at = {
      workspaceId: props.workspace.id,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      namePrefix: props.namePrefix,
      actionGroupId: this.actionGroup.id,
      tags: props.tags,
    };
    this.alerts = platformSignals(props.jobSubmitterIds ?? [], ops.bulkReadThreshold).map((s) =>
      queryAlert(this, at, s),
    );
  }
}
