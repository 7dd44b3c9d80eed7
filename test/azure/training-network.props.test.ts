import { TerraformStack } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { BlueprintConfigError } from '../../lib/core/errors';
import { SecureDataLake } from '../../lib/azure/data-lake';
import { resolveTrainingNetworkProps, TrainingNetwork, TrainingNetworkProps } from '../../lib/azure/training-network';
import { thrown } from '../support/thrown';
import { allOf, atPath, scratchApp, synthStack } from './synth';

const errorOf = (props: TrainingNetworkProps) =>
  thrown(BlueprintConfigError, () => new TrainingNetwork(new TerraformStack(scratchApp(), 's'), 'net', props));

describe('TrainingNetwork (Azure) props validation (errors name the prop)', () => {
  it.each<[string, TrainingNetworkProps, string]>([
    ['a malformed CIDR', { cidr: '10.20.0.0/33' }, 'TrainingNetwork.cidr'],
    ['a CIDR with host bits', { cidr: '10.20.0.5/24' }, 'TrainingNetwork.cidr'],
    [
      'overlapping subnets',
      { subnetCidrs: { training: '10.20.0.0/22', privateEndpoints: '10.20.2.0/24' } },
      'TrainingNetwork.subnetCidrs.training',
    ],
    [
      'a subnet outside the VNet',
      { subnetCidrs: { training: '10.21.0.0/24' } },
      'TrainingNetwork.subnetCidrs.training',
    ],
    ['an unknown subnet role', { subnetCidrs: { gpu: '10.20.9.0/24' } as never }, 'TrainingNetwork.subnetCidrs'],
    ['subnets that do not fit', { cidr: '10.20.0.0/24', subnetPrefix: 25 }, 'TrainingNetwork.subnetPrefix'],
    [
      'a bad client CIDR',
      { privateEndpointClientCidrs: ['10.0.0.0/33'] },
      'TrainingNetwork.privateEndpointClientCidrs[0]',
    ],
    ['a short retention', { logRetentionDays: 30 }, 'TrainingNetwork.logRetentionDays'],
    ['a bad location', { location: 'West Europe' }, 'TrainingNetwork.location'],
    [
      'a bad watcher group',
      { existingNetworkWatcher: { name: 'NetworkWatcher_westeurope', resourceGroupName: 'bad/rg' } },
      'TrainingNetwork.existingNetworkWatcher.resourceGroupName',
    ],
  ])('rejects %s', (_label, props, prop) => {
    const e = errorOf(props);
    expect(e.prop).toBe(prop);
    expect(e.message).toMatch(/^Invalid .*: expected /);
  });
});

describe('TrainingNetwork (Azure) options', () => {
  // A network with a lake-owned key, an existing watcher, explicit subnets and extra endpoint clients.
  const tf = synthStack((app) => {
    const stack = new TerraformStack(app, 'opt');
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
    const net = new TrainingNetwork(stack, 'net', {
      cidr: '10.40.0.0/20',
      subnetCidrs: { training: '10.40.8.0/22' },
      privateEndpointClientCidrs: ['192.168.10.0/24'],
      existingNetworkWatcher: { name: 'NetworkWatcher_westeurope', resourceGroupName: 'NetworkWatcherRG' },
      logRetentionDays: 365,
    });
    const lake = new SecureDataLake(stack, 'lake', {
      existingNetwork: {
        virtualNetworkId: net.vnet.id,
        subnetId: net.subnets.privateEndpoints.id,
        privateDnsZoneIds: {
          blob: net.privateDnsZoneIds.blob,
          dfs: net.privateDnsZoneIds.dfs,
          vault: net.privateDnsZoneIds.vault,
        },
      },
    });
    net.enableFlowLogs({ keyVault: lake.keyVault, key: lake.key });
    expect(() => net.enableFlowLogs({ keyVault: lake.keyVault, key: lake.key })).toThrow(BlueprintConfigError);
    return stack;
  });

  it('keeps explicit subnets and carves the others around them', () => {
    expect(atPath(tf, 'opt/net/subnet-training').body.address_prefixes).toEqual(['10.40.8.0/22']);
    expect(atPath(tf, 'opt/net/subnet-privateEndpoints').body.address_prefixes).toEqual(['10.40.0.0/24']);
    expect(atPath(tf, 'opt/net/subnet-apiManagement').body.address_prefixes).toEqual(['10.40.1.0/24']);
  });

  it('admits the listed clients to the private endpoints', () => {
    const rule = allOf(tf, 'azurerm_network_security_rule').find((r) =>
      r.body['//'].metadata.path.endsWith('nsg-privateEndpoints-allow-platform-https-inbound'),
    )!;
    expect(rule.body.source_address_prefixes).toEqual(['10.40.8.0/22', '10.40.1.0/24', '192.168.10.0/24']);
  });

  it('uses the existing Network Watcher and creates none', () => {
    expect(allOf(tf, 'azurerm_network_watcher')).toHaveLength(0);
    expect(atPath(tf, 'opt/net/flow-log').body).toMatchObject({
      network_watcher_name: 'NetworkWatcher_westeurope',
      resource_group_name: 'NetworkWatcherRG',
      retention_policy: { enabled: true, days: 365 },
    });
    expect(atPath(tf, 'opt/net/workspace').body.retention_in_days).toBe(365);
  });
});

describe('TrainingNetwork (Azure) names', () => {
  it('keeps the hash in the flow-log account name even for the longest project and environment', () => {
    const long = resolveTrainingNetworkProps({ project: 'abcdefghijklmnop', environment: 'qrstuvwxyzab' }, 'p');
    expect(long.names.storageAccount).toMatch(/^stabcdefghijklmnfl[0-9a-f]{6}$/);
    const other = resolveTrainingNetworkProps({ project: 'abcdefghijklmnop', environment: 'qrstuvwxyzcd' }, 'p');
    expect(other.names.storageAccount).not.toBe(long.names.storageAccount);
    expect(resolveTrainingNetworkProps({}, 'p').names.storageAccount).toMatch(/^stztaidevfl[0-9a-f]{6}$/);
  });
});

describe('TrainingNetwork (Azure) without flow logs', () => {
  it('fails synth: a VNet without flow logs is never silent', () => {
    expect(() =>
      synthStack((app) => {
        const stack = new TerraformStack(app, 'nolog');
        new AzurermProvider(stack, 'azurerm', { features: [{}] });
        new TrainingNetwork(stack, 'net');
        return stack;
      }),
    ).toThrow(/nolog\/net: flow logs are off; call enableFlowLogs\(\)/);
  });
});
