import { IConstruct } from 'constructs';
import { TerraformResource } from 'cdktf';
import { BlueprintConfigError } from '../core/errors';
import { validateWaiver } from '../core/validate';
import { Waiver, WAIVER_METADATA_KEY } from '../core/waiver';

/**
 * Waivers recorded so far per resource. cdktf keeps overrides write-only, so we remember the list
 * ourselves and rewrite the whole array on every call: several waivers on one resource accumulate.
 */
const recorded = new WeakMap<TerraformResource, Waiver[]>();

/**
 * Records a reasoned exception to one policy rule in the resource's Terraform `"//"` block, under
 * `"zt:waivers"` next to cdktf's own `"//".metadata`. The synthesized file is the single source the
 * synth-time validation and the `zt-check` CLI read, so both see the same waivers.
 *
 * Waivers for different rules accumulate; waiving the same rule again replaces its earlier entry.
 * Given a resource, the waiver applies to that resource. Given any other scope, it applies to every
 * Terraform resource beneath it (data sources excluded), so prefer the narrowest scope.
 *
 * @throws BlueprintConfigError when the waiver is malformed (rule id, reason under 20 characters,
 *   bad expiry date) or the scope holds no Terraform resource.
 */
export function waive(target: IConstruct, waiver: Waiver): void {
  const valid = validateWaiver(waiver, `waiver(${target.node.path || '<root>'})`);
  const resources = TerraformResource.isTerraformResource(target)
    ? [target]
    : target.node.findAll().filter(TerraformResource.isTerraformResource);
  if (resources.length === 0) {
    throw new BlueprintConfigError('waive.target', 'a Terraform resource or a scope containing one', target.node.path);
  }
  for (const resource of resources) {
    // A second waiver for the same rule replaces the first, so a report never lists it twice.
    const list = [...(recorded.get(resource) ?? []).filter((w) => w.ruleId !== valid.ruleId), valid];
    recorded.set(resource, list);
    // '.' is the override path separator; neither "//" nor "zt:waivers" contains one.
    resource.addOverride(`//.${WAIVER_METADATA_KEY}`, list);
  }
}

/** The waivers recorded on a resource by {@link waive}, in the order they were added. */
export function waiversOf(resource: TerraformResource): readonly Waiver[] {
  return recorded.get(resource) ?? [];
}
