import type { ResourceGraph } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import { CheckResult, Rule, fail } from '../../engine/rule';
import { STORAGE_ACCOUNT_NETWORK_RULES } from '../shared/companion-specs';
import { orphanOnly, withCompanions } from '../shared/companions';
import { judgeSetting, oneOf } from '../shared/expect';
import { tfBlock, throughDynamic } from '../shared/tf-blocks';
import { COSMOSDB } from '../data/stores/azure-cosmosdb';
import { SEARCH } from '../data/stores/azure-search';

const DENY = oneOf('default_action', ['Deny'], { risk: 'every network is admitted' });

/** default_action must be Deny; both resources default to Allow when the block is omitted. */
function denyByDefault(g: ResourceGraph, res: Resource, blockName?: string): CheckResult {
  const block = blockName ? tfBlock(g, res, '', blockName) : ({ kind: 'static', path: '' } as const);
  if (block.kind === 'absent') {
    return fail(
      `${block.path} is not set, so every network is allowed; add it with default_action = "Deny"`,
      block.path,
    );
  }
  return throughDynamic(block, judgeSetting(g, res, DENY, block.path));
}

export const defaultDenyRule: Rule = {
  id: 'ZT-NETWORK-002',
  title: 'Network ACLs of data services deny by default',
  severity: 'high',
  layer: 'network',
  rationale:
    'Default-deny network rules mean only explicitly listed subnets, addresses and trusted services reach the data ' +
    'plane. A default of Allow silently admits every network as soon as public access is turned on, for example ' +
    'while debugging.',
  remediation:
    'Azure: azurerm_storage_account network_rules { default_action = "Deny", bypass = ["AzureServices"] } (or an ' +
    'azurerm_storage_account_network_rules resource for the account), azurerm_key_vault network_acls { ' +
    'default_action = "Deny", bypass = "AzureServices" } (SecureDataLake does both); azurerm_cosmosdb_account ' +
    'is_virtual_network_filter_enabled = true (with virtual_network_rule blocks) or a non-empty ip_range_filter; ' +
    'azurerm_search_service public_network_access_enabled = false or a non-empty allowed_ips.',
  controls: [
    { framework: 'NIST-800-53', id: 'SC-7(5)' },
    { framework: 'NIST-800-53', id: 'AC-4' },
    { framework: 'SOC2', id: 'CC6.6' },
    { framework: 'HIPAA', id: '164.312(e)(1)' },
    { framework: 'GDPR', id: 'Art. 32(1)(b)' },
    { framework: 'ISO-27001', id: 'A.8.20' },
  ],
  equivalents: [
    {
      tool: 'checkov',
      id: 'CKV_AZURE_35',
      resourceTypes: ['azurerm_storage_account', 'azurerm_storage_account_network_rules'],
    },
    { tool: 'checkov', id: 'CKV_AZURE_109', resourceTypes: ['azurerm_key_vault'] },
  ],
  checks: {
    azurerm_storage_account: withCompanions({
      spec: STORAGE_ACCOUNT_NETWORK_RULES,
      judge: (g, c) => denyByDefault(g, c),
      inline: (g, account) => denyByDefault(g, account, 'network_rules'),
    }),
    azurerm_storage_account_network_rules: orphanOnly(STORAGE_ACCOUNT_NETWORK_RULES, (rules, { graph }) =>
      denyByDefault(graph, rules),
    ),
    azurerm_key_vault: (vault, { graph }) => denyByDefault(graph, vault, 'network_acls'),
    ...COSMOSDB.defaultDeny,
    ...SEARCH.defaultDeny,
  },
};
