import { APIM_READERS } from './apim';
import { COGNITIVE } from './cognitive';
import { keyVault, keyVaultKey, mlWorkspace, storageAccount } from './data';
import { MONITOR } from './monitor';
import { NETWORK } from './network';
import type { Reader } from './read';
import { REGISTRY } from './registry';

/** Every azure-native token the pack reads, onto its azurerm type (one reader per token, by family). */
export { blobServiceProperties } from './data';
export type { Link, Reader } from './read';

export const AZURE_NATIVE: Readonly<Record<string, Reader>> = {
  'azure-native:storage:StorageAccount': { type: 'azurerm_storage_account', read: storageAccount },
  'azure-native:keyvault:Vault': { type: 'azurerm_key_vault', read: keyVault },
  'azure-native:keyvault:Key': { type: 'azurerm_key_vault_key', read: keyVaultKey },
  'azure-native:machinelearningservices:Workspace': { type: 'azurerm_machine_learning_workspace', read: mlWorkspace },
  ...NETWORK,
  ...COGNITIVE,
  ...REGISTRY,
  ...APIM_READERS,
  ...MONITOR,
};
