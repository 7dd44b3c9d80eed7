import type { RuleCase } from '../helpers';
import { RA, scopedAssignment } from './role-assignment';

/** ZT-IDENTITY-008 on Azure: role assignments scoped to resources, not subscriptions or management groups. */

export const azureCases: RuleCase[] = [
  {
    name: 'role assignment on a subscription',
    doc: scopedAssignment('/subscriptions/00000000-0000-0000-0000-000000000000'),
    address: RA,
    verdict: 'fail',
    path: 'scope',
  },
  {
    name: 'role assignment on a subscription built from a variable',
    doc: scopedAssignment('/subscriptions/${var.subscription_id}'),
    address: RA,
    verdict: 'fail',
    path: 'scope',
  },
  {
    name: 'role assignment on the current subscription (data source)',
    doc: scopedAssignment('${data.azurerm_subscription.current.id}'),
    address: RA,
    verdict: 'fail',
    path: 'scope',
  },
  {
    name: 'role assignment on a subscription of the configuration',
    doc: scopedAssignment('/subscriptions/${azurerm_subscription.s.subscription_id}', {
      azurerm_subscription: { s: { subscription_name: 's', billing_scope_id: 'b' } },
    }),
    address: RA,
    verdict: 'fail',
    path: 'scope',
  },
  {
    name: 'role assignment on a management group',
    doc: scopedAssignment('/providers/Microsoft.Management/managementGroups/platform'),
    address: RA,
    verdict: 'fail',
    path: 'scope',
  },
  {
    name: 'role assignment on a management group of the configuration',
    doc: scopedAssignment('${azurerm_management_group.mg.id}', {
      azurerm_management_group: { mg: { display_name: 'mg' } },
    }),
    address: RA,
    verdict: 'fail',
    path: 'scope',
  },
  {
    name: 'role assignment on a management group data source',
    doc: scopedAssignment('${data.azurerm_management_group.mg.id}'),
    address: RA,
    verdict: 'fail',
    path: 'scope',
  },
  {
    name: 'role assignment on the tenant root',
    doc: scopedAssignment('/'),
    address: RA,
    verdict: 'fail',
    path: 'scope',
  },
  {
    name: 'role assignment on a resource group',
    doc: scopedAssignment('/subscriptions/s/resourceGroups/ml'),
    address: RA,
    verdict: 'pass',
  },
  {
    name: 'role assignment on a resource group of the configuration',
    doc: scopedAssignment('${azurerm_resource_group.rg.id}', {
      azurerm_resource_group: { rg: { name: 'ml', location: 'westeurope' } },
    }),
    address: RA,
    verdict: 'pass',
  },
  {
    name: 'role assignment on a resource group data source',
    doc: scopedAssignment('${data.azurerm_resource_group.rg.id}'),
    address: RA,
    verdict: 'pass',
  },
  {
    name: 'role assignment on one container of a storage account',
    doc: scopedAssignment('${azurerm_storage_account.sa.id}/blobServices/default/containers/curated', {
      azurerm_storage_account: { sa: { name: 'sa' } },
    }),
    address: RA,
    verdict: 'pass',
  },
  {
    name: 'role assignment scope from a variable',
    doc: scopedAssignment('${var.scope}'),
    address: RA,
    verdict: 'unknown',
    path: 'scope',
  },
  {
    name: 'role assignment without scope',
    doc: scopedAssignment(undefined),
    address: RA,
    verdict: 'unknown',
    path: 'scope',
  },
];
