import * as path from 'path';
import { checkPaths } from '../../policies/engine';
import { ALL_RULES } from '../../policies/rules';
import { tempDir, writeFile } from '../support/temp-dir';

/**
 * The Azure data stores as a hand-written HCL module: a hardened instance of each passes every rule
 * that covers it, one left at the azurerm 4.x defaults fails exactly the rules the defaults break.
 */
const tmp = tempDir('azure-stores');
afterAll(() => tmp.remove());

const dir = path.join(tmp.dir, 'stores');
writeFile(
  dir,
  'hardened.tf',
  `resource "azurerm_key_vault_key" "cmk" {
  name         = "cmk"
  key_vault_id = "kv-id"
  key_type     = "RSA"
  key_size     = 2048
  key_opts     = ["wrapKey", "unwrapKey"]
}

resource "azurerm_user_assigned_identity" "pg" {
  name                = "pg"
  resource_group_name = "rg"
  location            = "westeurope"
}

resource "azurerm_cosmosdb_account" "hardened" {
  name                              = "zt-cosmos"
  location                          = "westeurope"
  resource_group_name               = "rg"
  offer_type                        = "Standard"
  key_vault_key_id                  = azurerm_key_vault_key.cmk.versionless_id
  public_network_access_enabled     = false
  is_virtual_network_filter_enabled = true
  local_authentication_disabled     = true
  minimal_tls_version               = "Tls12"
  consistency_policy {
    consistency_level = "Session"
  }
  geo_location {
    location          = "westeurope"
    failover_priority = 0
  }
  backup {
    type = "Continuous"
    tier = "Continuous30Days"
  }
  lifecycle {
    prevent_destroy = true
  }
}

resource "azurerm_postgresql_flexible_server" "hardened" {
  name                          = "zt-pg"
  resource_group_name           = "rg"
  location                      = "westeurope"
  version                       = "16"
  sku_name                      = "GP_Standard_D2s_v3"
  public_network_access_enabled = false
  geo_redundant_backup_enabled  = true
  backup_retention_days         = 14
  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.pg.id]
  }
  customer_managed_key {
    key_vault_key_id                     = azurerm_key_vault_key.cmk.id
    primary_user_assigned_identity_id    = azurerm_user_assigned_identity.pg.id
    geo_backup_key_vault_key_id          = "https://geo-kv.vault.azure.net/keys/geo"
    geo_backup_user_assigned_identity_id = azurerm_user_assigned_identity.pg.id
  }
  authentication {
    active_directory_auth_enabled = true
    password_auth_enabled         = false
    tenant_id                     = "00000000-0000-0000-0000-000000000000"
  }
  lifecycle {
    prevent_destroy = true
  }
}

resource "azurerm_postgresql_flexible_server_configuration" "tls" {
  name      = "ssl_min_protocol_version"
  server_id = azurerm_postgresql_flexible_server.hardened.id
  value     = "TLSv1.3"
}

resource "azurerm_search_service" "hardened" {
  name                                     = "zt-search"
  resource_group_name                      = "rg"
  location                                 = "westeurope"
  sku                                      = "standard"
  public_network_access_enabled            = false
  local_authentication_enabled             = false
  customer_managed_key_enforcement_enabled = true
  lifecycle {
    prevent_destroy = true
  }
}

resource "azurerm_redis_cache" "hardened" {
  name                               = "zt-redis"
  location                           = "westeurope"
  resource_group_name                = "rg"
  capacity                           = 1
  family                             = "P"
  sku_name                           = "Premium"
  public_network_access_enabled      = false
  minimum_tls_version                = "1.2"
  non_ssl_port_enabled               = false
  access_keys_authentication_enabled = false
  redis_configuration {
    active_directory_authentication_enabled = true
  }
}
`,
);
writeFile(
  dir,
  'defaults.tf',
  `resource "azurerm_cosmosdb_account" "defaults" {
  name                = "dflt-cosmos"
  location            = "westeurope"
  resource_group_name = "rg"
  offer_type          = "Standard"
  consistency_policy {
    consistency_level = "Session"
  }
  geo_location {
    location          = "westeurope"
    failover_priority = 0
  }
}

resource "azurerm_postgresql_flexible_server" "defaults" {
  name                   = "dflt-pg"
  resource_group_name    = "rg"
  location               = "westeurope"
  version                = "16"
  sku_name               = "B_Standard_B1ms"
  administrator_login    = "pgadmin"
  administrator_password = var.pg_password
}

resource "azurerm_postgresql_flexible_server_configuration" "plain" {
  name      = "require_secure_transport"
  server_id = azurerm_postgresql_flexible_server.defaults.id
  value     = "off"
}

resource "azurerm_search_service" "defaults" {
  name                = "dflt-search"
  resource_group_name = "rg"
  location            = "westeurope"
  sku                 = "basic"
}

resource "azurerm_redis_cache" "defaults" {
  name                = "dflt-redis"
  location            = "westeurope"
  resource_group_name = "rg"
  capacity            = 1
  family              = "C"
  sku_name            = "Standard"
}

variable "pg_password" {
  type      = string
  sensitive = true
}
`,
);

