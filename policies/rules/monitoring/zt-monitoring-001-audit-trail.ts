import type { ResourceGraph } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import { type Check, type CheckResult, Rule, fail, notApplicable, pass, unknown } from '../../engine/rule';
import { eachOf } from '../shared/combine';
import { isTrue, judgeSetting } from '../shared/expect';
import { requireCustomerKey } from '../shared/kms';
import { isPresent } from '../shared/read';
import { subscriptionTarget } from '../shared/subscription-target';

/**
 * The audit trail can be trusted: AWS CloudTrail records every region and the global services,
 * signs its log files (digest files), encrypts with a customer key and delivers to CloudWatch Logs
 * (where alarms read it); Azure exports the subscription's activity log categories that record
 * control-plane changes. One finding per property.
 */
interface TrailPaths {
  /** Whether the trail is recording (CloudFormation requires it; Terraform defaults to true). */
  logging: string;
  loggingDefault?: boolean;
  multiRegion: string;
  validation: string;
  globalEvents: string;
  key: string;
  cloudWatch: string;
}

const trail =
  (p: TrailPaths): Check =>
  (res, { graph }) =>
    eachOf([
      judgeSetting(
        graph,
        res,
        isTrue(p.logging, { providerDefault: p.loggingDefault, risk: 'the trail is stopped and records nothing' }),
      ),
      judgeSetting(
        graph,
        res,
        isTrue(p.multiRegion, { providerDefault: false, risk: 'activity in other regions is not recorded' }),
      ),
      judgeSetting(
        graph,
        res,
        isTrue(p.validation, { providerDefault: false, risk: 'altered or deleted log files go unnoticed' }),
      ),
      judgeSetting(
        graph,
        res,
        isTrue(p.globalEvents, { providerDefault: true, risk: 'IAM and STS calls are not recorded' }),
      ),
      requireCustomerKey(graph, res, p.key, 'the logs are encrypted with S3-managed keys only'),
      cloudWatch(graph, res, p.cloudWatch),
    ]);

function cloudWatch(g: ResourceGraph, res: Resource, path: string): CheckResult {
  return isPresent(g, res, path)
    ? pass(`${path} delivers the trail to CloudWatch Logs`, path)
    : fail(`${path} is not set, so no metric filter or alarm can watch the trail`, path);
}

/** Categories of the activity log that must be exported. */
const REQUIRED_ACTIVITY_CATEGORIES = ['Administrative', 'Security', 'Policy'];

function categories(g: ResourceGraph, res: Resource): { names: Set<string>; allLogs: boolean } | { unknown: string } {
  const names = new Set<string>();
  let allLogs = false;
  for (const block of ['enabled_log', 'log']) {
    const v = g.value(res, block);
    if (v.kind === 'absent') continue;
    if (v.kind !== 'literal' || !Array.isArray(v.value)) return { unknown: `${block} is not a static list of blocks` };
    for (const entry of v.value as Record<string, unknown>[]) {
      if (block === 'log' && entry.enabled === false) continue;
      if (typeof entry.category === 'string') names.add(entry.category.toLowerCase());
      else if (typeof entry.category_group === 'string') allLogs ||= /^(alllogs|audit)$/i.test(entry.category_group);
      else return { unknown: `a ${block} block's category is decided at plan time` };
    }
  }
  return { names, allLogs };
}

const activityLog: Check = (res, { graph }) => {
  const target = subscriptionTarget(graph, res);
  if (target === 'resource')
    return notApplicable('targets a resource, not a subscription (judged by ZT-MONITORING-002)');
  if (typeof target === 'object')
    return unknown(`target_resource_id cannot be decided at synth time: ${target.unknown}`, 'target_resource_id');
  const found = categories(graph, res);
  if ('unknown' in found) return unknown(found.unknown, 'enabled_log');
  if (found.allLogs) return pass('enabled_log exports every activity-log category (category group)', 'enabled_log');
  return eachOf(
    REQUIRED_ACTIVITY_CATEGORIES.map((c) =>
      found.names.has(c.toLowerCase())
        ? pass(`enabled_log exports ${c}`, 'enabled_log')
        : fail(`enabled_log does not export the ${c} category of the subscription activity log`, 'enabled_log'),
    ),
  );
};

/** Judged by this rule only: no Checkov trail check looks at them. */
const TRAIL_OTHERS = [
  'IsLogging',
  'enable_logging',
  'IncludeGlobalServiceEvents',
  'CloudWatchLogsLogGroupArn',
  'include_global_service_events',
  'cloud_watch_logs_group_arn',
];

