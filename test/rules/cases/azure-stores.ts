import { tf } from '../helpers';

/** Documents for the Azure data-store cases (Cosmos DB, PostgreSQL flexible server, AI Search, Redis). */
export const COSMOS = 'azurerm_cosmosdb_account';
export const PG = 'azurerm_postgresql_flexible_server';
export const PG_CONFIG = 'azurerm_postgresql_flexible_server_configuration';
export const SEARCH = 'azurerm_search_service';
export const REDIS = 'azurerm_redis_cache';

/** One resource `<type>.r`, plus any other resources. */
export const store = (
  type: string,
  body: Record<string, unknown>,
  more: Record<string, Record<string, unknown>> = {},
) => tf({ ...more, [type]: { r: { name: 'r', ...body } } });

/** A server parameter of `azurerm_postgresql_flexible_server.r` (or of another server ID). */
export const pgParameter = (name: unknown, value: unknown, extra: Record<string, unknown> = {}) => ({
  name,
  value,
  server_id: `\${${PG}.r.id}`,
  ...extra,
});

/** The server with parameters, by resource name. */
export const pgWith = (configs: Record<string, unknown>, server: Record<string, unknown> = {}) =>
  store(PG, server, { [PG_CONFIG]: configs });
