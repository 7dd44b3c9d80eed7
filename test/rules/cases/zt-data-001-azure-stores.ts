import type { RuleCase } from '../helpers';
import { tf } from '../helpers';

/** ZT-DATA-001 on the Azure stores next to a lake: Cosmos DB, PostgreSQL flexible server, AI Search. */
const KEY = { azurerm_key_vault_key: { k: { name: 'k', key_vault_id: 'kv', key_type: 'RSA', key_size: 2048 } } };
const one = (type: string, body: Record<string, unknown>) => tf({ ...KEY, [type]: { r: { name: 'r', ...body } } });
const COSMOS = 'azurerm_cosmosdb_account';
const PG = 'azurerm_postgresql_flexible_server';
const SEARCH = 'azurerm_search_service';

export const azureStoreCases: RuleCase[] = [
  {
    name: 'Cosmos DB account with a Key Vault key',
    doc: one(COSMOS, { key_vault_key_id: '${azurerm_key_vault_key.k.versionless_id}' }),
    address: `${COSMOS}.r`,
    verdict: 'pass',
    path: 'key_vault_key_id',
  },
  {
    name: 'Cosmos DB account with a Managed HSM key',
    doc: one(COSMOS, { managed_hsm_key_id: 'https://hsm.managedhsm.azure.net/keys/k' }),
    address: `${COSMOS}.r`,
    verdict: 'pass',
    path: 'managed_hsm_key_id',
  },
  {
    name: 'Cosmos DB account without a key (Microsoft-managed)',
    doc: one(COSMOS, {}),
    address: `${COSMOS}.r`,
    verdict: 'fail',
    path: 'key_vault_key_id',
    message: /Microsoft-managed/,
  },
  {
    name: 'Cosmos DB account with an empty key ID',
    doc: one(COSMOS, { key_vault_key_id: '' }),
    address: `${COSMOS}.r`,
    verdict: 'fail',
    path: 'key_vault_key_id',
  },
  {
    name: 'PostgreSQL flexible server with customer_managed_key',
    doc: one(PG, {
      customer_managed_key: [
        { key_vault_key_id: '${azurerm_key_vault_key.k.id}', primary_user_assigned_identity_id: 'uai' },
      ],
    }),
    address: `${PG}.r`,
    verdict: 'pass',
    path: 'customer_managed_key.key_vault_key_id',
  },
  {
    name: 'PostgreSQL flexible server without customer_managed_key',
    doc: one(PG, {}),
    address: `${PG}.r`,
    verdict: 'fail',
    path: 'customer_managed_key',
  },
  {
    name: 'PostgreSQL flexible server key from a dynamic block',
    doc: one(PG, {
      dynamic: { customer_managed_key: [{ for_each: '${var.cmk}', content: [{ key_vault_key_id: 'kid' }] }] },
    }),
    address: `${PG}.r`,
    verdict: 'unknown',
    message: /for_each/,
  },
  {
    name: 'AI Search service enforcing customer-managed keys',
    doc: one(SEARCH, { sku: 'standard', customer_managed_key_enforcement_enabled: true }),
    address: `${SEARCH}.r`,
    verdict: 'pass',
  },
  {
    name: 'AI Search service without CMK enforcement (default false)',
    doc: one(SEARCH, { sku: 'standard' }),
    address: `${SEARCH}.r`,
    verdict: 'fail',
    path: 'customer_managed_key_enforcement_enabled',
  },
  {
    name: 'AI Search CMK enforcement from a variable',
    doc: one(SEARCH, { sku: 'standard', customer_managed_key_enforcement_enabled: '${var.cmk}' }),
    address: `${SEARCH}.r`,
    verdict: 'unknown',
    message: /var\.cmk/,
  },
];
