import { Rule } from '../../engine/rule';
import { StatementRequirement, bucketPolicyCheck } from '../shared/bucket-policy';
import { oneOf, setting } from '../shared/expect';
import { deniesTlsBelow12 } from '../shared/statements';
import { COSMOSDB } from './stores/azure-cosmosdb';
import { POSTGRESQL_FLEXIBLE } from './stores/azure-postgresql';
import { REDIS } from './stores/azure-redis';
import { AWS_STORES, AWS_STORE_REMEDIATION } from './stores/aws';

const DENY_OLD_TLS: StatementRequirement = {
  describe:
    'a Deny of s3:* on the bucket and its objects for every principal when s3:TlsVersion is below 1.2 (NumericLessThan 1.2)',
  matches: deniesTlsBelow12,
};

/** No provider default: it changed across azurerm versions, so the argument must be explicit. */
const STORAGE_MIN_TLS = oneOf('min_tls_version', ['TLS1_2', 'TLS1_3'], { risk: 'clients may negotiate TLS 1.0/1.1' });

export const minTlsRule: Rule = {
  id: 'ZT-DATA-004',
  title: 'Data endpoints require TLS 1.2 or higher',
  severity: 'medium',
  layer: 'data',
  rationale:
    'TLS 1.0 and 1.1 have known weaknesses (BEAST, POODLE-era ciphers, SHA-1 handshakes) and are deprecated by ' +
    'RFC 8996. Refusing them at the data endpoint keeps outdated clients from negotiating a weak channel.',
  remediation:
    'AWS CDK: s3.Bucket({ enforceSSL: true, minimumTLSVersion: 1.2 }) (SecureDataLake does this), which adds a ' +
    'bucket policy statement Deny s3:* to Principal * when NumericLessThan s3:TlsVersion 1.2; in Terraform put the ' +
    'same statement in the aws_s3_bucket_policy. Azure: azurerm_storage_account min_tls_version = "TLS1_2"; ' +
    'azurerm_cosmosdb_account minimal_tls_version = "Tls12" and azurerm_redis_cache minimum_tls_version = "1.2" ' +
    '(both defaults on azurerm 4.x); PostgreSQL flexible server parameter ssl_min_protocol_version TLSv1.2 or TLSv1.3 ' +
    '(its server default is TLSv1.2).' +
    ' ' +
    AWS_STORE_REMEDIATION.minTls,
  controls: [
    { framework: 'NIST-800-53', id: 'SC-8(1)' },
    { framework: 'NIST-800-53', id: 'SC-13' },
    { framework: 'SOC2', id: 'CC6.7' },
    { framework: 'HIPAA', id: '164.312(e)(2)(ii)' },
    { framework: 'GDPR', id: 'Art. 32(1)(a)' },
    { framework: 'ISO-27001', id: 'A.8.24' },
  ],
  equivalents: [{ tool: 'checkov', id: 'CKV_AZURE_44', resourceTypes: ['azurerm_storage_account'] }],
  reads: ['AWS::S3::BucketPolicy', 'aws_s3_bucket_policy'],
  checks: {
    'AWS::S3::Bucket': bucketPolicyCheck('AWS::S3::Bucket', DENY_OLD_TLS),
    aws_s3_bucket: bucketPolicyCheck('aws_s3_bucket', DENY_OLD_TLS),
    azurerm_storage_account: setting(STORAGE_MIN_TLS),
    ...COSMOSDB.minTls,
    ...POSTGRESQL_FLEXIBLE.minTls,
    ...REDIS.minTls,
    ...AWS_STORES.minTls.checks,
  },
};
