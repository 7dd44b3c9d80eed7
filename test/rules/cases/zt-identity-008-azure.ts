import { RuleCase, tf } from '../helpers';

/** ZT-IDENTITY-008 on Azure: role assignments scoped to resources, not subscriptions or management groups. */
const assignment = (scope: unknown, extra: Record<string, Record<string, unknown>> = {}) =>
  tf({
    azurerm_role_assignment: {
      r: { principal_id: 'p', role_definition_name: 'Storage Blob Data Reader', ...(scope ? { scope } : {}) },
    },
    ...extra,
  });
const RA = 'azurerm_role_assignment.r';

export const azureCases: RuleCase[] = [
  {
    name: 'role assignment on a subscription',
    doc: assignment('/subscriptions/00000000-0000-0000-0000-000000000000'),
    address: RA,
    verdict: 'fail',
    path: 'scope',
  },
  {
    name: 'role assignment on a subscription built from a variable',
    doc: assignment('/subscriptions/${var.subscription_id}'),
    address: RA,
    verdict: 'fail',
    path: 'scope',
  },
  {
    name: 'role assignment on the current subscription (data source)',
    doc: assignment('${data.azurerm_subscription.current.id}'),
    address: RA,
    verdict: 'fail',
    path: 'scope',
  },
  {
    name: 'role assignment on a subscription of the configuration',
    doc: assignment('/subscriptions/${azurerm_subscription.s.subscription_id}', {
      azurerm_subscription: { s: { subscription_name: 's', billing_scope_id: 'b' } },
    }),
    address: RA,
    verdict: 'fail',
    path: 'scope',
  },
  {
    name: 'role assignment on a management group',
    doc: assignment('/providers/Microsoft.Management/managementGroups/platform'),
    address: RA,
    verdict: 'fail',
    path: 'scope',
  },
  {
    name: 'role assignment on a management group of the configuration',
    doc: assignment('${azurerm_management_group.mg.id}', {
      azurerm_management_group: { mg: { display_name: 'mg' } },
    }),
    address: RA,
    verdict: 'fail',
    path: 'scope',
  },
  {
    name: 'role assignment on a management group data source',
    doc: assignment('${data.azurerm_management_group.mg.id}'),
    address: RA,
    verdict: 'fail',
    path: 'scope',
  },
  { name: 'role assignment on the tenant root', doc: assignment('/'), address: RA, verdict: 'fail', path: 'scope' },
  {
    name: 'role assignment on a resource group',
    doc: assignment('/subscriptions/s/resourceGroups/ml'),
    address: RA,
    verdict: 'pass',
  },
  {
    name: 'role assignment on a resource group of the configuration',
    doc: assignment('${azurerm_resource_group.rg.id}', {
      azurerm_resource_group: { rg: { name: 'ml', location: 'westeurope' } },
    }),
    address: RA,
    verdict: 'pass',
  },
  {
    name: 'role assignment on a resource group data source',
    doc: assignment('${data.azurerm_resource_group.rg.id}'),
    address: RA,
    verdict: 'pass',
  },
  {
    name: 'role assignment on one container of a storage account',
    doc: assignment('${azurerm_storage_account.sa.id}/blobServices/default/containers/curated', {
      azurerm_storage_account: { sa: { name: 'sa' } },
    }),
    address: RA,
    verdict: 'pass',
  },
  {
    name: 'role assignment scope from a variable',
    doc: assignment('${var.scope}'),
    address: RA,
    verdict: 'unknown',
    path: 'scope',
  },
  {
    name: 'role assignment without scope',
    doc: assignment(undefined),
    address: RA,
    verdict: 'unknown',
    path: 'scope',
  },
];
