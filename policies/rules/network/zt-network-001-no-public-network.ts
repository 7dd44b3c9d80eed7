import { Rule } from '../../engine/rule';
import { PUBLIC_NETWORK_OFF } from '../shared/azure-network';
import { setting } from '../shared/expect';
import { COSMOSDB } from '../data/stores/azure-cosmosdb';
import { POSTGRESQL_FLEXIBLE } from '../data/stores/azure-postgresql';
import { REDIS } from '../data/stores/azure-redis';
import { SEARCH } from '../data/stores/azure-search';

import { AWS_STORES, AWS_STORE_REMEDIATION } from '../data/stores/aws';

const PUBLIC_OFF = setting(PUBLIC_NETWORK_OFF);

export const noPublicNetworkRule: Rule = {
  id: 'ZT-NETWORK-001',
  title: 'Data services are not reachable from public networks',
  severity: 'high',
  layer: 'network',
  rationale:
    'A storage account, key vault or database with a public endpoint can be attacked from anywhere with a stolen credential or ' +
    'A storage account, key vault, database or search domain with a public endpoint can be attacked from anywhere with a stolen credential or ' +
    'SAS token. With public network access off, the only path is a private endpoint inside the platform network, so ' +
    'identity and network both have to be right for access to succeed.',
  remediation:
    'Azure: public_network_access_enabled = false on azurerm_storage_account and azurerm_key_vault, and reach them ' +
    'through azurerm_private_endpoint (blob, dfs, vault) with private DNS zones (SecureDataLake does this). Azure: the ' +
    'same on azurerm_cosmosdb_account, azurerm_search_service (on a basic or higher sku, which has private endpoints) ' +
    'and azurerm_redis_cache; azurerm_postgresql_flexible_server either sets it to false (private endpoint) or is ' +
    'VNet-integrated through delegated_subnet_id.' +
    ' ' +
    AWS_STORE_REMEDIATION.network,
  controls: [
    { framework: 'NIST-800-53', id: 'SC-7' },
    { framework: 'NIST-800-53', id: 'AC-4' },
    { framework: 'SOC2', id: 'CC6.6' },
    { framework: 'HIPAA', id: '164.312(e)(1)' },
    { framework: 'GDPR', id: 'Art. 32(1)(b)' },
    { framework: 'ISO-27001', id: 'A.8.20' },
  ],
  equivalents: [
    { tool: 'checkov', id: 'CKV_AZURE_59', resourceTypes: ['azurerm_storage_account'] },
    {
      tool: 'checkov',
      id: 'CKV_AZURE_189',
      resourceTypes: ['azurerm_key_vault'],
      note:
        'Checkov also passes a vault with public access on when network_acls lists ip_rules or ' +
        'virtual_network_subnet_ids, even with default_action = "Allow" (where Azure ignores those lists); this rule ' +
        'requires public_network_access_enabled = false. Firewall defaults are ZT-NETWORK-002.',
      differences: [
        {
          resource: 'azurerm_key_vault.pass3',
          reason:
            'public_network_access_enabled = true with default_action = "Allow": Azure ignores ip_rules under Allow, so the vault is public; Checkov passes it because ip_rules is non-empty.',
        },
        {
          resource: 'azurerm_key_vault.pass4',
          reason:
            'public network access defaults to on and default_action is "Allow", so the ip_rules list admits everyone; Checkov passes it because ip_rules is non-empty.',
        },
        {
          resource: 'azurerm_key_vault.pass5',
          reason:
            'public network access defaults to on and default_action is "Allow", so virtual_network_subnet_ids restrict nothing; Checkov passes it because the list is non-empty.',
        },
      ],
    },
  ],
  checks: {
    azurerm_storage_account: PUBLIC_OFF,
    azurerm_key_vault: PUBLIC_OFF,
    ...COSMOSDB.publicNetwork,
    ...POSTGRESQL_FLEXIBLE.publicNetwork,
    ...SEARCH.publicNetwork,
    ...REDIS.publicNetwork,
    ...AWS_STORES.network.checks,
  },
};
