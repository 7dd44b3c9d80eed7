import { storeDiagnosticsRule } from '../../../policies/rules/monitoring/zt-monitoring-002-store-diagnostics';
import { RuleCases, cfn, tf } from '../helpers';

const BUCKET = { Type: 'AWS::S3::Bucket', Properties: {} };
const objectsOf = { 'Fn::Join': ['', [{ 'Fn::GetAtt': ['Data', 'Arn'] }, '/']] };
const trail = (props: Record<string, unknown>) => ({
  Type: 'AWS::CloudTrail::Trail',
  Properties: { IsLogging: true, S3BucketName: { Ref: 'Audit' }, ...props },
});
const selector = (values: unknown, rw?: string) => ({
  EventSelectors: [
    { IncludeManagementEvents: true, ReadWriteType: 'All' },
    {
      IncludeManagementEvents: false,
      ...(rw ? { ReadWriteType: rw } : {}),
      DataResources: [{ Type: 'AWS::S3::Object', Values: values }],
    },
  ],
});
const withTrail = (props: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  cfn({ Data: BUCKET, Audit: BUCKET, Trail: trail(props) }, extra);

const tfBucket = (selectors?: unknown) =>
  tf({
    aws_s3_bucket: { b: { bucket: 'lake-raw' }, audit: { bucket: 'audit' } },
    ...(selectors
      ? { aws_cloudtrail: { t: { name: 't', s3_bucket_name: '${aws_s3_bucket.audit.id}', event_selector: selectors } } }
      : {}),
  });

/** Bucket b's server access logs go to bucket logs. */
const tfLogging = tf({
  aws_s3_bucket: { b: { bucket: 'lake-raw' }, logs: { bucket: 'logs' } },
  aws_s3_bucket_logging: { l: { bucket: '${aws_s3_bucket.b.id}', target_bucket: '${aws_s3_bucket.logs.id}' } },
});

const store = (type: string, diag?: Record<string, unknown>, sub = '') =>
  tf({
    [type]: { s: { name: 's', location: 'x', resource_group_name: 'rg' } },
    ...(diag
      ? {
          azurerm_monitor_diagnostic_setting: {
            d: { name: 'd', target_resource_id: `\${${type}.s.id}${sub}`, log_analytics_workspace_id: 'ws', ...diag },
          },
        }
      : {}),
  });
const LOGS = { enabled_log: [{ category: 'AuditEvent' }] };
const azure = (type: string, sub = '') => [
  {
    name: `${type} with a diagnostic setting`,
    doc: store(type, LOGS, sub),
    address: `${type}.s`,
    verdict: 'pass' as const,
  },
  {
    name: `${type} without a diagnostic setting`,
    doc: store(type),
    address: `${type}.s`,
    verdict: 'fail' as const,
    path: 'azurerm_monitor_diagnostic_setting',
  },
];

export const cases: RuleCases = {
  rule: storeDiagnosticsRule,
  cases: [
    {
      name: 'bucket named by a trail data-event selector (reads and writes)',
      doc: withTrail(selector([objectsOf])),
      address: 'Data',
      verdict: 'pass',
    },
    {
      name: 'bucket covered by an advanced selector on all S3 objects',
      doc: withTrail({
        AdvancedEventSelectors: [
          {
            FieldSelectors: [
              { Field: 'eventCategory', Equals: ['Data'] },
              { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
            ],
          },
        ],
      }),
      address: 'Data',
      verdict: 'pass',
    },
    {
      name: 'bucket and no trail',
      doc: cfn({ Data: BUCKET }),
      address: 'Data',
      verdict: 'fail',
      path: 'AWS::CloudTrail::Trail',
    },
    {
      name: 'bucket whose trail records only writes',
      doc: withTrail(selector([objectsOf], 'WriteOnly')),
      address: 'Data',
      verdict: 'fail',
      message: /WriteOnly/,
    },
    {
      name: 'selector values from a parameter',
      doc: withTrail(selector({ Ref: 'Arns' }), { Parameters: { Arns: { Type: 'CommaDelimitedList' } } }),
      address: 'Data',
      verdict: 'unknown',
    },
    {
      name: 'the trail delivery bucket itself',
      doc: withTrail(selector([objectsOf])),
      address: 'Audit',
      verdict: 'not_applicable',
    },
    {
      name: 'the access-log destination of another bucket',
      doc: cfn({
        Data: {
          Type: 'AWS::S3::Bucket',
          Properties: { LoggingConfiguration: { DestinationBucketName: { Ref: 'Logs' } } },
        },
        Logs: BUCKET,
      }),
      address: 'Logs',
      verdict: 'not_applicable',
      message: /access-log destination of Data/,
    },
    {
      name: 'a bucket only composed into a delivery name is still a data store',
      doc: cfn({
        Data: BUCKET,
        Trail: { Type: 'AWS::CloudTrail::Trail', Properties: { S3BucketName: { 'Fn::Sub': '${Data}-logs' } } },
      }),
      address: 'Data',
      verdict: 'fail',
    },
    {
      name: 'the delivery bucket of an aws_cloudtrail',
      doc: tfBucket([{ data_resource: [{ type: 'AWS::S3::Object', values: ['${aws_s3_bucket.b.arn}/'] }] }]),
      address: 'aws_s3_bucket.audit',
      verdict: 'not_applicable',
      message: /delivery bucket of aws_cloudtrail.t/,
    },
    {
      name: 'the target_bucket of an aws_s3_bucket_logging',
      doc: tfLogging,
      address: 'aws_s3_bucket.logs',
      verdict: 'not_applicable',
      message: /access-log destination of aws_s3_bucket_logging.l/,
    },
    {
      name: 'the bucket an aws_s3_bucket_logging is for is not its destination',
      doc: tfLogging,
      address: 'aws_s3_bucket.b',
      verdict: 'fail',
    },
    {
      name: 'aws_s3_bucket in a trail data-event selector',
      doc: tfBucket([
        { read_write_type: 'All', data_resource: [{ type: 'AWS::S3::Object', values: ['${aws_s3_bucket.b.arn}/'] }] },
      ]),
      address: 'aws_s3_bucket.b',
      verdict: 'pass',
    },
    {
      name: 'aws_s3_bucket named by a literal ARN in the selector',
      doc: tfBucket([{ data_resource: [{ type: 'AWS::S3::Object', values: ['arn:aws:s3:::lake-raw/'] }] }]),
      address: 'aws_s3_bucket.b',
      verdict: 'pass',
    },
    {
      name: 'aws_s3_bucket with a trail that records another bucket only',
      doc: tfBucket([{ data_resource: [{ type: 'AWS::S3::Object', values: ['arn:aws:s3:::other/'] }] }]),
      address: 'aws_s3_bucket.b',
      verdict: 'fail',
      path: 'aws_cloudtrail',
    },
    {
      name: 'aws_s3_bucket with selector values from a variable',
      doc: tfBucket([{ data_resource: [{ type: 'AWS::S3::Object', values: '${var.arns}' }] }]),
      address: 'aws_s3_bucket.b',
      verdict: 'unknown',
    },
    ...azure('azurerm_storage_account', '/blobServices/default'),
    {
      name: 'storage account whose diagnostic setting exports metrics only',
      doc: store('azurerm_storage_account', { enabled_metric: [{ category: 'Transaction' }] }, '/blobServices/default'),
      address: 'azurerm_storage_account.s',
      verdict: 'fail',
      path: 'azurerm_monitor_diagnostic_setting.d.enabled_log',
    },
    {
      name: 'key vault whose legacy log block is disabled',
      doc: store('azurerm_key_vault', { log: [{ category: 'AuditEvent', enabled: false }] }),
      address: 'azurerm_key_vault.s',
      verdict: 'fail',
      path: 'azurerm_monitor_diagnostic_setting.d.enabled_log',
    },
    {
      name: 'key vault whose legacy log block is enabled',
      doc: store('azurerm_key_vault', { log: [{ category: 'AuditEvent', enabled: true }] }),
      address: 'azurerm_key_vault.s',
      verdict: 'pass',
    },
    {
      name: 'key vault whose log block is enabled by a variable',
      doc: store('azurerm_key_vault', { log: [{ category: 'AuditEvent', enabled: '${var.on}' }] }),
      address: 'azurerm_key_vault.s',
      verdict: 'unknown',
    },
    {
      name: 'key vault whose diagnostic setting names no destination',
      doc: store('azurerm_key_vault', { ...LOGS, log_analytics_workspace_id: null }),
      address: 'azurerm_key_vault.s',
      verdict: 'fail',
      path: 'azurerm_monitor_diagnostic_setting.d.log_analytics_workspace_id',
    },
    {
      name: 'storage account and a diagnostic setting whose target is decided at plan time',
      doc: tf({
        azurerm_storage_account: { s: { name: 's' } },
        azurerm_monitor_diagnostic_setting: {
          d: { name: 'd', target_resource_id: '${var.target}', log_analytics_workspace_id: 'ws', ...LOGS },
        },
      }),
      address: 'azurerm_storage_account.s',
      verdict: 'unknown',
    },
    ...azure('azurerm_key_vault'),
    ...azure('azurerm_machine_learning_workspace'),
    ...azure('azurerm_container_registry'),
    ...azure('azurerm_cognitive_account'),
  ],
};
