import { tlsOnlyRule } from '../../../policies/rules/data/zt-data-003-tls-only';
import { RuleCases, cfn, tf } from '../helpers';
import { azureStoreCases } from './zt-data-003-azure-stores';
import { awsStoreCases } from './zt-data-003-aws-stores';

export const DENY_HTTP = {
  Sid: 'DenyHttp',
  Effect: 'Deny',
  Principal: { AWS: '*' },
  Action: 's3:*',
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  Resource: [{ 'Fn::GetAtt': ['Bucket', 'Arn'] }, { 'Fn::Join': ['', [{ 'Fn::GetAtt': ['Bucket', 'Arn'] }, '/*']] }],
};
const ALLOW_READ = {
  Effect: 'Allow',
  Principal: { AWS: 'arn:aws:iam::111122223333:root' },
  Action: 's3:GetObject',
  Resource: '*',
};

export const withPolicy = (statements: unknown[], bucketRef: unknown = { Ref: 'Bucket' }, extra = {}) =>
  cfn(
    {
      Bucket: { Type: 'AWS::S3::Bucket', Properties: {} },
      Other: { Type: 'AWS::S3::Bucket', Properties: {} },
      Policy: {
        Type: 'AWS::S3::BucketPolicy',
        Properties: { Bucket: bucketRef, PolicyDocument: { Version: '2012-10-17', Statement: statements } },
      },
    },
    extra,
  );

export const tfPolicy = (policy: unknown, bucket = '${aws_s3_bucket.b.id}') =>
  tf({ aws_s3_bucket: { b: {} }, aws_s3_bucket_policy: { p: { bucket, policy } } });

const TF_DENY_HTTP = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: ['${aws_s3_bucket.b.arn}', '${aws_s3_bucket.b.arn}/*'],
      Condition: { Bool: { 'aws:SecureTransport': false } },
    },
  ],
});

const sa = (body: Record<string, unknown>) => tf({ azurerm_storage_account: { sa: { name: 'x', ...body } } });

export const cases: RuleCases = {
  rule: tlsOnlyRule,
  cases: [
    ...azureStoreCases,
    {
      name: 'bucket policy denies plain HTTP',
      doc: withPolicy([ALLOW_READ, DENY_HTTP]),
      address: 'Bucket',
      verdict: 'pass',
    },
    {
      name: 'bucket without a policy',
      doc: cfn({ Bucket: { Type: 'AWS::S3::Bucket' } }),
      address: 'Bucket',
      verdict: 'fail',
      path: 'AWS::S3::BucketPolicy.PolicyDocument',
    },
    {
      name: 'policy without the deny',
      doc: withPolicy([ALLOW_READ]),
      address: 'Bucket',
      verdict: 'fail',
      path: 'Policy.PolicyDocument.Statement',
    },
    {
      name: 'deny limited to one action does not count',
      doc: withPolicy([{ ...DENY_HTTP, Action: 's3:GetObject' }]),
      address: 'Bucket',
      verdict: 'fail',
    },
    {
      name: 'policy of another bucket does not count',
      doc: withPolicy([DENY_HTTP], { Ref: 'Other' }),
      address: 'Bucket',
      verdict: 'fail',
    },
    {
      name: 'policy whose Bucket is a parameter may be this bucket',
      doc: withPolicy([DENY_HTTP], { Ref: 'Name' }, { Parameters: { Name: { Type: 'String' } } }),
      address: 'Bucket',
      verdict: 'unknown',
      message: /parameter Name/,
    },
    {
      name: 'condition value from a parameter',
      doc: withPolicy(
        [{ ...DENY_HTTP, Condition: { Bool: { 'aws:SecureTransport': { Ref: 'Flag' } } } }],
        { Ref: 'Bucket' },
        {
          Parameters: { Flag: { Type: 'String' } },
        },
      ),
      address: 'Bucket',
      verdict: 'unknown',
      message: /parameter Flag/,
    },
    {
      name: 'tf aws_s3_bucket_policy denies plain HTTP',
      doc: tfPolicy(TF_DENY_HTTP),
      address: 'aws_s3_bucket.b',
      verdict: 'pass',
    },
    {
      name: 'tf bucket without a policy',
      doc: tf({ aws_s3_bucket: { b: {} } }),
      address: 'aws_s3_bucket.b',
      verdict: 'fail',
      path: 'aws_s3_bucket_policy.policy',
    },
    {
      name: 'tf policy without the deny',
      doc: tfPolicy(
        JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' }] }),
      ),
      address: 'aws_s3_bucket.b',
      verdict: 'fail',
    },
    {
      name: 'tf policy from a data source',
      doc: tfPolicy('${data.aws_iam_policy_document.p.json}'),
      address: 'aws_s3_bucket.b',
      verdict: 'unknown',
      message: /data source/,
    },
    {
      name: 'tf deprecated inline policy',
      doc: tf({ aws_s3_bucket: { b: { policy: TF_DENY_HTTP } } }),
      address: 'aws_s3_bucket.b',
      verdict: 'pass',
    },
    {
      name: 'storage account default (HTTPS only)',
      doc: sa({}),
      address: 'azurerm_storage_account.sa',
      verdict: 'pass',
    },
    {
      name: 'storage account https_traffic_only_enabled true',
      doc: sa({ https_traffic_only_enabled: true }),
      address: 'azurerm_storage_account.sa',
      verdict: 'pass',
    },
    {
      name: 'storage account https_traffic_only_enabled false',
      doc: sa({ https_traffic_only_enabled: false }),
      address: 'azurerm_storage_account.sa',
      verdict: 'fail',
      path: 'https_traffic_only_enabled',
    },
    {
      name: 'storage account enable_https_traffic_only false (azurerm 3.x)',
      doc: sa({ enable_https_traffic_only: false }),
      address: 'azurerm_storage_account.sa',
      verdict: 'fail',
      path: 'enable_https_traffic_only',
    },
    {
      name: 'storage account HTTPS setting from a variable',
      doc: sa({ https_traffic_only_enabled: '${var.https}' }),
      address: 'azurerm_storage_account.sa',
      verdict: 'unknown',
    },
    ...awsStoreCases,
  ],
};
