import { AZURE_NATIVE } from '../../../policies/integrations/pulumi/azure-native';
import { ALL_RULES } from '../../../policies/rules';

/**
 * Every azurerm type a rule judges or reads has an azure-native reader, except those ARM keeps inside their
 * parent (docs/pulumi.md, "Not yet expressible"): a new azurerm check without a reader fails here.
 */
const NO_ARM_COUNTERPART = [
  'azurerm_cognitive_account_customer_managed_key',
  'azurerm_storage_account_customer_managed_key',
  'azurerm_storage_account_network_rules',
];

/** Inputs that pick each azurerm type of the readers that map one ARM type onto several. */
const KINDS: readonly Record<string, unknown>[] = [
  { kind: 'functionapp,linux' },
  { kind: 'functionapp' },
  { properties: { computeType: 'AmlCompute' } },
  { properties: { computeType: 'ComputeInstance' } },
];

test('every judged azurerm type has an azure-native reader, or is one ARM folds into its parent', () => {
  // Checked types, and the companion types rules read (a storage account's customer-managed key).
  const judged = new Set(
    ALL_RULES.flatMap((r) => [...Object.keys(r.checks), ...(r.reads ?? [])]).filter((t) => t.startsWith('azurerm_')),
  );
  const read = new Set(
    Object.values(AZURE_NATIVE).flatMap((r) => [r.type, ...KINDS.map((k) => r.typeOf?.(k) ?? r.type)]),
  );
  const missing = [...judged].filter((t) => !read.has(t) && !NO_ARM_COUNTERPART.includes(t)).sort();
  expect(missing).toEqual([]);
  // The exceptions stay exceptions only while a rule judges them and no reader exists.
  for (const t of NO_ARM_COUNTERPART) expect([judged.has(t), read.has(t)]).toEqual([true, false]);
});
