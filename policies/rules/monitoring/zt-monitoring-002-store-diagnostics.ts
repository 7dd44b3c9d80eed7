import type { ResourceGraph } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import { type Check, type CheckResult, Rule, fail, notApplicable, pass, unknown } from '../../engine/rule';
import { DIAGNOSTIC_SETTING } from '../shared/companion-specs';
import { withCompanions } from '../shared/companions';
import { CFN_TRAIL, TF_TRAIL, type TrailShape, dataEventCoverage, isLogStore } from '../shared/data-events';
import { judgeLogExport } from '../shared/diagnostic-setting';

/**
 * Every data and model store records who read and wrote it: S3 buckets through a CloudTrail
 * data-event selector (reads and writes) of a trail in the deployment; Azure stores through an
 * azurerm_monitor_diagnostic_setting on the resource (or its blob service) that sends logs somewhere.
 * Log stores (a trail's delivery bucket, an access-log destination) are not data stores.
 */
const bucket =
  (s: TrailShape, nameProp: string): Check =>
  (res, { graph }) => {
    const log = isLogStore(graph, res, s);
    if (log) return notApplicable(`a log store (${log}), not a data store`);
    const c = dataEventCoverage(graph, res, s, nameProp);
    switch (c.kind) {
      case 'all':
        return pass(`a ${s.type} records reads and writes of its objects (${c.path})`, s.type);
      case 'partial':
        return fail(
          `the ${s.type} selector records only ${c.which} data events: reads or writes of training data go unrecorded`,
          s.type,
        );
      case 'unknown':
        return unknown(
          `whether a ${s.type} records this bucket's data events cannot be decided at synth time: ${c.reason}`,
          s.type,
        );
      default:
        return fail(
          `no ${s.type} in the deployment records data events for this bucket, so who read its data is unknown`,
          s.type,
        );
    }
  };

/** A diagnostic setting that sends at least one log category to a destination. */
const judgeDiagnostic = (g: ResourceGraph, d: Resource): CheckResult =>
  judgeLogExport(g, d, 'any', {
    what: 'a log category',
    missing: 'exports metrics only: no enabled_log, so data-plane access is not recorded',
  });

const store: Check = withCompanions({
  spec: DIAGNOSTIC_SETTING,
  judge: judgeDiagnostic,
  inline: () =>
    fail(
      'no azurerm_monitor_diagnostic_setting targets this store, so its data-plane access is not recorded',
      DIAGNOSTIC_SETTING.type,
    ),
});

export const storeDiagnosticsRule: Rule = {
  id: 'ZT-MONITORING-002',
  title: 'Every data and model store records its data-plane access',
  severity: 'medium',
  layer: 'monitoring',
  rationale:
    'Lineage (which data trained which model) and exfiltration detection both need a record of every read of ' +
    'training data and every write of a model, by whom. Control-plane logs do not show object reads: on AWS only ' +
    'CloudTrail data events do, on Azure only the resource diagnostic logs (StorageRead, AuditEvent, job and ' +
    'registry events).',
  remediation:
    'AWS: a trail whose EventSelectors DataResources (Type AWS::S3::Object) or AdvancedEventSelectors name the ' +
    'bucket ARN (or all S3 objects), ReadWriteType All (AuditTrail adds one for every lake zone). Azure: an ' +
    'azurerm_monitor_diagnostic_setting with target_resource_id = the store (a storage account\u2019s ' +
    '`/blobServices/default`), enabled_log categories and log_analytics_workspace_id (PlatformAudit).',
  controls: [
    { framework: 'NIST-800-53', id: 'AU-2' },
    { framework: 'NIST-800-53', id: 'AU-12' },
    { framework: 'SOC2', id: 'CC7.2' },
    { framework: 'HIPAA', id: '164.312(b)' },
    { framework: 'GDPR', id: 'Art. 30' },
    { framework: 'ISO-27001', id: 'A.8.15' },
    { framework: 'ISO-42001', id: 'A.7.5' },
  ],
  equivalents: [],
  reads: ['AWS::CloudTrail::Trail', 'aws_cloudtrail', 'azurerm_monitor_diagnostic_setting'],
  checks: {
    'AWS::S3::Bucket': bucket(CFN_TRAIL, 'BucketName'),
    aws_s3_bucket: bucket(TF_TRAIL, 'bucket'),
    azurerm_storage_account: store,
    azurerm_key_vault: store,
    azurerm_machine_learning_workspace: store,
    azurerm_container_registry: store,
    azurerm_cognitive_account: store,
  },
};
