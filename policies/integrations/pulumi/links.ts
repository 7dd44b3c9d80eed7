import { UNKNOWN_EXPRESSION } from '../../engine/tf-plan';
import type { Link } from './azure-native';
import type { PulumiResource } from './translate';

/**
 * References between azure-native resources. Pulumi records which resources each top-level input
 * depends on (`propertyDependencies`); a reader says which input names what (an endpoint's
 * privateLinkServiceConnections, a diagnostic setting's resourceUri). One dependency of the right
 * type at one place becomes a Terraform reference there, so the companion index matches it as it
 * matches azurerm. Otherwise (several places, or a value with no recorded dependency) a known
 * literal is matched against the other resources' ARM id (for id links) or name: a pasted id of a
 * resource in the stack still names it. An id unknown at preview but derived only from resources no
 * rule reads names one of them (its URN stands in), not something undecidable. Anything else stays
 * what it is (the rules treat it as a resource elsewhere, or as unknown).
 */
export interface Linked {
  readonly r: PulumiResource;
  readonly type: string;
  readonly address: string;
  readonly attrs: Record<string, unknown>;
  readonly links?: readonly Link[];
}

/** A resource the translation merged into another one (a blob service into its account). */
export interface SubResource {
  readonly address: string;
  readonly type: string;
  readonly suffix: string;
}

const SUB_SERVICE = /\/(blob|file|queue|table)Services\/default$/i;

interface Place {
  readonly holder: Record<string, unknown> | unknown[];
  readonly key: string | number;
  readonly value: unknown;
}

/** Every existing value at a dotted path, `*` expanding a list. */
function places(root: unknown, segments: readonly string[]): Place[] {
  const [head, ...rest] = segments;
  if (typeof root !== 'object' || root === null) return [];
  if (head === '*')
    return Array.isArray(root) ? root.flatMap((v, i) => (rest.length ? places(v, rest) : [place(root, i)])) : [];
  if (Array.isArray(root)) return root.length === 1 ? places(root[0], segments) : [];
  const holder = root as Record<string, unknown>;
  if (holder[head] === undefined) return [];
  return rest.length ? places(holder[head], rest) : [place(holder, head)];
}

function place(holder: Record<string, unknown> | unknown[], key: string | number): Place {
  return { holder, key, value: (holder as Record<string | number, unknown>)[key] };
}

function reference(address: string, attribute: string, current: unknown, suffix = ''): string {
  const sub = typeof current === 'string' && attribute === 'id' ? SUB_SERVICE.exec(current)?.[0] : undefined;
  return `\${${address}.${attribute}}${suffix || sub || ''}`;
}

interface Target {
  readonly address: string;
  readonly type: string;
  readonly suffix?: string;
}

function byLiteral(value: string, link: Link, all: readonly Linked[], self: Linked): string | undefined {
  const attribute = link.attribute ?? 'id';
  const by = link.by ?? attribute;
  const bare = by === 'id' ? value.replace(SUB_SERVICE, '') : value;
  const same = (v: unknown) => typeof v === 'string' && v.toLowerCase() === bare.toLowerCase();
  const hits = all.filter(
    (o) => o !== self && (!link.to || link.to.includes(o.type)) && same(by === 'id' ? o.r.props.id : o.attrs[by]),
  );
  return hits.length === 1 ? reference(hits[0].address, attribute, value) : undefined;
}

export function linkReaders(
  all: readonly Linked[],
  byUrn: ReadonlyMap<string, Target>,
  subResources: ReadonlyMap<string, SubResource>,
): void {
  for (const item of all) {
    for (const link of item.links ?? []) {
      const at = places(item.attrs, link.at.split('.'));
      if (at.length === 0) continue;
      const deps = item.r.propertyDependencies?.[link.prop] ?? [];
      const targets = new Map<string, Target>();
      for (const d of deps) {
        const t = byUrn.get(d.urn) ?? subResources.get(d.urn);
        if (t && t.address !== item.address && (!link.to || link.to.includes(t.type)))
          targets.set(`${t.address}${t.suffix ?? ''}`, t);
      }
      const attribute = link.attribute ?? 'id';
      if (at.length === 1 && targets.size === 1) {
        const [t] = targets.values();
        set(at[0], reference(t.address, attribute, at[0].value, t.suffix));
        continue;
      }
      if (!link.to && deps.length > 0 && deps.every((d) => !byUrn.has(d.urn) && !subResources.has(d.urn))) {
        // An id derived from a resource no rule reads (a SQL server, a subnet): it names that resource, not an
        // undecidable one, so it stays out of the companion search instead of clouding every verdict.
        for (const p of at) if (p.value === UNKNOWN_EXPRESSION) set(p, deps[0].urn);
        continue;
      }
      for (const p of at) {
        if (typeof p.value !== 'string' || p.value.includes('${')) continue; // unknowns, references
        const ref = byLiteral(p.value, link, all, item);
        if (ref) set(p, ref);
      }
    }
  }
}

function set(p: Place, value: string): void {
  (p.holder as Record<string | number, unknown>)[p.key] = value;
}
