import { auditTrailRule } from '../../../policies/rules/monitoring/zt-monitoring-001-audit-trail';
import { RuleCases, cfn, tf } from '../helpers';

const KEY = { Type: 'AWS::KMS::Key', Properties: { KeyPolicy: {} } };
const trail = (props: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  cfn(
    {
      Key: KEY,
      Trail: {
        Type: 'AWS::CloudTrail::Trail',
        Properties: {
          IsLogging: true,
          S3BucketName: 'audit',
          IsMultiRegionTrail: true,
          EnableLogFileValidation: true,
          IncludeGlobalServiceEvents: true,
          KMSKeyId: { 'Fn::GetAtt': ['Key', 'Arn'] },
          CloudWatchLogsLogGroupArn: 'arn:aws:logs:eu-west-1:111122223333:log-group:audit:*',
          CloudWatchLogsRoleArn: 'arn:aws:iam::111122223333:role/trail',
          ...props,
        },
      },
    },
    extra,
  );
const tfTrail = (args: Record<string, unknown>) =>
  tf({
    aws_kms_key: { k: {} },
    aws_cloudtrail: {
      t: {
        name: 't',
        s3_bucket_name: 'audit',
        is_multi_region_trail: true,
        enable_log_file_validation: true,
        kms_key_id: '${aws_kms_key.k.arn}',
        cloud_watch_logs_group_arn: 'arn:aws:logs:eu-west-1:111122223333:log-group:audit:*',
        ...args,
      },
    },
  });
const ALL = ['Administrative', 'Security', 'Policy'];
const activity = (target: unknown, categories: readonly string[] = ALL, extra: Record<string, unknown> = {}) =>
  tf({
    azurerm_monitor_diagnostic_setting: {
      a: {
        name: 'activity',
        target_resource_id: target,
        log_analytics_workspace_id: 'ws',
        enabled_log: categories.map((category) => ({ category })),
        ...extra,
      },
    },
  });

export const cases: RuleCases = {
  rule: auditTrailRule,
  cases: [
    { name: 'multi-region, validated, CMK, CloudWatch trail', doc: trail({}), address: 'Trail', verdict: 'pass' },
    {
      name: 'stopped trail (IsLogging false)',
      doc: trail({ IsLogging: false }),
      address: 'Trail',
      verdict: 'fail',
      path: 'IsLogging',
    },
    {
      name: 'trail without log file validation',
      doc: trail({ EnableLogFileValidation: false }),
      address: 'Trail',
      verdict: 'fail',
      path: 'EnableLogFileValidation',
    },
    {
      name: 'single-region trail (default) without a KMS key or CloudWatch delivery',
      doc: trail({ IsMultiRegionTrail: undefined, KMSKeyId: undefined, CloudWatchLogsLogGroupArn: undefined }),
      address: 'Trail',
      verdict: 'fail',
      failingPaths: ['IsMultiRegionTrail', 'KMSKeyId', 'CloudWatchLogsLogGroupArn'],
    },
    {
      name: 'trail excluding global service events',
      doc: trail({ IncludeGlobalServiceEvents: false }),
      address: 'Trail',
      verdict: 'fail',
      path: 'IncludeGlobalServiceEvents',
    },
    {
      name: 'trail key from a parameter',
      doc: trail({ KMSKeyId: { Ref: 'K' } }, { Parameters: { K: { Type: 'String' } } }),
      address: 'Trail',
      verdict: 'unknown',
      path: 'KMSKeyId',
    },
    { name: 'aws_cloudtrail, complete', doc: tfTrail({}), address: 'aws_cloudtrail.t', verdict: 'pass' },
    {
      name: 'aws_cloudtrail stopped (enable_logging false)',
      doc: tfTrail({ enable_logging: false }),
      address: 'aws_cloudtrail.t',
      verdict: 'fail',
      path: 'enable_logging',
    },
    {
      name: 'aws_cloudtrail with provider defaults (single region, no validation)',
      doc: tfTrail({ is_multi_region_trail: undefined, enable_log_file_validation: undefined }),
      address: 'aws_cloudtrail.t',
      verdict: 'fail',
      failingPaths: ['is_multi_region_trail', 'enable_log_file_validation'],
    },
    {
      name: 'aws_cloudtrail key from a variable',
      doc: tfTrail({ kms_key_id: '${var.key}' }),
      address: 'aws_cloudtrail.t',
      verdict: 'unknown',
      path: 'kms_key_id',
    },
    {
      name: 'subscription activity log with Administrative, Security and Policy',
      doc: activity('/subscriptions/00000000-0000-0000-0000-000000000001'),
      address: 'azurerm_monitor_diagnostic_setting.a',
      verdict: 'pass',
    },
    {
      name: 'subscription (from a variable) activity log by category group allLogs',
      doc: activity('/subscriptions/${var.subscription}', [], { enabled_log: [{ category_group: 'allLogs' }] }),
      address: 'azurerm_monitor_diagnostic_setting.a',
      verdict: 'pass',
    },
    {
      name: 'subscription activity log without the Policy category',
      doc: activity('/subscriptions/00000000-0000-0000-0000-000000000001', ['Administrative', 'Security']),
      address: 'azurerm_monitor_diagnostic_setting.a',
      verdict: 'fail',
      path: 'enabled_log',
      message: /Policy/,
    },
    {
      name: 'diagnostic setting whose target is decided at plan time',
      doc: activity('${var.target}'),
      address: 'azurerm_monitor_diagnostic_setting.a',
      verdict: 'unknown',
      path: 'target_resource_id',
    },
    {
      name: 'diagnostic setting of a resource (not the activity log)',
      doc: activity('/subscriptions/x/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/v', ['AuditEvent']),
      address: 'azurerm_monitor_diagnostic_setting.a',
      verdict: 'not_applicable',
    },
  ],
};
