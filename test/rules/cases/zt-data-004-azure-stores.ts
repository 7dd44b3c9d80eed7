import type { RuleCase } from '../helpers';
import { tf } from '../helpers';
import { COSMOS, PG, PG_CONFIG, REDIS, pgParameter, pgWith, store } from './azure-stores';

/** ZT-DATA-004 on Cosmos DB, PostgreSQL flexible server (ssl_min_protocol_version) and Redis. */
export const azureStoreCases: RuleCase[] = [
  { name: 'Cosmos DB account with the default Tls12', doc: store(COSMOS, {}), address: `${COSMOS}.r`, verdict: 'pass' },
  {
    name: 'Cosmos DB account with Tls12',
    doc: store(COSMOS, { minimal_tls_version: 'Tls12' }),
    address: `${COSMOS}.r`,
    verdict: 'pass',
  },
  {
    name: 'Cosmos DB account allowing TLS 1.0',
    doc: store(COSMOS, { minimal_tls_version: 'Tls' }),
    address: `${COSMOS}.r`,
    verdict: 'fail',
    path: 'minimal_tls_version',
  },
  {
    name: 'PostgreSQL server without parameters (server default TLSv1.2)',
    doc: store(PG, {}),
    address: `${PG}.r`,
    verdict: 'pass',
    path: 'ssl_min_protocol_version',
    message: /TLSv1\.2/,
  },
  {
    name: 'PostgreSQL server with ssl_min_protocol_version TLSv1.3',
    doc: pgWith({ tls: pgParameter('ssl_min_protocol_version', 'TLSv1.3') }),
    address: `${PG}.r`,
    verdict: 'pass',
  },
  {
    name: 'PostgreSQL server with ssl_min_protocol_version TLSv1.1',
    doc: pgWith({ tls: pgParameter('ssl_min_protocol_version', 'TLSv1.1') }),
    address: `${PG}.r`,
    verdict: 'fail',
    path: `${PG_CONFIG}.tls.value`,
  },
  {
    name: 'stand-alone parameter allowing TLSv1',
    doc: tf({ [PG_CONFIG]: { tls: pgParameter('ssl_min_protocol_version', 'TLSv1', { server_id: 'srv-id' }) } }),
    address: `${PG_CONFIG}.tls`,
    verdict: 'fail',
    path: 'value',
  },
  {
    name: 'stand-alone parameter requiring TLSv1.2',
    doc: tf({ [PG_CONFIG]: { tls: pgParameter('ssl_min_protocol_version', 'TLSv1.2', { server_id: 'srv-id' }) } }),
    address: `${PG_CONFIG}.tls`,
    verdict: 'pass',
  },
  { name: 'Redis cache with the default 1.2', doc: store(REDIS, {}), address: `${REDIS}.r`, verdict: 'pass' },
  {
    name: 'Redis cache allowing TLS 1.0',
    doc: store(REDIS, { minimum_tls_version: '1.0' }),
    address: `${REDIS}.r`,
    verdict: 'fail',
    path: 'minimum_tls_version',
  },
  {
    name: 'Redis minimum TLS from a variable',
    doc: store(REDIS, { minimum_tls_version: '${var.tls}' }),
    address: `${REDIS}.r`,
    verdict: 'unknown',
  },
];
