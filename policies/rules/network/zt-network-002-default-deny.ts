import type { ResourceGraph } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import { CheckResult, Rule, fail, pass } from '../../engine/rule';
import { companionsOf, judgeWithCompanions, viaCompanion } from '../shared/companions';
import { joinPath, readString, unknownAt } from '../shared/read';
import { tfBlock, throughDynamic } from '../shared/tf-blocks';

/** default_action must be Deny; both resources default to Allow when the block is omitted. */
function denyByDefault(g: ResourceGraph, res: Resource, blockName?: string): CheckResult {
  const block = blockName ? tfBlock(g, res, '', blockName) : ({ kind: 'static', path: '' } as const);
  if (block.kind === 'absent') {
    return fail(
      `${block.path} is not set, so every network is allowed; add it with default_action = "Deny"`,
      block.path,
    );
  }
  const path = joinPath(block.path, 'default_action');
  const v = readString(g, res, path);
  if (v.kind === 'unknown') return unknownAt(path, v.reason);
  if (v.kind === 'absent') return fail(`${path} is not set; set it to "Deny"`, path);
  const result =
    v.value === 'Deny' ? pass(`${path} is Deny`, path) : fail(`${path} is ${v.value}; set it to "Deny"`, path);
  return throughDynamic(block, result);
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
    'default_action = "Deny", bypass = "AzureServices" } (SecureDataLake does both).',
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
    azurerm_storage_account: (account, { graph }) =>
      judgeWithCompanions({
        companions: companionsOf(graph, account, 'azurerm_storage_account_network_rules', [
          'storage_account_id',
          'storage_account_name',
        ]),
        judgeCompanion: (c) => viaCompanion(c, denyByDefault(graph, c)),
        inline: () => denyByDefault(graph, account, 'network_rules'),
        what: 'azurerm_storage_account_network_rules',
      }),
    azurerm_storage_account_network_rules: (rules, { graph }) => denyByDefault(graph, rules),
    azurerm_key_vault: (vault, { graph }) => denyByDefault(graph, vault, 'network_acls'),
  },
};
