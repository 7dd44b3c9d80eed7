import type { RuleCase } from '../helpers';
import { RA, scopedAssignment } from './role-assignment';

/** ZT-IDENTITY-009 on Azure: role assignments on resources, not on whole resource groups. */
const GROUP = { azurerm_resource_group: { g: { name: 'rg', location: 'westeurope' } } };
const ACCOUNT = { azurerm_storage_account: { sa: { name: 'sa', resource_group_name: 'rg' } } };

export const azureCases: RuleCase[] = [
  {
    name: 'role assignment on a resource group of the configuration',
    doc: scopedAssignment('${azurerm_resource_group.g.id}', GROUP),
    address: RA,
    verdict: 'fail',
    path: 'scope',
  },
  {
    name: 'role assignment on a resource group id written out',
    doc: scopedAssignment('/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-ml'),
    address: RA,
    verdict: 'fail',
    path: 'scope',
  },
  {
    name: 'role assignment on a resource group built from a variable',
    doc: scopedAssignment('/subscriptions/${var.subscription}/resourceGroups/${var.group}'),
    address: RA,
    verdict: 'fail',
  },
  {
    name: 'role assignment on an existing resource group (data source)',
    doc: scopedAssignment('${data.azurerm_resource_group.g.id}'),
    address: RA,
    verdict: 'fail',
  },
  {
    name: 'role assignment on a storage account',
    doc: scopedAssignment('${azurerm_storage_account.sa.id}', ACCOUNT),
    address: RA,
    verdict: 'pass',
  },
  {
    name: 'role assignment on a container of a storage account',
    doc: scopedAssignment('${azurerm_storage_account.sa.id}/blobServices/default/containers/curated', ACCOUNT),
    address: RA,
    verdict: 'pass',
  },
  {
    name: 'role assignment on a key (its versionless resource id)',
    doc: scopedAssignment('${azurerm_key_vault_key.k.resource_versionless_id}', {
      azurerm_key_vault_key: { k: { name: 'k', key_vault_id: 'v', key_type: 'RSA' } },
    }),
    address: RA,
    verdict: 'pass',
  },
  {
    name: 'role assignment on a resource id written out',
    doc: scopedAssignment(
      '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv',
    ),
    address: RA,
    verdict: 'pass',
  },
  {
    name: 'role assignment on a subscription (ZT-IDENTITY-008 judges it)',
    doc: scopedAssignment('/subscriptions/00000000-0000-0000-0000-000000000000'),
    address: RA,
    verdict: 'not_applicable',
  },
  {
    name: 'role assignment on a scope from a variable',
    doc: scopedAssignment('${var.scope}'),
    address: RA,
    verdict: 'unknown',
  },
  {
    name: 'role assignment on a resource group\u2019s name (not an id)',
    doc: scopedAssignment('${azurerm_resource_group.g.name}', GROUP),
    address: RA,
    verdict: 'unknown',
  },
];
