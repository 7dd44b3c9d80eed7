import { PULUMI_UNKNOWN } from '../../../policies/integrations/pulumi';
import { resource, run } from './harness';

/**
 * ZT-PIPELINE-001 on azure-native:machinelearningservices:Compute: computeType picks azurerm's
 * cluster or instance; no public node IPs, no local auth, no SSH.
 */
const compute = (computeType: string, props: Record<string, unknown>, outer: Record<string, unknown> = {}) =>
  resource('azure-native:machinelearningservices:Compute', 'gpu', {
    computeName: 'gpu',
    workspaceName: 'mlw',
    resourceGroupName: 'rg',
    properties: { computeType, disableLocalAuth: true, ...outer, properties: props },
  });

describe('ZT-PIPELINE-001 on Pulumi ML compute', () => {
  test('a private cluster without local auth or SSH passes', async () => {
    const ok = compute('AmlCompute', { enableNodePublicIp: false, remoteLoginPortPublicAccess: 'Disabled' });
    expect(await run('ZT-PIPELINE-001', [ok])).toEqual([]);
  });
  test('ARM defaults (public node IPs, local auth) and SSH credentials fail, one per setting', async () => {
    const open = compute(
      'AmlCompute',
      { userAccountCredentials: { adminUserName: 'azureuser', adminUserSshPublicKey: 'ssh-rsa AAAA' } },
      { disableLocalAuth: false },
    );
    expect(await run('ZT-PIPELINE-001', [open])).toHaveLength(3);
  });
  test('an instance with SSH public access fails; private without SSH passes', async () => {
    const ssh = compute('ComputeInstance', { enableNodePublicIp: false, sshSettings: { sshPublicAccess: 'Enabled' } });
    expect(await run('ZT-PIPELINE-001', [ssh])).toHaveLength(1);
    const ok = compute('ComputeInstance', { enableNodePublicIp: false, sshSettings: { sshPublicAccess: 'Disabled' } });
    expect(await run('ZT-PIPELINE-001', [ok])).toEqual([]);
  });
  test('settings unknown at preview are not violations', async () => {
    const u = compute('AmlCompute', { enableNodePublicIp: PULUMI_UNKNOWN }, { disableLocalAuth: PULUMI_UNKNOWN });
    expect(await run('ZT-PIPELINE-001', [u])).toEqual([]);
  });
});
