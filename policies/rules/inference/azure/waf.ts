import type { ResourceGraph } from '../../../engine/graph';
import type { Resource } from '../../../engine/model';
import { type Check, type CheckResult, type Equivalent, fail, pass } from '../../../engine/rule';
import { readBoolean, readString, unknownAt } from '../../shared/read';
import { tfBlock } from '../../shared/tf-blocks';

/**
 * ZT-INFERENCE-005 on Terraform azurerm_*: API Management in internal VNet mode (or with public
 * network access off) is not public, so it needs no WAF of its own. An External / None instance is
 * public and must be fronted by an Application Gateway with a WAF (one that references it).
 */
function gatewayWaf(g: ResourceGraph, agw: Resource): boolean {
  const tier = readString(g, agw, 'sku.tier');
  const hasPolicy = g.value(agw, 'firewall_policy_id').kind !== 'absent';
  const waf = tfBlock(g, agw, '', 'waf_configuration');
  const enabled = waf.kind === 'static' ? readBoolean(g, agw, `${waf.path}.enabled`) : undefined;
  const on = hasPolicy || (enabled?.kind === 'value' && enabled.value);
  return on && tier.kind === 'value' && tier.value.startsWith('WAF');
}

function fronted(g: ResourceGraph, apim: Resource, why: string): CheckResult {
  const gateways = g.referencedBy(apim, 'azurerm_application_gateway').map((r) => r.from);
  const withWaf = gateways.find((agw) => gatewayWaf(g, agw));
  if (withWaf) return pass(`${why}, fronted by ${withWaf.address} with a WAF`, 'virtual_network_type');
  const detail =
    gateways.length > 0
      ? `${gateways.map((x) => x.address).join(', ')} fronts it without a WAF`
      : 'no Application Gateway WAF fronts it';
  return fail(
    `${why}, and ${detail}: internet traffic reaches the model gateway unfiltered; use virtual_network_type "Internal" or front it with a WAF_v2 Application Gateway`,
    'virtual_network_type',
  );
}

const apim: Check = (a, { graph }) => {
  const mode = readString(graph, a, 'virtual_network_type');
  if (mode.kind === 'unknown') return unknownAt('virtual_network_type', mode.reason);
  const type = mode.kind === 'value' ? mode.value : 'None';
  if (type === 'Internal')
    return pass(
      'virtual_network_type is Internal: the gateway is reachable only from the virtual network',
      'virtual_network_type',
    );
  const publicAccess = readBoolean(graph, a, 'public_network_access_enabled');
  if (publicAccess.kind === 'unknown') return unknownAt('public_network_access_enabled', publicAccess.reason);
  if (publicAccess.kind === 'value' && !publicAccess.value)
    return pass(
      'public_network_access_enabled is false: the gateway is reachable only through private endpoints',
      'public_network_access_enabled',
    );
  return fronted(
    graph,
    a,
    `virtual_network_type is ${mode.kind === 'absent' ? 'not set (None)' : type}: the gateway has a public endpoint`,
  );
};

export const azureChecks: Readonly<Record<string, Check>> = { azurerm_api_management: apim };

export const azureEquivalents: readonly Equivalent[] = [
  // Checkov asks for public network access off; Internal VNet mode or a WAF in front also pass here.
  { tool: 'checkov', id: 'CKV_AZURE_174', resourceTypes: ['azurerm_api_management'] },
  {
    tool: 'checkov',
    id: 'CKV_AZURE_107',
    resourceTypes: ['azurerm_api_management'],
    differences: [
      {
        resource: 'azurerm_api_management.test_success',
        reason:
          'a virtual_network_configuration without virtual_network_type leaves the type None: the gateway is not in the network and keeps its public endpoint',
      },
    ],
  },
];
