import { TerraformStack } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { App } from 'cdktf';
import { evaluate } from '../../policies/engine/evaluate';
import { loadFile } from '../../policies/engine/load';
import { buildGraph } from '../../policies/engine/resource-graph';
import { ALL_RULES } from '../../policies/rules';
import { tempDir, writeFile } from '../support/temp-dir';

/** A vault ID shaped like the data lake's (the real one is a token in the reference stack). */
export const VAULT_ID =
  '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-ztai-dev-data/providers/Microsoft.KeyVault/vaults/kv-ztai-dev-abcdef';
export const READER = '11111111-1111-1111-1111-111111111111';
export const OTHER_READER = '22222222-2222-2222-2222-222222222222';

export function azureStack(app: App, id = 'sec'): TerraformStack {
  const stack = new TerraformStack(app, id);
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  return stack;
}

/** Statuses of the zero-trust pack's findings over one synthesized Terraform JSON body. */
export function zeroTrustFindings(tf: object): { rule: string; address: string; status: string; message: string }[] {
  const { dir, remove } = tempDir('zt-tf');
  try {
    const file = writeFile(dir, 'cdk.tf.json', tf);
    const result = evaluate(buildGraph([loadFile(file)]), ALL_RULES);
    return result.findings.map((f) => ({
      rule: f.ruleId,
      address: f.resource.address,
      status: f.status,
      message: f.message,
    }));
  } finally {
    remove();
  }
}
