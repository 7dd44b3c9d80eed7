import { APIM_READERS } from './apim';
import { COGNITIVE } from './cognitive';
import {
  blobContainer,
  blobServiceProperties,
  keyVault,
  keyVaultAccessPolicy,
  keyVaultKey,
  keyVaultSecret,
  mlWorkspace,
  storageAccount,
} from './data';
import { IDENTITY } from './identity';
import { ML_COMPUTE } from './ml-compute';
import { MONITOR } from './monitor';
import { NETWORK, privateDnsZoneGroup } from './network';
import type { MergedChild, Reader } from './read';
import { REGISTRY } from './registry';
import { STORES } from './stores';
import { WEB, WEB_CHILDREN } from './web';

/** Every azure-native token the pack reads, onto its azurerm type (one reader per token, by family). */
export type { Link, Reader } from './read';

export const AZURE_NATIVE: Readonly<Record<string, Reader>> = {
  'azure-native:storage:StorageAccount': { type: 'azurerm_storage_account', read: storageAccount },
  'azure-native:storage:BlobContainer': { type: 'azurerm_storage_container', read: blobContainer },
  'azure-native:keyvault:Vault': { type: 'azurerm_key_vault', read: keyVault },
  'azure-native:keyvault:AccessPolicy': {
    type: 'azurerm_key_vault_access_policy',
    read: keyVaultAccessPolicy,
    links: [{ prop: 'vaultName', at: 'key_vault_id', to: ['azurerm_key_vault'], by: 'name' }],
  },
  'azure-native:keyvault:Key': { type: 'azurerm_key_vault_key', read: keyVaultKey },
  'azure-native:keyvault:Secret': { type: 'azurerm_key_vault_secret', read: keyVaultSecret },
  'azure-native:machinelearningservices:Workspace': { type: 'azurerm_machine_learning_workspace', read: mlWorkspace },
  ...NETWORK,
  ...COGNITIVE,
  ...REGISTRY,
  ...APIM_READERS,
  ...MONITOR,
  ...IDENTITY,
  ...WEB,
  ...ML_COMPUTE,
  ...STORES,
};

export type { MergedChild } from './read';

export const MERGED_CHILDREN: Readonly<Record<string, MergedChild>> = {
  'azure-native:storage:BlobServiceProperties': {
    parent: 'accountName',
    attribute: 'blob_properties',
    read: blobServiceProperties,
  },
  'azure-native:network:PrivateDnsZoneGroup': {
    parent: 'privateEndpointName',
    attribute: 'private_dns_zone_group',
    read: privateDnsZoneGroup,
  },
  ...WEB_CHILDREN,
};
