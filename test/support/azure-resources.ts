import type { TerraformStack } from 'cdktf';
import { KeyVault } from '@cdktf/provider-azurerm/lib/key-vault';
import { KeyVaultKey } from '@cdktf/provider-azurerm/lib/key-vault-key';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';

/** Small azurerm resources the integration tests build: a vault and a key that pass every rule. */

export const ROTATION = { automatic: { timeBeforeExpiry: 'P30D' }, expireAfter: 'P1Y' };

/** The vault, with the audit-event diagnostic setting ZT-MONITORING-002 requires. */
export const compliantVault = (stack: TerraformStack, id = 'vault'): KeyVault => {
  const vault = bareVault(stack, id);
  new MonitorDiagnosticSetting(stack, `${id}-audit`, {
    name: 'audit',
    targetResourceId: vault.id,
    logAnalyticsWorkspaceId: '/subscriptions/x/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/w',
    enabledLog: [{ category: 'AuditEvent' }],
  });
  return vault;
};

const bareVault = (stack: TerraformStack, id: string): KeyVault =>
  new KeyVault(stack, id, {
    name: 'zt-kv',
    location: 'westeurope',
    resourceGroupName: 'rg',
    tenantId: '00000000-0000-0000-0000-000000000000',
    skuName: 'standard',
    rbacAuthorizationEnabled: true,
    purgeProtectionEnabled: true,
    publicNetworkAccessEnabled: false,
    networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices' },
    lifecycle: { preventDestroy: true },
  });

/** A retained key in `vault`; `rotation: false` leaves out the rotation policy (fails ZT-DATA-002). */
export const vaultKey = (stack: TerraformStack, id: string, vault: KeyVault, rotation = true): KeyVaultKey =>
  new KeyVaultKey(stack, id, {
    name: id,
    keyVaultId: vault.id, // a token: resolved by cdktf to "${azurerm_key_vault.vault.id}"
    keyType: 'RSA',
    keySize: 2048,
    keyOpts: ['wrapKey', 'unwrapKey'],
    lifecycle: { preventDestroy: true },
    ...(rotation ? { rotationPolicy: ROTATION } : {}),
  });
