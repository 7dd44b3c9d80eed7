import { deletionProtectionRule } from '../../../policies/rules/data/zt-data-011-deletion-protection-backups';
import type { RuleCases } from '../helpers';
import { awsStoreCases } from './zt-data-011-aws-stores';
import { azureStoreCases } from './zt-data-011-azure-stores';

export const cases: RuleCases = {
  rule: deletionProtectionRule,
  cases: [...awsStoreCases, ...azureStoreCases],
};
