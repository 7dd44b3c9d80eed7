import { minTlsRule } from '../../../policies/rules/data/zt-data-004-min-tls';
import { RuleCases, tf } from '../helpers';
import { DENY_HTTP, tfPolicy, withPolicy } from './zt-data-003';
import { azureStoreCases } from './zt-data-004-azure-stores';
import { awsStoreCases } from './zt-data-004-aws-stores';

const DENY_OLD_TLS = {
  Effect: 'Deny',
  Principal: '*',
  Action: 's3:*',
  Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } },
  Resource: '*',
};
const sa = (body: Record<string, unknown>) => tf({ azurerm_storage_account: { sa: { name: 'x', ...body } } });

export const cases: RuleCases = {
  rule: minTlsRule,
  cases: [
    ...azureStoreCases,
    {
      name: 'policy denies TLS below 1.2',
      doc: withPolicy([DENY_HTTP, DENY_OLD_TLS]),
      address: 'Bucket',
      verdict: 'pass',
    },
    {
      name: 'TLS version as a string "1.2"',
      doc: withPolicy([{ ...DENY_OLD_TLS, Condition: { NumericLessThan: { 's3:TlsVersion': '1.2' } } }]),
      address: 'Bucket',
      verdict: 'pass',
    },
    {
      name: 'policy with only the HTTPS deny',
      doc: withPolicy([DENY_HTTP]),
      address: 'Bucket',
      verdict: 'fail',
      path: 'Policy.PolicyDocument.Statement',
    },
    {
      name: 'policy denies only below TLS 1.1',
      doc: withPolicy([{ ...DENY_OLD_TLS, Condition: { NumericLessThan: { 's3:TlsVersion': '1.1' } } }]),
      address: 'Bucket',
      verdict: 'fail',
    },
    {
      name: 'tf bucket policy denies TLS below 1.2',
      doc: tfPolicy(JSON.stringify({ Statement: [{ ...DENY_OLD_TLS, Resource: '${aws_s3_bucket.b.arn}/*' }] })),
      address: 'aws_s3_bucket.b',
      verdict: 'pass',
    },
    {
      name: 'tf bucket policy without a TLS version condition',
      doc: tfPolicy(JSON.stringify({ Statement: [{ ...DENY_OLD_TLS, Condition: {} }] })),
      address: 'aws_s3_bucket.b',
      verdict: 'fail',
    },
    {
      name: 'storage account TLS1_2',
      doc: sa({ min_tls_version: 'TLS1_2' }),
      address: 'azurerm_storage_account.sa',
      verdict: 'pass',
    },
    {
      name: 'storage account TLS1_0',
      doc: sa({ min_tls_version: 'TLS1_0' }),
      address: 'azurerm_storage_account.sa',
      verdict: 'fail',
      path: 'min_tls_version',
    },
    {
      name: 'storage account without min_tls_version',
      doc: sa({}),
      address: 'azurerm_storage_account.sa',
      verdict: 'fail',
      path: 'min_tls_version',
    },
    {
      name: 'storage account TLS from a variable',
      doc: sa({ min_tls_version: '${var.tls}' }),
      address: 'azurerm_storage_account.sa',
      verdict: 'unknown',
      message: /var\.tls/,
    },
    ...awsStoreCases,
  ],
};
