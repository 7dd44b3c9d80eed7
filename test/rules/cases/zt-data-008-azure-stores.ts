import type { RuleCase } from '../helpers';
import { COSMOS, PG, SEARCH, store } from './azure-stores';

/** ZT-DATA-008 on the Azure databases and indexes next to a lake. */
export const azureStoreCases: RuleCase[] = [COSMOS, PG, SEARCH].flatMap((type): RuleCase[] => [
  {
    name: `${type} prevent_destroy`,
    doc: store(type, { lifecycle: { prevent_destroy: true } }),
    address: `${type}.r`,
    verdict: 'pass',
  },
  {
    name: `${type} without lifecycle`,
    doc: store(type, {}),
    address: `${type}.r`,
    verdict: 'fail',
    path: 'lifecycle.prevent_destroy',
  },
]);
