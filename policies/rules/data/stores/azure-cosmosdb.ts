import type { ResourceGraph } from '../../../engine/graph';
import type { Resource } from '../../../engine/model';
import { type Check, type CheckResult, fail, pass } from '../../../engine/rule';
import { allChecks, eachOf } from '../../shared/combine';
import { judgeAzureKey } from '../../shared/azure-keys';
import { PUBLIC_NETWORK_OFF } from '../../shared/azure-network';
import { atLeast, isTrue, judgeSetting, oneOf, setting } from '../../shared/expect';
import { listLength, rawAt, readString, unknownAt } from '../../shared/read';
import { tfBlock, throughDynamic } from '../../shared/tf-blocks';

/** azurerm_cosmosdb_account (azurerm 4.x): one check per concept, spread into the rule that owns it. */
const TYPE = 'azurerm_cosmosdb_account';

/** Without a key, Cosmos DB encrypts with service-managed keys (always on, not revocable by us). */
const cmk: Check = (account, { graph }) =>
  judgeAzureKey(
    graph,
    account,
    ['key_vault_key_id', 'managed_hsm_key_id'],
    'key_vault_key_id is not set, so Cosmos DB encrypts with Microsoft-managed keys; set it to a versionless Key Vault key ID',
  );

/** Possible values Tls, Tls11, Tls12; azurerm 4.x defaults to Tls12. */
const MIN_TLS = oneOf('minimal_tls_version', ['Tls12'], {
  providerDefault: 'Tls12',
  risk: 'clients may negotiate TLS 1.0/1.1',
});

/** Account keys and resource tokens bypass Entra ID RBAC; on unless local auth is disabled. */
const NO_KEYS = isTrue('local_authentication_disabled', {
  providerDefault: false,
  risk: 'account keys grant data-plane access outside Entra ID',
});

/**
 * The IP / VNet firewall admits every network unless it is on: the VNet filter (with no rules it
 * admits no VNet) or a non-empty ip_range_filter. "0.0.0.0/0" filters nothing.
 */
function firewall(g: ResourceGraph, account: Resource): CheckResult {
  const vnet = judgeSetting(g, account, isTrue('is_virtual_network_filter_enabled', { providerDefault: false }));
  if (vnet.verdict === 'pass') return vnet;
  const ips = 'ip_range_filter';
  const n = listLength(g, account, ips);
  if (n.kind === 'unknown') return unknownAt(ips, n.reason);
  const count = n.kind === 'value' ? n.value : 0;
  if (vnet.verdict === 'unknown' && count === 0) return vnet;
  const raw = rawAt(account, ips);
  // azurerm 3.x wrote the list as one comma-separated string.
  const list = typeof raw === 'string' ? raw.split(',') : Array.isArray(raw) ? raw : [];
  if (list.some((ip) => typeof ip === 'string' && /^0\.0\.0\.0\/0$/.test(ip.trim()))) {
    return fail(`${ips} admits every address (0.0.0.0/0)`, ips);
  }
  if (count > 0) return pass(`${ips} admits only the listed addresses`, ips);
  return fail(
    'is_virtual_network_filter_enabled is off and ip_range_filter is empty, so every network is admitted whenever public access is on',
    'is_virtual_network_filter_enabled',
  );
}

/**
 * Without a backup block Cosmos DB takes periodic backups kept 8 hours. Continuous backup (7 or 30
 * days of point-in-time restore) passes; periodic needs 7 days of retention in geo-redundant storage.
 */
const RETENTION = atLeast('retention_in_hours', 168, {
  providerDefault: 8,
  risk: 'a restore can only go back that many hours',
});
const GEO = oneOf('storage_redundancy', ['Geo'], {
  providerDefault: 'Geo',
  risk: 'backups do not survive a regional outage',
});

function backups(g: ResourceGraph, account: Resource): CheckResult | CheckResult[] {
  const block = tfBlock(g, account, '', 'backup');
  if (block.kind === 'absent') {
    return fail(
      'backup is not set, so Cosmos DB keeps periodic backups for 8 hours only; set backup { type = "Continuous" }',
      block.path,
    );
  }
  const typePath = `${block.path}.type`;
  const type = readString(g, account, typePath);
  if (type.kind === 'unknown') return unknownAt(typePath, type.reason);
  if (type.kind === 'absent') return fail(`${typePath} is not set; set it to "Continuous"`, typePath);
  if (type.value === 'Continuous') {
    return throughDynamic(block, pass(`${typePath} is "Continuous" (point-in-time restore)`, typePath));
  }
  const periodic = [judgeSetting(g, account, RETENTION, block.path), judgeSetting(g, account, GEO, block.path)];
  return eachOf(periodic.map((r) => throughDynamic(block, r)));
}

export const COSMOSDB = {
  cmk: { [TYPE]: cmk },
  minTls: { [TYPE]: setting(MIN_TLS) },
  publicNetwork: { [TYPE]: setting(PUBLIC_NETWORK_OFF) },
  defaultDeny: { [TYPE]: (a, { graph }) => firewall(graph, a) },
  legacyAuth: { [TYPE]: setting(NO_KEYS) },
  backups: { [TYPE]: allChecks((a, { graph }) => backups(graph, a)) },
} satisfies Record<string, Record<string, Check>>;
