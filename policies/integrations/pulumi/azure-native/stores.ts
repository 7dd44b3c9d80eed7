import { type Props, type Reader, defined, enabled, list, negated, obj } from './read';

/**
 * azure-native Cosmos DB accounts, PostgreSQL flexible servers (and their parameters), Redis caches
 * and search services onto the azurerm attributes
 * every rule on them reads (keys, TLS, public network, firewall, backups, CMK). Each ARM default
 * matches the azurerm one the rules apply when a setting is absent: keys on, Entra ID off, public
 * access on, no CMK, a periodic 8-hour backup (absent, as azurerm's default block), non-SSL port off.
 */

/** ARM's Redis configuration values are strings ("true" / "false"); an unknown passes through. */
const flag = (v: unknown): unknown =>
  typeof v === 'string' && /^(true|false)$/i.test(v) ? v.toLowerCase() === 'true' : v;

function redis(p: Props): Props {
  const config = obj(p.redisConfiguration);
  const authNotRequired = flag(config.authnotrequired);
  const redisConfiguration = defined({
    active_directory_authentication_enabled: flag(config['aad-enabled'] ?? config.aadEnabled),
    authentication_enabled: negated(authNotRequired),
  });
  return defined({
    name: p.name,
    non_ssl_port_enabled: p.enableNonSslPort,
    minimum_tls_version: p.minimumTlsVersion,
    public_network_access_enabled: enabled(p.publicNetworkAccess),
    access_keys_authentication_enabled: negated(p.disableAccessKeyAuthentication),
    redis_configuration: Object.keys(redisConfiguration).length > 0 ? redisConfiguration : undefined,
  });
}

/** ARM's CMK enforcement: Enabled is on; Disabled and Unspecified (the default) are off. */
function cmkEnforced(v: unknown): unknown {
  const enforcement = obj(v).enforcement;
  if (typeof enforcement !== 'string') return typeof v === 'string' ? v : enforcement;
  return enforcement.toLowerCase() === 'enabled';
}

function searchService(p: Props): Props {
  const rules = obj(p.networkRuleSet);
  const ips = typeof p.networkRuleSet === 'string' ? p.networkRuleSet : list(rules.ipRules)?.map((r) => r.value);
  return defined({
    name: p.searchServiceName,
    sku: typeof p.sku === 'string' ? p.sku : obj(p.sku).name,
    public_network_access_enabled: enabled(p.publicNetworkAccess),
    allowed_ips: typeof rules.ipRules === 'string' ? rules.ipRules : ips,
    local_authentication_enabled: negated(p.disableLocalAuth),
    customer_managed_key_enforcement_enabled:
      p.encryptionWithCmk === undefined ? undefined : cmkEnforced(p.encryptionWithCmk),
  });
}

/** ARM's backupPolicy onto azurerm's backup block: the type, and a periodic policy's retention and redundancy. */
function backup(v: unknown): unknown {
  if (typeof v === 'string') return { type: v }; // unknown at preview: the block is there, its type is not known
  const policy = obj(v);
  if (policy.type === undefined) return undefined;
  const periodic = obj(policy.periodicModeProperties);
  return defined({
    type: policy.type,
    retention_in_hours: periodic.backupRetentionIntervalInHours,
    storage_redundancy: periodic.backupStorageRedundancy,
  });
}

function cosmosAccount(p: Props): Props {
  const ips = list(p.ipRules)?.map((r) => r.ipAddressOrRange);
  return defined({
    name: p.accountName,
    key_vault_key_id: p.keyVaultKeyUri,
    minimal_tls_version: p.minimalTlsVersion,
    public_network_access_enabled: enabled(p.publicNetworkAccess),
    is_virtual_network_filter_enabled: p.isVirtualNetworkFilterEnabled,
    ip_range_filter: typeof p.ipRules === 'string' ? p.ipRules : ips,
    local_authentication_disabled: p.disableLocalAuth,
    backup: backup(p.backupPolicy),
  });
}

const PG_SERVER = 'azurerm_postgresql_flexible_server';

/** ARM's dataEncryption onto azurerm's customer_managed_key block (SystemManaged is no block). */
function pgKey(v: unknown): unknown {
  if (typeof v === 'string') return { key_vault_key_id: v }; // the whole block unknown at preview
  const enc = obj(v);
  if (typeof enc.type === 'string' && enc.type.toLowerCase() === 'systemmanaged') return undefined;
  if (enc.primaryKeyURI === undefined) return undefined;
  return defined({
    key_vault_key_id: enc.primaryKeyURI,
    primary_user_assigned_identity_id: enc.primaryUserAssignedIdentityId,
  });
}

function pgServer(p: Props): Props {
  const network = obj(p.network);
  const auth = obj(p.authConfig);
  const backupConfig = obj(p.backup);
  const authentication = defined({
    password_auth_enabled: enabled(auth.passwordAuth),
    active_directory_auth_enabled: enabled(auth.activeDirectoryAuth),
  });
  return defined({
    name: p.serverName,
    customer_managed_key: pgKey(p.dataEncryption),
    public_network_access_enabled: enabled(network.publicNetworkAccess),
    delegated_subnet_id: network.delegatedSubnetResourceId,
    authentication: Object.keys(authentication).length > 0 ? authentication : undefined,
    backup_retention_days: backupConfig.backupRetentionDays,
    geo_redundant_backup_enabled: enabled(backupConfig.geoRedundantBackup),
  });
}

/** A server parameter: its name and value; the server it sets is linked through `serverName`. */
const pgConfiguration = (p: Props): Props =>
  defined({ name: p.configurationName, server_id: p.serverName, value: p.value });

export const STORES: Readonly<Record<string, Reader>> = {
  'azure-native:dbforpostgresql:Server': { type: PG_SERVER, read: pgServer },
  'azure-native:dbforpostgresql:Configuration': {
    type: 'azurerm_postgresql_flexible_server_configuration',
    read: pgConfiguration,
    links: [{ prop: 'serverName', at: 'server_id', to: [PG_SERVER], attribute: 'id', by: 'name' }],
  },
  'azure-native:documentdb:DatabaseAccount': { type: 'azurerm_cosmosdb_account', read: cosmosAccount },
  'azure-native:cache:Redis': { type: 'azurerm_redis_cache', read: redis },
  'azure-native:search:Service': { type: 'azurerm_search_service', read: searchService },
};
