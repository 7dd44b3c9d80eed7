import { TerraformStack } from 'cdktf';
import { TrainingCompute, TrainingComputeProps } from '../../lib/azure/training-compute';
import { BlueprintConfigError } from '../../lib/core/errors';
import { thrown } from '../support/thrown';
import { scratchApp } from './synth';

const sub = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg';
const subnet = (name: string) => `${sub}/providers/Microsoft.Network/virtualNetworks/vnet/subnets/${name}`;
const base: TrainingComputeProps = {
  resourceGroupName: 'rg-ztai-dev',
  location: 'westeurope',
  privateEndpointSubnetId: subnet('endpoints'),
  privateDnsZoneIds: { azureMlApi: 'z1', azureMlNotebooks: 'z2', containerRegistry: 'z3' },
  keyVaultId: `${sub}/providers/Microsoft.KeyVault/vaults/kv`,
  keyId: 'https://kv.vault.azure.net/keys/cmk/0123456789abcdef',
  identity: { id: `${sub}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id`, principalId: 'p' },
  storageAccountId: `${sub}/providers/Microsoft.Storage/storageAccounts/stml`,
  logAnalyticsWorkspaceId: `${sub}/providers/Microsoft.OperationalInsights/workspaces/log`,
};
const stack = new TerraformStack(scratchApp(), 'props');
let n = 0;
const build = (over: Partial<TrainingComputeProps>) => () =>
  new TrainingCompute(stack, `c${n++}`, { ...base, ...over });

describe('Azure TrainingCompute props validation', () => {
  test.each([
    [{ vmSize: 'Standard_D8s_v5' }, 'TrainingCompute.vmSize'],
    [{ vmSize: 'Standard_NP10s' }, 'TrainingCompute.vmSize'],
    [{ maxInstanceCount: 0 }, 'TrainingCompute.maxInstanceCount'],
    [{ maxInstanceCount: -1 }, 'TrainingCompute.maxInstanceCount'],
    [{ minInstanceCount: 5, maxInstanceCount: 2 }, 'TrainingCompute.minInstanceCount'],
    [{ networkModel: 'customer-vnet' }, 'TrainingCompute.trainingSubnetId'],
    [{ trainingSubnetId: subnet('training') }, 'TrainingCompute.trainingSubnetId'],
    [{ networkModel: 'public' as never }, 'TrainingCompute.networkModel'],
    [{ networkModel: 'customer-vnet', trainingSubnetId: 'subnet-1' }, 'TrainingCompute.trainingSubnetId'],
    [{ privateEndpointSubnetId: 'not-an-id' }, 'TrainingCompute.privateEndpointSubnetId'],
    [{ keyVaultId: `${sub}/providers/Microsoft.Storage/storageAccounts/x` }, 'TrainingCompute.keyVaultId'],
    [{ scaleDownAfterIdle: '15 minutes' }, 'TrainingCompute.scaleDownAfterIdle'],
    [{ approvedFqdns: ['https://pypi.org'] }, 'TrainingCompute.approvedFqdns[0]'],
    [{ containerRegistryName: 'acr-with-hyphens' }, 'TrainingCompute.containerRegistryName'],
    [{ location: 'West Europe' }, 'TrainingCompute.location'],
  ] as [Partial<TrainingComputeProps>, string][])('%j -> %s', (over, prop) => {
    const e = thrown(BlueprintConfigError, build(over));
    expect(e.prop).toBe(prop);
    expect(e.message).toContain(prop);
  });

  test('a non-GPU size names the N-series families', () => {
    expect(thrown(BlueprintConfigError, build({ vmSize: 'Standard_E8s_v5' })).message).toMatch(/NCasT4_v3.*ND H100 v5/);
  });

  test('valid props: managed model by default, customer VNet on request', () => {
    expect(build({})().networkModel).toBe('managed');
    const c = build({ networkModel: 'customer-vnet', trainingSubnetId: subnet('training'), maxInstanceCount: 8 })();
    expect([c.networkModel, c.maxInstanceCount]).toEqual(['customer-vnet', 8]);
  });
});
