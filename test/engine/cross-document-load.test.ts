import * as path from 'path';
import { App, TerraformOutput, TerraformStack } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { loadCloudFormationObject, loadPaths } from '../../policies/engine';
import type { Document } from '../../policies/engine';
import { tempDir } from '../support/temp-dir';

/** What the resolver needs to follow references across the documents of one deployment. */
const tmp = tempDir('xdoc');
afterAll(() => tmp.remove());
const outdir = path.join(tmp.dir, 'cdktf.out');
let producer: Document;
let consumer: Document;

beforeAll(() => {
  // A real cdktf 0.21 app whose consumer stack uses the producer's resource group.
  const app = new App({ outdir });
  const a = new TerraformStack(app, 'producer');
  new AzurermProvider(a, 'azurerm', { features: [{}] });
  const rg = new ResourceGroup(a, 'rg', { name: 'rg-net', location: 'westeurope' });
  new TerraformOutput(a, 'rg_name', { value: rg.name });
  const b = new TerraformStack(app, 'consumer');
  new AzurermProvider(b, 'azurerm', { features: [{}] });
  new StorageAccount(b, 'sa', {
    name: 'salake',
    resourceGroupName: rg.name,
    location: rg.location,
    accountTier: 'Standard',
    accountReplicationType: 'ZRS',
  });
  app.synth();
  const docs = loadPaths([outdir]);
  [consumer, producer] = docs;
});

describe('cdktf.out cross-stack references', () => {
  test('every stack shares the deployment id; the consumer maps its remote state to the producer', () => {
    expect([consumer.stack, producer.stack]).toEqual(['consumer', 'producer']);
    expect(consumer.deployment).toBe(path.resolve(outdir));
    expect(producer.deployment).toBe(consumer.deployment);
    expect(consumer.remoteStates).toEqual({ 'cross-stack-reference-input-producer': producer.id });
    expect(producer.remoteStates).toBeUndefined();
  });

  test('the consumer reads an output of the producer, whose value references the resource', () => {
    const sa = consumer.resources.find((r) => r.address === 'azurerm_storage_account.sa');
    const ref = /^\$\{data\.terraform_remote_state\.([^.]+)\.outputs\.([^}]+)\}$/.exec(
      String(sa?.properties.resource_group_name),
    );
    expect(ref).not.toBeNull();
    const [, state, output] = ref as RegExpExecArray;
    expect(consumer.remoteStates?.[state]).toBe(producer.id);
    expect(producer.outputs?.[output]).toEqual({ sensitive: true, value: '${azurerm_resource_group.rg.name}' });
    expect(producer.outputs?.rg_name).toEqual({ value: '${azurerm_resource_group.rg.name}' });
  });
});

describe('CloudFormation outputs', () => {
  test('Outputs with their exports are kept for Fn::ImportValue', () => {
    const doc = loadCloudFormationObject(
      {
        Resources: { Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } } },
        Outputs: { VpcId: { Value: { Ref: 'Vpc' }, Export: { Name: 'net-vpc-id' } } },
      },
      { file: 'net.json' },
    );
    expect(doc.outputs).toEqual({ VpcId: { Value: { Ref: 'Vpc' }, Export: { Name: 'net-vpc-id' } } });
  });
});
