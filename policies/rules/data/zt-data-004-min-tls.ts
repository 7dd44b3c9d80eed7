import type { ResourceGraph } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import { CheckResult, Rule, fail, pass } from '../../engine/rule';
import { StatementRequirement, bucketPolicyCheck } from '../shared/bucket-policy';
import { readString, unknownAt } from '../shared/read';
import { deniesTlsBelow12 } from '../shared/statements';

const DENY_OLD_TLS: StatementRequirement = {
  describe: 'a Deny of s3:* for every principal when s3:TlsVersion is below 1.2 (NumericLessThan 1.2)',
  matches: deniesTlsBelow12,
};

const ACCEPTED = ['TLS1_2', 'TLS1_3'];

/** The argument must be explicit: provider defaults changed across azurerm versions. */
function storageMinTls(g: ResourceGraph, account: Resource): CheckResult {
  const path = 'min_tls_version';
  const v = readString(g, account, path);
  if (v.kind === 'unknown') return unknownAt(path, v.reason);
  if (v.kind === 'absent') return fail(`${path} is not set; set TLS1_2 explicitly`, path);
  return ACCEPTED.includes(v.value)
    ? pass(`${path} is ${v.value}`, path)
    : fail(`${path} is ${v.value}; set TLS1_2 or higher`, path);
}

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
    'same statement in the aws_s3_bucket_policy. Azure: azurerm_storage_account min_tls_version = "TLS1_2".',
  controls: [
    { framework: 'NIST-800-53', id: 'SC-8(1)' },
    { framework: 'NIST-800-53', id: 'SC-13' },
    { framework: 'SOC2', id: 'CC6.7' },
    { framework: 'HIPAA', id: '164.312(e)(2)(ii)' },
    { framework: 'GDPR', id: 'Art. 32(1)(a)' },
    { framework: 'ISO-27001', id: 'A.8.24' },
  ],
  equivalents: [{ tool: 'checkov', id: 'CKV_AZURE_44', resourceTypes: ['azurerm_storage_account'] }],
  checks: {
    'AWS::S3::Bucket': bucketPolicyCheck('AWS::S3::Bucket', DENY_OLD_TLS),
    aws_s3_bucket: bucketPolicyCheck('aws_s3_bucket', DENY_OLD_TLS),
    azurerm_storage_account: (account, { graph }) => storageMinTls(graph, account),
  },
};
