import type { ResourceGraph } from '../../../engine/graph';
import type { Resource } from '../../../engine/model';
import { type Check, type CheckResult, type Equivalent, fail, pass } from '../../../engine/rule';
import { COGNITIVE_ACCOUNT_CMK } from '../../shared/companion-specs';
import { withCompanions } from '../../shared/companions';
import { isPresent, joinPath, readString, unknownAt } from '../../shared/read';
import { tfBlock, throughDynamic } from '../../shared/tf-blocks';

/**
 * ZT-INFERENCE-008 on Terraform azurerm_*: a cognitive account's data (fine-tuned weights,
 * uploaded files, stored completions) is encrypted with the platform's Key Vault key, set inline
 * (customer_managed_key) or by an azurerm_cognitive_account_customer_managed_key.
 */
function keyAt(g: ResourceGraph, res: Resource, path: string, within: string): CheckResult {
  const v = readString(g, res, path);
  if (v.kind === 'unknown' && !isPresent(g, res, path)) return unknownAt(path, v.reason);
  if (v.kind === 'absent' || (v.kind === 'value' && v.value === ''))
    return fail(`${within} names no key_vault_key_id`, path);
  return pass(`${path} names a customer-managed Key Vault key`, path);
}

function inline(g: ResourceGraph, a: Resource): CheckResult {
  const block = tfBlock(g, a, '', 'customer_managed_key');
  if (block.kind === 'absent')
    return fail(
      'no customer_managed_key block and no azurerm_cognitive_account_customer_managed_key targets the account, so Microsoft-managed keys encrypt its data',
      'customer_managed_key',
    );
  return throughDynamic(block, keyAt(g, a, joinPath(block.path, 'key_vault_key_id'), block.path));
}

export const azureChecks: Readonly<Record<string, Check>> = {
  azurerm_cognitive_account: withCompanions({
    spec: COGNITIVE_ACCOUNT_CMK,
    judge: (g, cmk) => keyAt(g, cmk, 'key_vault_key_id', cmk.address),
    inline,
  }),
};

export const azureEquivalents: readonly Equivalent[] = [
  { tool: 'checkov', id: 'CKV2_AZURE_22', resourceTypes: ['azurerm_cognitive_account'] },
];
