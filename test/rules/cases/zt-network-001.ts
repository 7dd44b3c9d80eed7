import { noPublicNetworkRule } from '../../../policies/rules/network/zt-network-001-no-public-network';
import { RuleCase, RuleCases, tf } from '../helpers';
import { azureStoreCases } from './zt-network-001-azure-stores';
import { awsStoreCases } from './zt-network-001-aws-stores';

const one = (type: string, body: Record<string, unknown>) => tf({ [type]: { r: { name: 'r', ...body } } });

export const cases: RuleCases = {
  rule: noPublicNetworkRule,
  cases: [
    ...azureStoreCases,
    ...['azurerm_storage_account', 'azurerm_key_vault'].flatMap((type): RuleCase[] => [
      {
        name: `${type} private only`,
        doc: one(type, { public_network_access_enabled: false }),
        address: `${type}.r`,
        verdict: 'pass' as const,
      },
      {
        name: `${type} default (public)`,
        doc: one(type, {}),
        address: `${type}.r`,
        verdict: 'fail' as const,
        path: 'public_network_access_enabled',
      },
      {
        name: `${type} public with a firewall allow-list still public`,
        doc: one(type, {
          public_network_access_enabled: true,
          network_acls: { default_action: 'Allow', ip_rules: ['1.2.3.4'] },
        }),
        address: `${type}.r`,
        verdict: 'fail' as const,
        path: 'public_network_access_enabled',
      },
      {
        name: `${type} setting from a variable`,
        doc: one(type, { public_network_access_enabled: '${var.public}' }),
        address: `${type}.r`,
        verdict: 'unknown' as const,
        message: /var\.public/,
      },
    ]),
    ...awsStoreCases,
  ],
};
