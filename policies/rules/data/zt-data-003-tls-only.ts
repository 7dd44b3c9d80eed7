import { Rule } from '../../engine/rule';
import { StatementRequirement, bucketPolicyCheck } from '../shared/bucket-policy';
import { isTrue, setting } from '../shared/expect';
import { deniesInsecureTransport } from '../shared/statements';
import { POSTGRESQL_FLEXIBLE } from './stores/azure-postgresql';
import { REDIS } from './stores/azure-redis';
import { AWS_STORES, AWS_STORE_REMEDIATION } from './stores/aws';

const DENY_HTTP: StatementRequirement = {
  describe: 'a Deny of s3:* on the bucket and its objects for every principal when aws:SecureTransport is false',
  matches: deniesInsecureTransport,
};

/** azurerm 4.x: https_traffic_only_enabled; 3.x: enable_https_traffic_only. Both default to true. */
const HTTPS_ONLY = isTrue('https_traffic_only_enabled', {
  providerDefault: true,
  aliases: ['enable_https_traffic_only'],
  risk: 'plain HTTP is accepted',
});

export const tlsOnlyRule: Rule = {
  id: 'ZT-DATA-003',
  title: 'Data is reachable over HTTPS/TLS only',
  severity: 'high',
  layer: 'data',
  rationale:
    'Zero trust assumes the network is hostile: every request for data must be encrypted in transit so credentials, ' +
    'presigned URLs and the data itself cannot be read or altered on the way. S3 accepts plain HTTP unless a bucket ' +
    'policy denies it; Azure storage must keep "secure transfer required" on.',
  remediation:
    'AWS CDK: s3.Bucket({ enforceSSL: true }) (SecureDataLake does this), which adds a bucket policy statement ' +
    'Deny s3:* to Principal * when aws:SecureTransport is "false"; in Terraform put the same statement in the ' +
    'aws_s3_bucket_policy attached to the bucket. Azure: leave https_traffic_only_enabled (enable_https_traffic_only ' +
    'on azurerm 3.x) at true; azurerm_redis_cache non_ssl_port_enabled = false (the default); leave the ' +
    'PostgreSQL flexible server parameter require_secure_transport on (its server default), i.e. no ' +
    'azurerm_postgresql_flexible_server_configuration sets it to off.' +
    ' ' +
    AWS_STORE_REMEDIATION.tls,
  controls: [
    { framework: 'NIST-800-53', id: 'SC-8' },
    { framework: 'NIST-800-53', id: 'SC-8(1)' },
    { framework: 'SOC2', id: 'CC6.7' },
    { framework: 'HIPAA', id: '164.312(e)(1)' },
    { framework: 'GDPR', id: 'Art. 32(1)(a)' },
    { framework: 'ISO-27001', id: 'A.8.24' },
  ],
  equivalents: [
    { tool: 'checkov', id: 'CKV_AZURE_3', resourceTypes: ['azurerm_storage_account'] },
    {
      tool: 'cdk-nag',
      id: 'AwsSolutions-S10',
      resourceTypes: ['AWS::S3::Bucket'],
      note:
        'cdk-nag also verifies the statement lists the bucket and bucket/* ARNs; this rule relies on the policy being ' +
        'attached to the bucket through the graph and does not inspect Resource.',
    },
    { tool: 'cdk-nag', id: 'NIST.800.53.R5-S3BucketSSLRequestsOnly', resourceTypes: ['AWS::S3::Bucket'] },
    { tool: 'cdk-nag', id: 'AwsSolutions-SNS3', resourceTypes: ['AWS::SNS::Topic'] },
    { tool: 'cdk-nag', id: 'AwsSolutions-SQS4', resourceTypes: ['AWS::SQS::Queue'] },
  ],
  reads: ['AWS::S3::BucketPolicy', 'aws_s3_bucket_policy', ...AWS_STORES.tls.reads],
  checks: {
    'AWS::S3::Bucket': bucketPolicyCheck('AWS::S3::Bucket', DENY_HTTP),
    aws_s3_bucket: bucketPolicyCheck('aws_s3_bucket', DENY_HTTP),
    azurerm_storage_account: setting(HTTPS_ONLY),
    ...POSTGRESQL_FLEXIBLE.tlsOnly,
    ...REDIS.tlsOnly,
    ...AWS_STORES.tls.checks,
  },
};
