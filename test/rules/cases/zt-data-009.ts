import { purgeProtectionRule } from '../../../policies/rules/data/zt-data-009-purge-protection';
import { RuleCases, cfn, tf } from '../helpers';

const kv = (body: Record<string, unknown>) => tf({ azurerm_key_vault: { kv: { name: 'kv', ...body } } });
const key = (props: Record<string, unknown>) => cfn({ Key: { Type: 'AWS::KMS::Key', Properties: props } });

export const cases: RuleCases = {
  rule: purgeProtectionRule,
  cases: [
    {
      name: 'vault with purge protection',
      doc: kv({ purge_protection_enabled: true }),
      address: 'azurerm_key_vault.kv',
      verdict: 'pass',
    },
    {
      name: 'vault without purge protection',
      doc: kv({}),
      address: 'azurerm_key_vault.kv',
      verdict: 'fail',
      path: 'purge_protection_enabled',
    },
    {
      name: 'vault purge protection false',
      doc: kv({ purge_protection_enabled: false }),
      address: 'azurerm_key_vault.kv',
      verdict: 'fail',
    },
    {
      name: 'vault purge protection from a variable',
      doc: kv({ purge_protection_enabled: '${var.pp}' }),
      address: 'azurerm_key_vault.kv',
      verdict: 'unknown',
    },
    { name: 'KMS key with the default window', doc: key({}), address: 'Key', verdict: 'pass' },
    { name: 'KMS key with a 30-day window', doc: key({ PendingWindowInDays: 30 }), address: 'Key', verdict: 'pass' },
    {
      name: 'KMS key window below 7 days',
      doc: key({ PendingWindowInDays: 5 }),
      address: 'Key',
      verdict: 'fail',
      path: 'PendingWindowInDays',
    },
    {
      name: 'tf KMS key window 10 days',
      doc: tf({ aws_kms_key: { k: { deletion_window_in_days: 10 } } }),
      address: 'aws_kms_key.k',
      verdict: 'pass',
    },
    {
      name: 'tf KMS key window 3 days',
      doc: tf({ aws_kms_key: { k: { deletion_window_in_days: 3 } } }),
      address: 'aws_kms_key.k',
      verdict: 'fail',
      path: 'deletion_window_in_days',
    },
  ],
};
