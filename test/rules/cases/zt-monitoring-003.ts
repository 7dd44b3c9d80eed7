import { logRetentionRule } from '../../../policies/rules/monitoring/zt-monitoring-003-log-retention';
import { RuleCases, cfn, tf } from '../helpers';

const group = (props: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  cfn(
    {
      Key: { Type: 'AWS::KMS::Key', Properties: { KeyPolicy: {} } },
      Logs: { Type: 'AWS::Logs::LogGroup', Properties: { KmsKeyId: { 'Fn::GetAtt': ['Key', 'Arn'] }, ...props } },
    },
    extra,
  );
const tfGroup = (args: Record<string, unknown>) =>
  tf({
    aws_kms_key: { k: {} },
    aws_cloudwatch_log_group: { g: { name: 'g', kms_key_id: '${aws_kms_key.k.arn}', ...args } },
  });
const workspace = (args: Record<string, unknown>) =>
  tf({ azurerm_log_analytics_workspace: { w: { name: 'w', location: 'x', resource_group_name: 'rg', ...args } } });

export const cases: RuleCases = {
  rule: logRetentionRule,
  cases: [
    { name: 'log group kept 90 days, CMK', doc: group({ RetentionInDays: 90 }), address: 'Logs', verdict: 'pass' },
    { name: 'log group without retention (never expires), CMK', doc: group({}), address: 'Logs', verdict: 'pass' },
    {
      name: 'log group kept 30 days',
      doc: group({ RetentionInDays: 30 }),
      address: 'Logs',
      verdict: 'fail',
      path: 'RetentionInDays',
    },
    {
      name: 'log group without a KMS key',
      doc: group({ RetentionInDays: 365, KmsKeyId: undefined }),
      address: 'Logs',
      verdict: 'fail',
      path: 'KmsKeyId',
    },
    {
      name: 'log group retention from a parameter',
      doc: group({ RetentionInDays: { Ref: 'Days' } }, { Parameters: { Days: { Type: 'Number' } } }),
      address: 'Logs',
      verdict: 'unknown',
      path: 'RetentionInDays',
    },
    {
      name: 'aws_cloudwatch_log_group kept 365 days',
      doc: tfGroup({ retention_in_days: 365 }),
      address: 'aws_cloudwatch_log_group.g',
      verdict: 'pass',
    },
    {
      name: 'aws_cloudwatch_log_group retention 0 (never expires)',
      doc: tfGroup({ retention_in_days: 0 }),
      address: 'aws_cloudwatch_log_group.g',
      verdict: 'pass',
    },
    {
      name: 'aws_cloudwatch_log_group kept 14 days without a key',
      doc: tfGroup({ retention_in_days: 14, kms_key_id: undefined }),
      address: 'aws_cloudwatch_log_group.g',
      verdict: 'fail',
      failingPaths: ['retention_in_days', 'kms_key_id'],
    },
    {
      name: 'aws_cloudwatch_log_group retention from a variable',
      doc: tfGroup({ retention_in_days: '${var.days}' }),
      address: 'aws_cloudwatch_log_group.g',
      verdict: 'unknown',
    },
    {
      name: 'workspace kept 90 days',
      doc: workspace({ retention_in_days: 90 }),
      address: 'azurerm_log_analytics_workspace.w',
      verdict: 'pass',
    },
    {
      name: 'workspace with the default retention (30 days)',
      doc: workspace({}),
      address: 'azurerm_log_analytics_workspace.w',
      verdict: 'fail',
      path: 'retention_in_days',
    },
    {
      name: 'workspace retention from a variable',
      doc: workspace({ retention_in_days: '${var.days}' }),
      address: 'azurerm_log_analytics_workspace.w',
      verdict: 'unknown',
    },
  ],
};
