import type { ResourceGraph } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import { CheckResult, Rule, fail, pass } from '../../engine/rule';
import { readBoolean, readNumber, unknownAt } from '../shared/read';

/** KMS always waits before deleting a key; the window must not be shortened below 7 days. */
function kmsWindow(g: ResourceGraph, key: Resource, path: string): CheckResult {
  const v = readNumber(g, key, path);
  if (v.kind === 'unknown') return unknownAt(path, v.reason);
  if (v.kind === 'absent')
    return pass(`${path} is not set: KMS waits the default 30 days before deleting the key`, path);
  return v.value >= 7
    ? pass(`${path} is ${v.value} days`, path)
    : fail(`${path} is ${v.value}; a key scheduled for deletion must stay recoverable for at least 7 days`, path);
}

function vaultPurgeProtection(g: ResourceGraph, vault: Resource): CheckResult {
  const path = 'purge_protection_enabled';
  const v = readBoolean(g, vault, path);
  if (v.kind === 'unknown') return unknownAt(path, v.reason);
  if (v.kind === 'absent') {
    return fail(`${path} is not set (off): a deleted vault and its keys can be purged at once; set it to true`, path);
  }
  return v.value ? pass(`${path} is true`, path) : fail(`${path} is false; set it to true`, path);
}

export const purgeProtectionRule: Rule = {
  id: 'ZT-DATA-009',
  title: 'Key stores are protected against immediate purge',
  severity: 'high',
  layer: 'data',
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
    azurerm_key_vault: (vault, { graph }) => vaultPurgeProtection(graph, vault),
    'AWS::KMS::Key': (key, { graph }) => kmsWindow(graph, key, 'PendingWindowInDays'),
    aws_kms_key: (key, { graph }) => kmsWindow(graph, key, 'deletion_window_in_days'),
  },
};
