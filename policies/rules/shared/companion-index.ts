import type { ResourceGraph } from '../../engine/graph';
import { asNumber, describeResolved } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import type { Resolved } from '../../engine/resolved';

/**
 * Companion resources hold a setting of another resource (a bucket's policy or public access
 * block, a storage account's network rules or key, a stage's WAF association). Which resource a
 * companion protects is decided once per graph for every companion of a type, from its target
 * property's resolved value, and kept in an index: finding a resource's companions is a lookup.
 */
export interface CompanionSpec {
  /** The companion's resource type. */
  readonly type: string;
  /** Properties naming the protected resource; the first one present decides. */
  readonly targets: readonly string[];
  /**
   * Composed values that still denote the protected resource, written with `{}` for each
   * reference (e.g. `{}/blobServices/default`, `arn:aws:s3:::{}`). Without forms only a plain
   * reference attaches; `"${Bucket}-other"` never does.
   */
  readonly forms?: readonly RegExp[];
}

/** Whether the companion exists at deploy time at all. */
export type Presence = { readonly kind: 'present' } | { readonly kind: 'maybe'; readonly reason: string };

export interface Attachment {
  readonly companion: Resource;
  readonly presence: Presence;
  /** Instances of a counted target the companion covers; undefined = all of them. */
  readonly instances?: readonly string[];
}

export interface Unresolved {
  readonly companion: Resource;
  readonly reason: string;
}

export interface CompanionIndex {
  readonly attached: ReadonlyMap<Resource, readonly Attachment[]>;
  /** Companions whose target cannot be decided, by document id. */
  readonly unresolved: ReadonlyMap<string, readonly Unresolved[]>;
  /** Companions attached to some loaded resource (the others are judged on their own). */
  readonly attachedCompanions: ReadonlySet<Resource>;
}

/** Keys of the specs met so far: a spec is asked about once per resource judged, its key built once. */
const KEYS = new WeakMap<CompanionSpec, string>();

export function specKey(spec: CompanionSpec): string {
  let key = KEYS.get(spec);
  if (key === undefined) {
    key = `companions ${spec.type} ${spec.targets.join(',')} ${(spec.forms ?? []).map(String).join(',')}`;
    KEYS.set(spec, key);
  }
  return key;
}

export function companionIndex(g: ResourceGraph, spec: CompanionSpec): CompanionIndex {
  return g.index(specKey(spec), () => build(g, spec));
}

/** `count = 0` removes a companion; an unresolved count or a CFN Condition makes it conditional. */
export function presenceOf(g: ResourceGraph, r: Resource): Presence | undefined {
  const condition = r.attributes.Condition;
  if (typeof condition === 'string')
    return { kind: 'maybe', reason: `it exists only when condition ${condition} holds` };
  if (r.attributes.count !== undefined) {
    const n = asNumber(g.resolve(r, r.attributes.count));
    if (n === 0) return undefined;
    if (n === undefined) return { kind: 'maybe', reason: `its count is decided at plan time` };
  }
  if (r.attributes.for_each !== undefined) {
    const each = g.resolve(r, r.attributes.for_each);
    if (each.kind === 'literal' && isEmpty(each.value)) return undefined;
    if (each.kind !== 'literal') return { kind: 'maybe', reason: 'its for_each is decided at plan time' };
  }
  return PRESENT;
}

const PRESENT: Presence = Object.freeze({ kind: 'present' });

function isEmpty(v: unknown): boolean {
  return Array.isArray(v) ? v.length === 0 : typeof v === 'object' && v !== null && Object.keys(v).length === 0;
}

type Decision =
  | { readonly kind: 'attached'; readonly targets: readonly Resource[]; readonly instance?: string }
  | { readonly kind: 'elsewhere' }
  | { readonly kind: 'unresolved'; readonly reason: string };

const ELSEWHERE: Decision = Object.freeze({ kind: 'elsewhere' });

/** Instance keys that stand for every instance of a counted target. */
const EVERY_INSTANCE = new Set(['count.index', 'each.key', 'each.value', '*']);

function decide(g: ResourceGraph, spec: CompanionSpec, c: Resource): Decision {
  // The first target property present, its value kept (not resolved twice).
  let prop: string | undefined;
  let r: Resolved | undefined;
  for (const p of spec.targets) {
    const v = g.value(c, p);
    if (v.kind === 'absent') continue;
    prop = p;
    r = v;
    break;
  }
  if (prop === undefined || r === undefined) return ELSEWHERE;
  switch (r.kind) {
    case 'reference':
      return r.instance !== undefined
        ? { kind: 'attached', targets: [r.to], instance: r.instance }
        : { kind: 'attached', targets: [r.to] };
    case 'composed':
      return decideComposed(spec, r, prop);
    case 'literal':
      // A literal name or ID cannot denote a resource created alongside it (physical names are never matched).
      return ELSEWHERE;
    case 'unknown':
      // A reference to an address that is not loaded names something else.
      return r.target ? ELSEWHERE : { kind: 'unresolved', reason: `its ${prop} is unresolved (${r.reason})` };
    default:
      return ELSEWHERE;
  }
}

function decideComposed(spec: CompanionSpec, r: Extract<Resolved, { kind: 'composed' }>, prop: string): Decision {
  // References become `{}`, undecidable parts (pseudo parameters, variables) `?`: a form may allow
  // `?` where a partition or region goes, never where the protected resource goes.
  const template = r.parts
    .map((p) => (typeof p === 'string' ? p.replace(/[{}?]/g, '') : p.kind === 'reference' ? '{}' : '?'))
    .join('');
  if ((spec.forms ?? []).some((f) => f.test(template))) {
    const targets: Resource[] = [];
    for (const p of r.parts) if (typeof p !== 'string' && p.kind === 'reference') targets.push(p.to);
    return { kind: 'attached', targets };
  }
  if (template.includes('?'))
    return { kind: 'unresolved', reason: `its ${prop} is unresolved (${describeResolved(r)})` };
  return ELSEWHERE;
}

function build(g: ResourceGraph, spec: CompanionSpec): CompanionIndex {
  const attached = new Map<Resource, Attachment[]>();
  const unresolved = new Map<string, Unresolved[]>();
  const attachedCompanions = new Set<Resource>();
  for (const c of g.byType(spec.type)) {
    const presence = presenceOf(g, c);
    if (!presence) continue; // count = 0: never created
    const d = decide(g, spec, c);
    if (d.kind === 'elsewhere') continue;
    if (d.kind === 'unresolved') {
      const list = unresolved.get(c.documentId);
      if (list) list.push({ companion: c, reason: d.reason });
      else unresolved.set(c.documentId, [{ companion: c, reason: d.reason }]);
    } else {
      attachedCompanions.add(c);
      for (const t of d.targets) {
        const partial = d.instance !== undefined && !EVERY_INSTANCE.has(d.instance);
        const a: Attachment = partial
          ? { companion: c, presence, instances: [d.instance!] }
          : { companion: c, presence };
        const list = attached.get(t);
        if (list) list.push(a);
        else attached.set(t, [a]);
      }
    }
  }
  return { attached, unresolved, attachedCompanions };
}
