import { Rule } from '../../engine/rule';
import { COSMOSDB } from './stores/azure-cosmosdb';
import { POSTGRESQL_FLEXIBLE } from './stores/azure-postgresql';

export const backupsRule: Rule = {
  id: 'ZT-DATA-011',
  title: 'Databases and file systems are protected from deletion and backed up',
  severity: 'high',
  layer: 'data',
  rationale:
    'Feature stores, metadata databases, vector indexes and shared file systems next to a lake hold state that ' +
    'cannot be rebuilt from the lake alone. A mistaken delete, a ransomware-style wipe or a bad migration must be ' +
    'recoverable: the service refuses to delete the store without an explicit step, and automated backups are ' +
    'kept long enough (at least 7 days) and in a second region, so a restore is possible after the fault is noticed.',
  remediation:
    'Azure: azurerm_cosmosdb_account backup { type = "Continuous" } (or a "Periodic" backup with retention_in_hours ' +
    '>= 168 and storage_redundancy = "Geo"); azurerm_postgresql_flexible_server geo_redundant_backup_enabled = true ' +
    '(set at creation) with backup_retention_days of at least 7.',
  controls: [
    { framework: 'NIST-800-53', id: 'CP-9' },
    { framework: 'NIST-800-53', id: 'CP-10' },
    { framework: 'SOC2', id: 'A1.2' },
    { framework: 'HIPAA', id: '164.308(a)(7)(ii)(A)' },
    { framework: 'GDPR', id: 'Art. 32(1)(c)' },
    { framework: 'ISO-27001', id: 'A.8.13' },
  ],
  equivalents: [],
  checks: {
    ...COSMOSDB.backups,
    ...POSTGRESQL_FLEXIBLE.backups,
  },
};
