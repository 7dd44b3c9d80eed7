// A consumer's CDKTF app, written only for the consumer test: it imports the installed package,
// compiles with plain `tsc` and synthesizes through `app.synth()` (no cdktf CLI).
import { App, TerraformStack } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { SecureDataLake, waive } from '@zt-ai/blueprint/azure';
import { addZeroTrustValidation } from '@zt-ai/blueprint/cdktf';

const app = new App({ outdir: process.env.CONSUMER_OUTDIR ?? 'cdktf.out' });
const stack = new TerraformStack(app, 'consumer-lake');
new AzurermProvider(stack, 'azurerm', { features: [{}], storageUseAzuread: true });
const lake = new SecureDataLake(stack, 'lake', {
  zones: ['raw', 'features'],
  tenantId: '00000000-0000-0000-0000-000000000000',
});

// A standalone lake creates its own VNet; in a platform the TrainingNetwork supplies it with VNet
// flow logs. The consumer records that exception visibly, as a consumer would.
waive(lake.vnet!, {
  ruleId: 'ZT-NETWORK-004',
  reason:
    'Consumer test app: this stand-alone VNet carries no traffic; production lakes use the training network, which has VNet flow logs.',
});

// Diagnostics go to the platform's Log Analytics workspace, which this stand-alone lake does not have.
for (const store of [lake.storageAccount, lake.keyVault]) {
  waive(store, {
    ruleId: 'ZT-MONITORING-002',
    reason:
      'Consumer test app: no Log Analytics workspace here; in a platform the audit layer adds diagnostic settings.',
  });
}

if (process.env.CONSUMER_NONCOMPLIANT === '1') {
  // A storage account with the provider defaults (public network access, shared keys): must be stopped.
  new StorageAccount(stack, 'plain', {
    name: 'stconsumerplain01',
    resourceGroupName: 'rg-consumer',
    location: 'westeurope',
    accountTier: 'Standard',
    accountReplicationType: 'ZRS',
  });
}

addZeroTrustValidation(stack, { print: (text) => process.stdout.write(text) });

// The lake's resources must be instances of the consumer's own provider classes (one copy).
console.log(
  `CONSUMER-CHECKS ${JSON.stringify({ storageIsStorageAccount: lake.storageAccount instanceof StorageAccount })}`,
);
app.synth();
