import { Rule } from '../../engine/rule';
import { atLeast, isTrue, setting } from '../shared/expect';

/** KMS always waits before deleting a key (30 days by default); the window must not be shortened below 7 days. */
const window = (path: string) =>
  setting(atLeast(path, 7, { providerDefault: 30, risk: 'a key scheduled for deletion is gone too soon' }));

const VAULT = isTrue('purge_protection_enabled', {
  providerDefault: false,
  risk: 'a deleted vault and its keys can be purged at once',
});

export const purgeProtectionRule: Rule = {
  id: 'ZT-DATA-009',
  title: 'Key stores are protected against immediate purge',
  severity: 'high',
  layer: 'data',
  scope: 'resource',
  rationale:
    'Destroying a key destroys every piece of data encrypted with it. A retention window during which a deleted ' +
    'vault or key can be recovered, and that not even an administrator can skip, turns a malicious or mistaken ' +
    'deletion into an incident instead of permanent data loss.',
  remediation:
    'Azure: azurerm_key_vault purge_protection_enabled = true (SecureDataLake does this, with ' +
    'soft_delete_retention_days = 90). AWS: leave PendingWindowInDays / deletion_window_in_days unset (30 days) or ' +
    'set it to at least 7; CDK kms.Key({ pendingWindow: Duration.days(30) }).',
  controls: [
    { framework: 'NIST-800-53', id: 'SC-12' },
    { framework: 'NIST-800-53', id: 'CP-9' },
    { framework: 'SOC2', id: 'A1.2' },
    { framework: 'HIPAA', id: '164.308(a)(7)(ii)(A)' },
    { framework: 'GDPR', id: 'Art. 32(1)(c)' },
    { framework: 'ISO-27001', id: 'A.8.24' },
  ],
  equivalents: [{ tool: 'checkov', id: 'CKV_AZURE_110', resourceTypes: ['azurerm_key_vault'] }],
  checks: {
    azurerm_key_vault: setting(VAULT),
    'AWS::KMS::Key': window('PendingWindowInDays'),
    aws_kms_key: window('deletion_window_in_days'),
  },
};