export const auditTrailRule: Rule = {
  id: 'ZT-MONITORING-001',
  title: 'The audit trail is complete, signed and encrypted',
  severity: 'high',
  layer: 'monitoring',
  rationale:
    'Which data trained which model, who approved it and who changed a key or a role are answered only by the ' +
    'control-plane audit trail. A single-region trail misses activity in the other regions, an unsigned one can be ' +
    'edited without trace, and one outside CloudWatch Logs raises no alarm. On Azure the same record is the ' +
    'subscription activity log, which is kept only 90 days unless exported.',
  remediation:
    'AWS: a CloudTrail trail with IsLogging, IsMultiRegionTrail, EnableLogFileValidation and IncludeGlobalServiceEvents true, ' +
    'KMSKeyId a customer-managed key and CloudWatchLogsLogGroupArn / CloudWatchLogsRoleArn set (the AuditTrail ' +
    'construct). Azure: an azurerm_monitor_diagnostic_setting with target_resource_id = the subscription id and ' +
    'enabled_log blocks for Administrative, Security and Policy (the PlatformAudit construct).',
  controls: [
    { framework: 'NIST-800-53', id: 'AU-2' },
    { framework: 'NIST-800-53', id: 'AU-9' },
    { framework: 'NIST-800-53', id: 'AU-9(3)' },
    { framework: 'NIST-800-53', id: 'AU-10' },
    { framework: 'NIST-800-53', id: 'AU-12' },
    { framework: 'SOC2', id: 'CC7.2' },
    { framework: 'HIPAA', id: '164.312(b)' },
    { framework: 'GDPR', id: 'Art. 30' },
    { framework: 'ISO-27001', id: 'A.8.15' },
    { framework: 'ISO-42001', id: 'A.6.2.8' },
  ],
  equivalents: [
    {
      tool: 'checkov',
      id: 'CKV_AWS_35',
      resourceTypes: ['AWS::CloudTrail::Trail', 'aws_cloudtrail'],
      paths: ['KMSKeyId', 'kms_key_id'],
      ignores: TRAIL_OTHERS,
    },
    {
      tool: 'checkov',
      id: 'CKV_AWS_36',
      resourceTypes: ['AWS::CloudTrail::Trail', 'aws_cloudtrail'],
      paths: ['EnableLogFileValidation', 'enable_log_file_validation'],
      ignores: TRAIL_OTHERS,
    },
    {
      tool: 'checkov',
      id: 'CKV_AWS_67',
      resourceTypes: ['AWS::CloudTrail::Trail', 'aws_cloudtrail'],
      paths: ['IsMultiRegionTrail', 'is_multi_region_trail'],
      ignores: TRAIL_OTHERS,
    },
    {
      tool: 'checkov',
      id: 'CKV_AWS_251',
      resourceTypes: ['aws_cloudtrail'],
      paths: ['enable_logging'],
      ignores: TRAIL_OTHERS.filter((p) => p !== 'enable_logging'),
    },
    {
      tool: 'cdk-nag',
      id: 'NIST.800.53.R5-CloudTrailLogFileValidationEnabled',
      resourceTypes: ['AWS::CloudTrail::Trail'],
    },
    { tool: 'cdk-nag', id: 'NIST.800.53.R5-CloudTrailEncryptionEnabled', resourceTypes: ['AWS::CloudTrail::Trail'] },
    {
      tool: 'cdk-nag',
      id: 'NIST.800.53.R5-CloudTrailCloudWatchLogsEnabled',
      resourceTypes: ['AWS::CloudTrail::Trail'],
    },
  ],
  checks: {
    'AWS::CloudTrail::Trail': trail({
      logging: 'IsLogging',
      multiRegion: 'IsMultiRegionTrail',
      validation: 'EnableLogFileValidation',
      globalEvents: 'IncludeGlobalServiceEvents',
      key: 'KMSKeyId',
      cloudWatch: 'CloudWatchLogsLogGroupArn',
    }),
    aws_cloudtrail: trail({
      logging: 'enable_logging',
      loggingDefault: true,
      multiRegion: 'is_multi_region_trail',
      validation: 'enable_log_file_validation',
      globalEvents: 'include_global_service_events',
      key: 'kms_key_id',
      cloudWatch: 'cloud_watch_logs_group_arn',
    }),
    azurerm_monitor_diagnostic_setting: activityLog,
  },
};
