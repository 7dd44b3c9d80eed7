import { RuleCase, tf } from '../helpers';

/** ZT-NETWORK-010 on Azure: NSG rules, stand-alone and inline. */
export const WHY = 'HTTPS from the training subnets to the endpoints';

const nsgRule = (extra: Record<string, unknown> = {}) => ({
  name: 'allow-https',
  priority: 100,
  direction: 'Inbound',
  access: 'Allow',
  protocol: 'Tcp',
  source_port_range: '*',
  destination_port_range: '443',
  source_address_prefix: 'VirtualNetwork',
  destination_address_prefix: '*',
  ...extra,
});
const nsg = (args: Record<string, unknown>) =>
  tf({
    azurerm_network_security_group: { n: { name: 'n', location: 'westeurope', resource_group_name: 'rg', ...args } },
  });
const azRule = (extra: Record<string, unknown>) =>
  tf({
    azurerm_network_security_rule: {
      r: { resource_group_name: 'rg', network_security_group_name: 'n', ...nsgRule(extra) },
    },
  });

export const azureCases: RuleCase[] = [
  {
    name: 'azurerm_network_security_rule described',
    doc: azRule({ description: WHY }),
    address: 'azurerm_network_security_rule.r',
    verdict: 'pass',
  },
  {
    name: 'azurerm_network_security_rule without description',
    doc: azRule({}),
    address: 'azurerm_network_security_rule.r',
    verdict: 'fail',
    path: 'description',
  },
  {
    name: 'a Deny rule without description is judged too',
    doc: azRule({ access: 'Deny', name: 'deny-all-inbound', priority: 4096 }),
    address: 'azurerm_network_security_rule.r',
    verdict: 'fail',
    path: 'description',
  },
  {
    name: 'NSG whose inline rules are described',
    doc: nsg({ security_rule: [nsgRule({ description: WHY }), nsgRule({ access: 'Deny', description: 'deny' })] }),
    address: 'azurerm_network_security_group.n',
    verdict: 'pass',
  },
  {
    name: 'NSG with an undescribed inline rule',
    doc: nsg({ security_rule: [nsgRule({ description: WHY }), nsgRule({ description: '' })] }),
    address: 'azurerm_network_security_group.n',
    verdict: 'fail',
    failingPaths: ['security_rule.1.description'],
  },
  {
    name: 'NSG without inline rules (rule resources are judged)',
    doc: nsg({}),
    address: 'azurerm_network_security_group.n',
    verdict: 'not_applicable',
  },
  {
    name: 'NSG dynamic security_rule with an empty literal for_each renders nothing',
    doc: nsg({ dynamic: { security_rule: [{ for_each: [], content: [nsgRule()] }] } }),
    address: 'azurerm_network_security_group.n',
    verdict: 'not_applicable',
  },
  {
    name: 'NSG inline rules from a variable',
    doc: nsg({ security_rule: '${var.rules}' }),
    address: 'azurerm_network_security_group.n',
    verdict: 'unknown',
    path: 'security_rule',
  },
];
