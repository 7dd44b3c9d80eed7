import type { ResourceGraph } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import { type Check, type CheckResult, Rule, fail, pass } from '../../engine/rule';
import { eachOf } from '../shared/combine';
import { atLeast, setting } from '../shared/expect';
import { requireCustomerKey } from '../shared/kms';
import { readNumber, unknownAt } from '../shared/read';

/** Days of online audit records an investigation needs (and the platform's default). */
const MIN_LOG_RETENTION_DAYS = 90;

/**
 * CloudWatch Logs: absent (or 0 in Terraform) retention means "never expire", which keeps the
 * records longer than any threshold: it passes (the cost is the owner's choice, not a security gap).
 */
function cloudWatchRetention(g: ResourceGraph, res: Resource, path: string): CheckResult {
  const v = readNumber(g, res, path);
  if (v.kind === 'unknown') return unknownAt(path, v.reason);
  if (v.kind === 'absent' || v.value === 0) return pass(`${path} is not set: records never expire`, path);
  return v.value >= MIN_LOG_RETENTION_DAYS
    ? pass(`${path} is ${v.value}`, path)
    : fail(
        `${path} is ${v.value}: records are gone before an investigation needs them; set it to at least ${MIN_LOG_RETENTION_DAYS}`,
        path,
      );
}

const logGroup =
  (retention: string, key: string): Check =>
  (res, { graph }) =>
    eachOf([
      cloudWatchRetention(graph, res, retention),
      requireCustomerKey(graph, res, key, 'the records are encrypted only with the service key'),
    ]);

export const logRetentionRule: Rule = {
  id: 'ZT-MONITORING-003',
  title: 'Logs are kept at least 90 days and encrypted with a customer key',
  severity: 'medium',
  layer: 'monitoring',
  rationale:
    'Model extraction, data poisoning and credential misuse are often found weeks after they start; logs that ' +
    'expire sooner leave nothing to investigate. Logs name buckets, principals and prompts, so they are encrypted ' +
    'with a key the platform controls (CloudWatch Logs). Log Analytics encrypts at rest with platform keys; a ' +
    'customer key needs a dedicated cluster, so only its retention is judged here.',
  remediation:
    'AWS: RetentionInDays / retention_in_days of at least 90 (or unset: never expire) and KmsKeyId / kms_key_id ' +
    'a customer-managed key whose policy lets logs.<region>.amazonaws.com use it for this log group. Azure: ' +
    'retention_in_days of at least 90 on azurerm_log_analytics_workspace (the default is 30).',
  controls: [
    { framework: 'NIST-800-53', id: 'AU-9' },
    { framework: 'NIST-800-53', id: 'AU-11' },
    { framework: 'SOC2', id: 'CC7.2' },
    { framework: 'HIPAA', id: '164.312(b)' },
    { framework: 'ISO-27001', id: 'A.8.15' },
    { framework: 'ISO-42001', id: 'A.6.2.8' },
  ],
  equivalents: [
    {
      tool: 'checkov',
      id: 'CKV_AWS_158',
      resourceTypes: ['AWS::Logs::LogGroup', 'aws_cloudwatch_log_group'],
      paths: ['KmsKeyId', 'kms_key_id'],
      // Retention is ours alone (Checkov's CKV_AWS_66 / CKV_AWS_338 use other thresholds: set / 1 year).
      ignores: ['RetentionInDays', 'retention_in_days'],
    },
    { tool: 'cdk-nag', id: 'NIST.800.53.R5-CloudWatchLogGroupEncrypted', resourceTypes: ['AWS::Logs::LogGroup'] },
    {
      tool: 'cdk-nag',
      id: 'NIST.800.53.R5-CloudWatchLogGroupRetentionPeriod',
      resourceTypes: ['AWS::Logs::LogGroup'],
      note: 'cdk-nag requires retention to be set; we accept unset (never expire) and require at least 90 days when set.',
    },
  ],
  checks: {
    'AWS::Logs::LogGroup': logGroup('RetentionInDays', 'KmsKeyId'),
    aws_cloudwatch_log_group: logGroup('retention_in_days', 'kms_key_id'),
    azurerm_log_analytics_workspace: setting(
      atLeast('retention_in_days', MIN_LOG_RETENTION_DAYS, {
        providerDefault: 30,
        risk: 'records are deleted before an investigation needs them',
      }),
    ),
  },
};
