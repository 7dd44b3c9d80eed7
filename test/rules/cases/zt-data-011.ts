import { backupsRule } from '../../../policies/rules/data/zt-data-011-backups';
import type { RuleCases } from '../helpers';
import { azureStoreCases } from './zt-data-011-azure-stores';

export const cases: RuleCases = {
  rule: backupsRule,
  cases: [...azureStoreCases],
};
