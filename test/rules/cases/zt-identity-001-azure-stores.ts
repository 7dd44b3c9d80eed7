import type { RuleCase } from '../helpers';
import { COSMOS, PG, REDIS, SEARCH, store } from './azure-stores';

/** ZT-IDENTITY-001 on key and password authentication of the Azure data stores. */
const ENTRA_ONLY = { active_directory_auth_enabled: true, password_auth_enabled: false, tenant_id: 't' };

export const azureStoreCases: RuleCase[] = [
  {
    name: 'Cosmos DB account with local (key) authentication disabled',
    doc: store(COSMOS, { local_authentication_disabled: true }),
    address: `${COSMOS}.r`,
    verdict: 'pass',
  },
  {
    name: 'Cosmos DB account with the default (account keys on)',
    doc: store(COSMOS, {}),
    address: `${COSMOS}.r`,
    verdict: 'fail',
    path: 'local_authentication_disabled',
  },
  {
    name: 'PostgreSQL server with Entra ID only',
    doc: store(PG, { authentication: [ENTRA_ONLY] }),
    address: `${PG}.r`,
    verdict: 'pass',
  },
  {
    name: 'PostgreSQL server with the default (passwords only)',
    doc: store(PG, {}),
    address: `${PG}.r`,
    verdict: 'fail',
    failingPaths: ['authentication.password_auth_enabled', 'authentication.active_directory_auth_enabled'],
  },
  {
    name: 'PostgreSQL server with Entra ID and passwords',
    doc: store(PG, { authentication: { active_directory_auth_enabled: true } }),
    address: `${PG}.r`,
    verdict: 'fail',
    failingPaths: ['authentication.password_auth_enabled'],
  },
  {
    name: 'PostgreSQL authentication from a dynamic block',
    doc: store(PG, { dynamic: { authentication: [{ for_each: '${var.auth}', content: [ENTRA_ONLY] }] } }),
    address: `${PG}.r`,
    verdict: 'unknown',
    message: /for_each/,
  },
  {
    name: 'AI Search service with API keys off',
    doc: store(SEARCH, { sku: 'basic', local_authentication_enabled: false }),
    address: `${SEARCH}.r`,
    verdict: 'pass',
  },
  {
    name: 'AI Search service with the default (API keys on)',
    doc: store(SEARCH, { sku: 'basic' }),
    address: `${SEARCH}.r`,
    verdict: 'fail',
    path: 'local_authentication_enabled',
  },
  {
    name: 'Redis cache with Entra ID only',
    doc: store(REDIS, {
      access_keys_authentication_enabled: false,
      redis_configuration: [{ active_directory_authentication_enabled: true }],
    }),
    address: `${REDIS}.r`,
    verdict: 'pass',
  },
  {
    name: 'Redis cache with the default (access keys only)',
    doc: store(REDIS, {}),
    address: `${REDIS}.r`,
    verdict: 'fail',
    failingPaths: ['access_keys_authentication_enabled', 'redis_configuration.active_directory_authentication_enabled'],
  },
  {
    name: 'Redis cache with authentication turned off',
    doc: store(REDIS, {
      access_keys_authentication_enabled: false,
      redis_configuration: { active_directory_authentication_enabled: true, authentication_enabled: false },
    }),
    address: `${REDIS}.r`,
    verdict: 'fail',
    failingPaths: ['redis_configuration.authentication_enabled'],
  },
];
