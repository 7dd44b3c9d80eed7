import { defaultDenyRule } from '../../../policies/rules/network/zt-network-002-default-deny';
import { RuleCases, tf } from '../helpers';
import { azureStoreCases } from './zt-network-002-azure-stores';

const sa = (body: Record<string, unknown>, extra: Record<string, Record<string, unknown>> = {}) =>
  tf({ azurerm_storage_account: { sa: { name: 'x', ...body } }, ...extra });
const rules = (action: string, ref = '${azurerm_storage_account.sa.id}') => ({
  azurerm_storage_account_network_rules: {
    nr: { storage_account_id: ref, default_action: action, bypass: ['AzureServices'] },
  },
});
const kv = (body: Record<string, unknown>) => tf({ azurerm_key_vault: { kv: { name: 'kv', ...body } } });

export const cases: RuleCases = {
  rule: defaultDenyRule,
  cases: [
    ...azureStoreCases,
    {
      name: 'storage account inline Deny',
      doc: sa({ network_rules: { default_action: 'Deny' } }),
      address: 'azurerm_storage_account.sa',
      verdict: 'pass',
    },
    {
      name: 'storage account inline Allow',
      doc: sa({ network_rules: [{ default_action: 'Allow', ip_rules: ['1.2.3.4'] }] }),
      address: 'azurerm_storage_account.sa',
      verdict: 'fail',
      path: 'network_rules.default_action',
    },
    {
      name: 'storage account without network rules',
      doc: sa({}),
      address: 'azurerm_storage_account.sa',
      verdict: 'fail',
      path: 'network_rules',
    },
    {
      name: 'storage account via azurerm_storage_account_network_rules Deny',
      doc: sa({}, rules('Deny')),
      address: 'azurerm_storage_account.sa',
      verdict: 'pass',
    },
    {
      name: 'network rules resource with Allow overrides inline Deny',
      doc: sa({ network_rules: { default_action: 'Deny' } }, rules('Allow')),
      address: 'azurerm_storage_account.sa',
      verdict: 'fail',
      path: 'azurerm_storage_account_network_rules.nr.default_action',
    },
    {
      name: 'network rules of another account do not count',
      doc: tf({
        azurerm_storage_account: { sa: { name: 'x' }, other: { name: 'y' } },
        ...rules('Deny', '${azurerm_storage_account.other.id}'),
      }),
      address: 'azurerm_storage_account.sa',
      verdict: 'fail',
    },
    {
      name: 'network rules of a loaded account are judged on the account only (one fault, one finding)',
      doc: sa({}, rules('Allow')),
      address: 'azurerm_storage_account_network_rules.nr',
      verdict: 'not_applicable',
    },
    {
      name: 'azurerm_storage_account_network_rules Deny, for an account of another module',
      doc: tf(rules('Deny', '${var.account_id}')),
      address: 'azurerm_storage_account_network_rules.nr',
      verdict: 'pass',
    },
    {
      name: 'azurerm_storage_account_network_rules Allow, for an account of another module',
      doc: tf(rules('Allow', '${var.account_id}')),
      address: 'azurerm_storage_account_network_rules.nr',
      verdict: 'fail',
      path: 'default_action',
    },
    {
      name: 'key vault network_acls Deny',
      doc: kv({ network_acls: { default_action: 'Deny', bypass: 'AzureServices' } }),
      address: 'azurerm_key_vault.kv',
      verdict: 'pass',
    },
    {
      name: 'key vault without network_acls',
      doc: kv({}),
      address: 'azurerm_key_vault.kv',
      verdict: 'fail',
      path: 'network_acls',
    },
    {
      name: 'key vault network_acls Allow',
      doc: kv({ network_acls: [{ default_action: 'Allow' }] }),
      address: 'azurerm_key_vault.kv',
      verdict: 'fail',
      path: 'network_acls.default_action',
    },
    {
      name: 'key vault network_acls from a dynamic block',
      doc: kv({ dynamic: { network_acls: [{ for_each: '${var.acls}', content: [{ default_action: 'Deny' }] }] } }),
      address: 'azurerm_key_vault.kv',
      verdict: 'unknown',
      message: /dynamic block/,
    },
  ],
};
