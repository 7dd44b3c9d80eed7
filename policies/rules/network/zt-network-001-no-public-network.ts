import type { ResourceGraph } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import { CheckResult, Rule, fail, pass } from '../../engine/rule';
import { readBoolean, unknownAt } from '../shared/read';

/** Both azurerm resources default public_network_access_enabled to true. */
function publicNetworkOff(g: ResourceGraph, res: Resource): CheckResult {
  const path = 'public_network_access_enabled';
  const v = readBoolean(g, res, path);
  if (v.kind === 'unknown') return unknownAt(path, v.reason);
  if (v.kind === 'absent') return fail(`${path} is not set (defaults to true); set it to false`, path);
  return v.value
    ? fail(`${path} is true: the endpoint is reachable from the internet; set it to false`, path)
    : pass(`${path} is false: reachable through private endpoints only`, path);
}

export const noPublicNetworkRule: Rule = {
  id: 'ZT-NETWORK-001',
  title: 'Data services are not reachable from public networks',
  severity: 'high',
  layer: 'network',
  rationale:
    'A storage account or key vault with a public endpoint can be attacked from anywhere with a stolen credential or ' +
    'SAS token. With public network access off, the only path is a private endpoint inside the platform network, so ' +
    'identity and network both have to be right for access to succeed.',
  remediation:
    'Azure: public_network_access_enabled = false on azurerm_storage_account and azurerm_key_vault, and reach them ' +
    'through azurerm_private_endpoint (blob, dfs, vault) with private DNS zones (SecureDataLake does this).',
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
    },
  ],
  checks: {
    azurerm_storage_account: (account, { graph }) => publicNetworkOff(graph, account),
    azurerm_key_vault: (vault, { graph }) => publicNetworkOff(graph, vault),
  },
};
