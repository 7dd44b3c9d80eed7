import { PULUMI_UNKNOWN } from '../../../policies/integrations/pulumi';
import { resource, run } from './harness';

/**
 * azure-native function apps (web:WebApp, kind functionapp): the kind picks azurerm's Linux or
 * Windows type; ZT-NETWORK-009 (VNet integration), ZT-IDENTITY-004 (public without authentication,
 * through the WebAppAuthSettingsV2 child), ZT-PIPELINE-004 (runtime) and ZT-PIPELINE-005 (scale limit).
 */
const SUBNET = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/functions';
const app = (props: Record<string, unknown> = {}, siteConfig: Record<string, unknown> = {}) =>
  resource('azure-native:web:WebApp', 'fn', {
    name: 'fn-platform',
    resourceGroupName: 'rg',
    kind: 'functionapp,linux',
    publicNetworkAccess: 'Disabled',
    virtualNetworkSubnetId: SUBNET,
    siteConfig: { linuxFxVersion: 'PYTHON|3.12', functionAppScaleLimit: 10, ...siteConfig },
    ...props,
  });

describe('function apps on Pulumi inputs', () => {
  test('a private, VNet-integrated app on a supported runtime with a scale limit passes all four', async () => {
    for (const id of ['ZT-NETWORK-009', 'ZT-IDENTITY-004', 'ZT-PIPELINE-004', 'ZT-PIPELINE-005'])
      expect(await run(id, [app()])).toEqual([]);
  });
  test('no VNet integration fails ZT-NETWORK-009', async () => {
    expect(await run('ZT-NETWORK-009', [app({ virtualNetworkSubnetId: undefined })])).toHaveLength(1);
  });
  test('a retired Python (Linux) or .NET (Windows) version fails ZT-PIPELINE-004', async () => {
    expect(await run('ZT-PIPELINE-004', [app({}, { linuxFxVersion: 'PYTHON|3.8' })])).toHaveLength(1);
    const windows = app({ kind: 'functionapp' }, { linuxFxVersion: undefined, netFrameworkVersion: 'v6.0' });
    expect(await run('ZT-PIPELINE-004', [windows])).toHaveLength(1);
  });
  test('no scale limit fails ZT-PIPELINE-005; one unknown at preview is not a violation', async () => {
    expect(await run('ZT-PIPELINE-005', [app({}, { functionAppScaleLimit: undefined })])).toHaveLength(1);
    expect(await run('ZT-PIPELINE-005', [app({}, { functionAppScaleLimit: PULUMI_UNKNOWN })])).toEqual([]);
  });
  test('a public app fails ZT-IDENTITY-004 unless its auth settings require authentication', async () => {
    const open = app({ publicNetworkAccess: 'Enabled' });
    expect(await run('ZT-IDENTITY-004', [open])).toHaveLength(1);
    const auth = resource(
      'azure-native:web:WebAppAuthSettingsV2',
      'auth',
      {
        name: 'fn-platform',
        resourceGroupName: 'rg',
        platform: { enabled: true },
        globalValidation: { requireAuthentication: true, unauthenticatedClientAction: 'Return401' },
      },
      { propertyDependencies: { name: [{ urn: open.urn }] } },
    );
    expect(await run('ZT-IDENTITY-004', [open, auth])).toEqual([]);
  });
  test('a web app that is no function app is not read', async () => {
    expect(await run('ZT-PIPELINE-005', [app({ kind: 'app,linux' }, { functionAppScaleLimit: undefined })])).toEqual(
      [],
    );
  });
});
