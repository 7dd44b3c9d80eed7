import type { RuleCase } from '../helpers';
import { COSMOS, SEARCH, store } from './azure-stores';

/** ZT-NETWORK-002 on the firewalls of Cosmos DB (IP / VNet filter) and AI Search (allowed_ips). */
export const azureStoreCases: RuleCase[] = [
  {
    name: 'Cosmos DB account with the VNet filter on',
    doc: store(COSMOS, { is_virtual_network_filter_enabled: true }),
    address: `${COSMOS}.r`,
    verdict: 'pass',
    path: 'is_virtual_network_filter_enabled',
  },
  {
    name: 'Cosmos DB account with an IP filter',
    doc: store(COSMOS, { ip_range_filter: ['203.0.113.0/24'] }),
    address: `${COSMOS}.r`,
    verdict: 'pass',
    path: 'ip_range_filter',
  },
  {
    name: 'Cosmos DB account with an azurerm 3.x comma-separated IP filter',
    doc: store(COSMOS, { ip_range_filter: '203.0.113.1,203.0.113.2' }),
    address: `${COSMOS}.r`,
    verdict: 'pass',
  },
  {
    name: 'Cosmos DB account without a firewall',
    doc: store(COSMOS, {}),
    address: `${COSMOS}.r`,
    verdict: 'fail',
    path: 'is_virtual_network_filter_enabled',
  },
  {
    name: 'Cosmos DB account with an IP filter admitting everyone',
    doc: store(COSMOS, { ip_range_filter: ['0.0.0.0/0'] }),
    address: `${COSMOS}.r`,
    verdict: 'fail',
    path: 'ip_range_filter',
  },
  {
    name: 'Cosmos DB IP filter from a variable',
    doc: store(COSMOS, { ip_range_filter: '${var.ips}' }),
    address: `${COSMOS}.r`,
    verdict: 'unknown',
  },
  {
    name: 'AI Search service with public access off',
    doc: store(SEARCH, { sku: 'basic', public_network_access_enabled: false }),
    address: `${SEARCH}.r`,
    verdict: 'pass',
  },
  {
    name: 'AI Search service public but restricted to listed addresses',
    doc: store(SEARCH, { sku: 'basic', allowed_ips: ['203.0.113.7'] }),
    address: `${SEARCH}.r`,
    verdict: 'pass',
    path: 'allowed_ips',
  },
  {
    name: 'AI Search service public with no allowed_ips',
    doc: store(SEARCH, { sku: 'basic' }),
    address: `${SEARCH}.r`,
    verdict: 'fail',
    path: 'allowed_ips',
  },
  {
    name: 'AI Search service allowing 0.0.0.0/0',
    doc: store(SEARCH, { sku: 'basic', allowed_ips: ['0.0.0.0/0'] }),
    address: `${SEARCH}.r`,
    verdict: 'fail',
    path: 'allowed_ips',
  },
];
