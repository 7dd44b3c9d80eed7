import type { ResourceGraph } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import { type CheckResult, fail, pass } from '../../engine/rule';
import { isPresent, joinPath, readString } from './read';
import { tfBlock, throughDynamic } from './tf-blocks';

/**
 * Azure customer-managed keys. Microsoft-managed keys are never named in configuration, so any
 * Key Vault or Managed HSM key an argument names (a literal ID, a reference, a variable) is the
 * customer's: presence decides, and an empty string counts as absent.
 */

/** The first of `fields` (under `base`) that names a key passes; none fails with `absent` at the first field. */
export function judgeAzureKey(
  g: ResourceGraph,
  res: Resource,
  fields: readonly string[],
  absent: string,
  base = '',
): CheckResult {
  for (const field of fields) {
    const path = joinPath(base, field);
    const v = readString(g, res, path);
    if (v.kind === 'value' && v.value === '') continue;
    if (isPresent(g, res, path)) return pass(`${path} names a customer-managed key`, path);
  }
  return fail(absent, joinPath(base, fields[0]));
}

/** A nested block (customer_managed_key { key_vault_key_id }) must exist and name a key. */
export function judgeAzureCmkBlock(
  g: ResourceGraph,
  res: Resource,
  block: string,
  fields: readonly string[],
  absent: string,
): CheckResult {
  const loc = tfBlock(g, res, '', block);
  if (loc.kind === 'absent') return fail(absent, loc.path);
  const named = judgeAzureKey(g, res, fields, `${loc.path} names no key (${fields.join(' or ')})`, loc.path);
  return throughDynamic(loc, named.verdict === 'fail' ? fail(named.message, loc.path) : named);
}
