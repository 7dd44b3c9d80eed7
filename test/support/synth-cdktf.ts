import { App, TerraformLocal, TerraformStack, TerraformVariable } from 'cdktf';
import { DataAzurermClientConfig } from '@cdktf/provider-azurerm/lib/data-azurerm-client-config';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';

/** A small real cdktf app for loader tests: two stacks, a waiver in the `//` block, var/local/data. */
export const TF_WAIVER_REASON = 'Diagnostics arrive with the monitoring layer in a later issue.';

export function synthCdktfApp(outdir: string): void {
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'lake');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  const location = new TerraformVariable(stack, 'location', { type: 'string', default: 'westeurope' });
  const tags = new TerraformLocal(stack, 'tags', { owner: 'platform' });
  const client = new DataAzurermClientConfig(stack, 'client');
  const rg = new ResourceGroup(stack, 'rg', {
    name: 'rg-lake',
    location: location.stringValue,
    tags: tags.asStringMap,
  });
  const sa = new StorageAccount(stack, 'sa', {
    name: 'salake',
    resourceGroupName: rg.name,
    location: rg.location,
    accountTier: 'Standard',
    accountReplicationType: 'ZRS',
    minTlsVersion: 'TLS1_2',
    blobProperties: { versioningEnabled: true, deleteRetentionPolicy: { days: 7 } },
    lifecycle: { preventDestroy: true },
    tags: { tenant: client.tenantId, label: `${rg.name}-lake` },
  });
  sa.addOverride('//.zt:waivers', [{ ruleId: 'ZT-DATA-006', reason: TF_WAIVER_REASON, expires: '2099-12-31' }]);

  const other = new TerraformStack(app, 'network');
  new AzurermProvider(other, 'azurerm', { features: [{}] });
  new ResourceGroup(other, 'rg', { name: 'rg-net', location: 'westeurope' });
  app.synth();
}
