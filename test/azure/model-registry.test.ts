import { TerraformStack } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { AzureModelRegistry, type AzureModelCard, modelCardDocument } from '../../lib/azure/model-registry';
import { scratchApp, synthStack } from './synth';

/** The Azure signing key and the model card document, from the synthesized Terraform JSON. */
const CARD: AzureModelCard = {
  folder: 'churn/3/',
  description: 'Predicts churn',
  owner: 'ml-team',
  status: 'Approved',
  trainingData: { lineage: 'ztai:data-lake/curated', datasets: ['abfss://curated@lake/churn/2026-11/'] },
  intendedUse: 'Ranking accounts for retention outreach',
  limitations: 'Not for credit decisions',
  evaluation: { auc: 0.91 },
  securityConsiderations: 'Pseudonymised training data',
};
const build =
  (props: Partial<ConstructorParameters<typeof AzureModelRegistry>[2]> = {}) =>
  (stack: TerraformStack) =>
    new AzureModelRegistry(stack, 'models', {
      project: 'ztai',
      environment: 'dev',
      keyVaultId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv',
      storage: { accountName: 'lake', containerName: 'curated' },
      modelCards: [CARD],
      ...props,
    });
const tf = synthStack((app) => {
  const stack = new TerraformStack(app, 'models');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  build()(stack);
  return stack;
});

test('signing key: EC-HSM P-256, key_opts exactly sign and verify, yearly rotation, prevent_destroy', () => {
  const [key] = Object.values(tf.resource.azurerm_key_vault_key);
  expect(key).toMatchObject({ key_type: 'EC-HSM', curve: 'P-256', key_opts: ['sign', 'verify'] });
  expect(key.rotation_policy.automatic.time_after_creation).toBe('P365D');
  expect(key.lifecycle.prevent_destroy).toBe(true);
});

test('the model card is a JSON blob inside the model folder (a file the signature covers)', () => {
  const [blob] = Object.values(tf.resource.azurerm_storage_blob);
  expect(blob).toMatchObject({
    name: 'models/churn/3/model-card.json',
    storage_account_name: 'lake',
    storage_container_name: 'curated',
    type: 'Block',
    content_type: 'application/json',
  });
  expect(JSON.parse(blob.source_content)).toEqual(modelCardDocument(CARD));
  expect(JSON.parse(blob.source_content)).toMatchObject({
    status: 'Approved',
    training_details: { lineage: CARD.trainingData.lineage },
  });
});

test.each([
  [{ artifactPrefix: 'Models' }, 'AzureModelRegistry.artifactPrefix'],
  [{ modelCards: [{ ...CARD, folder: '/abs' }] }, 'AzureModelRegistry.modelCards[0].folder'],
  [{ modelCards: [{ ...CARD, limitations: ' ' }] }, 'AzureModelRegistry.modelCards[0].limitations'],
  [
    { modelCards: [{ ...CARD, trainingData: { lineage: 'x', datasets: [] } }] },
    'AzureModelRegistry.modelCards[0].trainingData',
  ],
  [{ project: 'A B' }, 'AzureModelRegistry.project'],
])('%# -> error naming %s', (props, prop) => {
  expect(() => build(props as never)(new TerraformStack(scratchApp(), 's'))).toThrow(prop);
});
