import type { RuleCase } from '../helpers';
import { tf } from '../helpers';
import { PG, PG_CONFIG, REDIS, pgParameter, pgWith, store } from './azure-stores';

/** ZT-DATA-003 on PostgreSQL flexible server (require_secure_transport) and Redis (non-SSL port). */
export const azureStoreCases: RuleCase[] = [
  {
    name: 'PostgreSQL server without parameters keeps require_secure_transport on (server default)',
    doc: store(PG, {}),
    address: `${PG}.r`,
    verdict: 'pass',
    path: 'require_secure_transport',
    message: /server-side default \(on\)/,
  },
  {
    name: 'PostgreSQL server with require_secure_transport ON',
    doc: pgWith({ tls: pgParameter('require_secure_transport', 'ON') }),
    address: `${PG}.r`,
    verdict: 'pass',
  },
  {
    name: 'PostgreSQL server parameters that do not touch transport',
    doc: pgWith({ log: pgParameter('log_connections', 'off') }),
    address: `${PG}.r`,
    verdict: 'pass',
    path: 'require_secure_transport',
  },
  {
    name: 'PostgreSQL server with require_secure_transport off',
    doc: pgWith({ log: pgParameter('log_connections', 'on'), tls: pgParameter('require_secure_transport', 'off') }),
    address: `${PG}.r`,
    verdict: 'fail',
    path: `${PG_CONFIG}.tls.value`,
    message: /without TLS/,
  },
  {
    name: 'PostgreSQL parameter whose name is a variable may turn transport security off',
    doc: pgWith({ p: pgParameter('${var.name}', 'off') }),
    address: `${PG}.r`,
    verdict: 'unknown',
    path: `${PG_CONFIG}.p.name`,
  },
  {
    name: 'PostgreSQL require_secure_transport from a variable',
    doc: pgWith({ tls: pgParameter('require_secure_transport', '${var.tls}') }),
    address: `${PG}.r`,
    verdict: 'unknown',
    message: /var\.tls/,
  },
  {
    name: 'PostgreSQL require_secure_transport off in a parameter that exists only for some count',
    doc: pgWith({ tls: pgParameter('require_secure_transport', 'off', { count: '${var.n}' }) }),
    address: `${PG}.r`,
    verdict: 'unknown',
    message: /count/,
  },
  {
    name: 'stand-alone parameter (server elsewhere) turning transport security off',
    doc: tf({ [PG_CONFIG]: { tls: pgParameter('require_secure_transport', 'off', { server_id: 'srv-id' }) } }),
    address: `${PG_CONFIG}.tls`,
    verdict: 'fail',
    path: 'value',
  },
  {
    name: 'stand-alone parameter keeping transport security on',
    doc: tf({ [PG_CONFIG]: { tls: pgParameter('require_secure_transport', 'on', { server_id: 'srv-id' }) } }),
    address: `${PG_CONFIG}.tls`,
    verdict: 'pass',
  },
  {
    name: 'stand-alone parameter for another setting',
    doc: tf({ [PG_CONFIG]: { log: pgParameter('log_connections', 'on', { server_id: 'srv-id' }) } }),
    address: `${PG_CONFIG}.log`,
    verdict: 'not_applicable',
  },
  {
    name: 'parameter attached to a loaded server is judged there',
    doc: pgWith({ tls: pgParameter('require_secure_transport', 'off') }),
    address: `${PG_CONFIG}.tls`,
    verdict: 'not_applicable',
  },
  {
    name: 'Redis cache with the default (no non-SSL port)',
    doc: store(REDIS, {}),
    address: `${REDIS}.r`,
    verdict: 'pass',
  },
  {
    name: 'Redis cache with the non-SSL port on',
    doc: store(REDIS, { non_ssl_port_enabled: true }),
    address: `${REDIS}.r`,
    verdict: 'fail',
    path: 'non_ssl_port_enabled',
  },
  {
    name: 'Redis cache with the azurerm 3.x enable_non_ssl_port on',
    doc: store(REDIS, { enable_non_ssl_port: true }),
    address: `${REDIS}.r`,
    verdict: 'fail',
    path: 'enable_non_ssl_port',
  },
];
