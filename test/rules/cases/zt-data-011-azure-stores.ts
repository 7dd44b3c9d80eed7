import type { RuleCase } from '../helpers';
import { COSMOS, PG, store } from './azure-stores';

/** ZT-DATA-011 on Cosmos DB backup policies and PostgreSQL flexible server backups. */
export const azureStoreCases: RuleCase[] = [
  {
    name: 'Cosmos DB account with continuous backup',
    doc: store(COSMOS, { backup: [{ type: 'Continuous', tier: 'Continuous30Days' }] }),
    address: `${COSMOS}.r`,
    verdict: 'pass',
    path: 'backup.type',
  },
  {
    name: 'Cosmos DB account with periodic backup kept 30 days, geo-redundant',
    doc: store(COSMOS, { backup: { type: 'Periodic', interval_in_minutes: 240, retention_in_hours: 720 } }),
    address: `${COSMOS}.r`,
    verdict: 'pass',
  },
  {
    name: 'Cosmos DB account without a backup block (periodic, 8 hours)',
    doc: store(COSMOS, {}),
    address: `${COSMOS}.r`,
    verdict: 'fail',
    path: 'backup',
  },
  {
    name: 'Cosmos DB account with the default periodic retention',
    doc: store(COSMOS, { backup: { type: 'Periodic' } }),
    address: `${COSMOS}.r`,
    verdict: 'fail',
    failingPaths: ['backup.retention_in_hours'],
  },
  {
    name: 'Cosmos DB account with local-only periodic backups',
    doc: store(COSMOS, { backup: { type: 'Periodic', retention_in_hours: 168, storage_redundancy: 'Local' } }),
    address: `${COSMOS}.r`,
    verdict: 'fail',
    failingPaths: ['backup.storage_redundancy'],
  },
  {
    name: 'Cosmos DB backup type from a variable',
    doc: store(COSMOS, { backup: { type: '${var.backup}' } }),
    address: `${COSMOS}.r`,
    verdict: 'unknown',
    path: 'backup.type',
  },
  {
    name: 'PostgreSQL server with geo-redundant backups kept 14 days',
    doc: store(PG, { geo_redundant_backup_enabled: true, backup_retention_days: 14 }),
    address: `${PG}.r`,
    verdict: 'pass',
  },
  {
    name: 'PostgreSQL server with the defaults (7 days, one region)',
    doc: store(PG, {}),
    address: `${PG}.r`,
    verdict: 'fail',
    failingPaths: ['geo_redundant_backup_enabled'],
  },
];
