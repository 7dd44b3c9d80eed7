import type { RuleCase } from '../helpers';
import { COSMOS, PG, REDIS, SEARCH, store } from './azure-stores';

/** ZT-NETWORK-001 on Cosmos DB, PostgreSQL flexible server, AI Search and Redis. */
const privateAndPublic = [COSMOS, REDIS].flatMap((type): RuleCase[] => [
  {
    name: `${type} private only`,
    doc: store(type, { public_network_access_enabled: false }),
    address: `${type}.r`,
    verdict: 'pass',
  },
  {
    name: `${type} default (public)`,
    doc: store(type, {}),
    address: `${type}.r`,
    verdict: 'fail',
    path: 'public_network_access_enabled',
  },
]);

export const azureStoreCases: RuleCase[] = [
  ...privateAndPublic,
  {
    name: 'PostgreSQL server with public access off (private endpoint)',
    doc: store(PG, { public_network_access_enabled: false }),
    address: `${PG}.r`,
    verdict: 'pass',
  },
  {
    name: 'PostgreSQL server VNet-integrated through delegated_subnet_id',
    doc: store(PG, { delegated_subnet_id: '${azurerm_subnet.db.id}', private_dns_zone_id: 'zone' }),
    address: `${PG}.r`,
    verdict: 'pass',
    message: /delegated_subnet_id/,
  },
  {
    name: 'PostgreSQL server with the 4.x default (public)',
    doc: store(PG, {}),
    address: `${PG}.r`,
    verdict: 'fail',
    path: 'public_network_access_enabled',
  },
  {
    name: 'PostgreSQL server public access from a variable',
    doc: store(PG, { public_network_access_enabled: '${var.public}' }),
    address: `${PG}.r`,
    verdict: 'unknown',
    message: /var\.public/,
  },
  {
    name: 'AI Search service private on the basic tier',
    doc: store(SEARCH, { sku: 'basic', public_network_access_enabled: false }),
    address: `${SEARCH}.r`,
    verdict: 'pass',
  },
  {
    name: 'AI Search service with the default (public)',
    doc: store(SEARCH, { sku: 'standard' }),
    address: `${SEARCH}.r`,
    verdict: 'fail',
    path: 'public_network_access_enabled',
  },
  {
    name: 'AI Search service on the free tier (no private endpoints)',
    doc: store(SEARCH, { sku: 'free' }),
    address: `${SEARCH}.r`,
    verdict: 'fail',
    failingPaths: ['public_network_access_enabled', 'sku'],
  },
];
