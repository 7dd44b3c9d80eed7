import type { ResourceGraph } from '../../../engine/graph';
import type { Resource } from '../../../engine/model';
import { type Check, type CheckResult, fail, pass } from '../../../engine/rule';
import { allChecks } from '../../shared/combine';
import { PUBLIC_NETWORK_OFF } from '../../shared/azure-network';
import { type Setting, isFalse, isTrue, judgeSetting, setting } from '../../shared/expect';
import { listLength, rawAt, unknownAt } from '../../shared/read';

/** azurerm_search_service (azurerm 4.x). */
const TYPE = 'azurerm_search_service';

/**
 * Search has no service-level key: each index and synonym map names its own key through the data
 * plane. Enforcement is the control-plane lever: the service then refuses objects without a CMK.
 */
const CMK_ENFORCED = isTrue('customer_managed_key_enforcement_enabled', {
  providerDefault: false,
  risk: 'indexes may be stored with Microsoft-managed keys only',
});

/** The free tier offers no private endpoint (nor CMK), so the public endpoint is its only path. */
const PRIVATE_LINK_SKU: Setting<string> = {
  path: 'sku',
  type: 'string',
  accept: (v) => v !== 'free',
  want: 'a tier with private endpoints (basic or higher)',
  risk: 'the free tier supports no private endpoint',
};

/** API keys (admin and query keys) bypass Entra ID RBAC; on unless local authentication is off. */
const NO_KEYS = isFalse('local_authentication_enabled', {
  providerDefault: true,
  risk: 'admin and query API keys grant access outside Entra ID',
});

/**
 * allowed_ips is the whole firewall: empty admits every address while public access is on. With
 * public access off the list is unused (and adding addresses would only loosen it), so that passes.
 */
function firewall(g: ResourceGraph, service: Resource): CheckResult {
  const pub = judgeSetting(g, service, PUBLIC_NETWORK_OFF);
  if (pub.verdict === 'pass') return pass(`${pub.path} is false, so the firewall admits no public address`, pub.path);
  const ips = 'allowed_ips';
  const n = listLength(g, service, ips);
  if (n.kind === 'unknown') return unknownAt(ips, n.reason);
  const raw = rawAt(service, ips);
  if (Array.isArray(raw) && raw.some((ip) => ip === '0.0.0.0/0')) return fail(`${ips} admits every address`, ips);
  if (n.kind === 'value' && n.value > 0) return pass(`${ips} admits only the listed addresses`, ips);
  if (pub.verdict === 'unknown') return pub;
  return fail(`${ips} is empty and public access is on, so every address is admitted`, ips);
}

export const SEARCH = {
  cmk: { [TYPE]: setting(CMK_ENFORCED) },
  publicNetwork: { [TYPE]: allChecks(setting(PUBLIC_NETWORK_OFF), setting(PRIVATE_LINK_SKU)) },
  defaultDeny: { [TYPE]: (s, { graph }) => firewall(graph, s) },
  legacyAuth: { [TYPE]: setting(NO_KEYS) },
} satisfies Record<string, Record<string, Check>>;