const result = checkPaths([dir], ALL_RULES);
const STORES = [
  'azurerm_cosmosdb_account',
  'azurerm_postgresql_flexible_server',
  'azurerm_search_service',
  'azurerm_redis_cache',
];
const judged = (address: string, verdict: string) =>
  [
    ...new Set(
      result.findings.filter((f) => f.resource.address === address && f.verdict === verdict).map((f) => f.ruleId),
    ),
  ].sort();

describe('Azure data stores in an HCL module', () => {
  test.each(STORES)('hardened %s: no failing or unknown finding', (type) => {
    expect(judged(`${type}.hardened`, 'pass').length).toBeGreaterThan(1);
    expect({ fail: judged(`${type}.hardened`, 'fail'), unknown: judged(`${type}.hardened`, 'unknown') }).toEqual({
      fail: [],
      unknown: [],
    });
  });

  test.each([
    [
      'azurerm_cosmosdb_account',
      ['ZT-DATA-001', 'ZT-DATA-008', 'ZT-DATA-011', 'ZT-IDENTITY-001', 'ZT-NETWORK-001', 'ZT-NETWORK-002'],
    ],
    [
      'azurerm_postgresql_flexible_server',
      ['ZT-DATA-001', 'ZT-DATA-003', 'ZT-DATA-008', 'ZT-DATA-011', 'ZT-IDENTITY-001', 'ZT-NETWORK-001'],
    ],
    ['azurerm_search_service', ['ZT-DATA-001', 'ZT-DATA-008', 'ZT-IDENTITY-001', 'ZT-NETWORK-001', 'ZT-NETWORK-002']],
    ['azurerm_redis_cache', ['ZT-IDENTITY-001', 'ZT-NETWORK-001']],
  ])('%s at the provider defaults fails exactly %j', (type, rules) => {
    expect(judged(`${type}.defaults`, 'fail')).toEqual(rules);
    expect(judged(`${type}.defaults`, 'unknown')).toEqual([]);
  });

  test('the server parameter is judged on the server it configures, with its own path', () => {
    const f = result.findings.find(
      (x) => x.ruleId === 'ZT-DATA-003' && x.resource.address === 'azurerm_postgresql_flexible_server.defaults',
    );
    expect(f).toMatchObject({ verdict: 'fail', path: 'azurerm_postgresql_flexible_server_configuration.plain.value' });
    const onConfig = result.findings.filter(
      (x) =>
        x.resource.address === 'azurerm_postgresql_flexible_server_configuration.plain' &&
        x.verdict !== 'not_applicable',
    );
    expect(onConfig).toEqual([]);
  });
});
