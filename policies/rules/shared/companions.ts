import type { ResourceGraph } from '../../engine/graph';
import type { Reference, Resource } from '../../engine/model';
import { CheckResult, unknown } from '../../engine/rule';
import { bestOf } from './combine';
import { describeResolved } from './read';

/**
 * Companion resources: settings that live in a separate resource pointing at the one being judged
 * (AWS::S3::BucketPolicy -> Bucket, aws_s3_bucket_versioning -> bucket,
 * azurerm_storage_account_customer_managed_key -> storage_account_id, ...). They are found through
 * the reference graph only; matching physical names is never attempted.
 */
export interface Companions {
  /** Companions of the type whose reference property points at the resource. */
  readonly attached: readonly Resource[];
  /** Same-document companions whose target cannot be resolved: they may or may not apply. */
  readonly unresolved: readonly { readonly resource: Resource; readonly reason: string }[];
}

/** Top-level property of a reference path ("Properties.Bucket" and "Bucket.Ref" both give "Bucket"). */
export function referenceProperty(ref: Reference): string {
  const path = ref.path;
  const dot = path.indexOf('.');
  if (dot < 0) return path;
  if (dot !== 10 || !path.startsWith('Properties')) return path.slice(0, dot);
  const next = path.indexOf('.', dot + 1);
  return next < 0 ? path.slice(dot + 1) : path.slice(dot + 1, next);
}

/** Found once per graph for each (resource, companion type, reference properties): several rules ask. */
export function companionsOf(
  g: ResourceGraph,
  target: Resource,
  companionType: string,
  refProps: readonly string[],
): Companions {
  const ns = namespaces(companionType, refProps);
  return g.memo(ns.companions, target, () => findCompanions(g, target, companionType, refProps, ns.target));
}

/** Memo namespaces per (companion type, reference properties), built once: checks ask per resource. */
const NAMESPACES = new Map<string, Map<string, { companions: string; target: string }>>();

function namespaces(companionType: string, refProps: readonly string[]): { companions: string; target: string } {
  const props = refProps.length === 1 ? refProps[0] : refProps.join(',');
  let byProps = NAMESPACES.get(companionType);
  if (!byProps) NAMESPACES.set(companionType, (byProps = new Map()));
  let ns = byProps.get(props);
  if (!ns) byProps.set(props, (ns = { companions: `companions ${companionType} ${props}`, target: `target ${props}` }));
  return ns;
}

function findCompanions(
  g: ResourceGraph,
  target: Resource,
  companionType: string,
  refProps: readonly string[],
  targetNamespace: string,
): Companions {
  // Few companions point at one resource: a list is cheaper than a map (keys are unique per graph).
  const attached: Resource[] = [];
  for (const ref of g.referencedBy(target)) {
    if (ref.from.type === companionType && !attached.includes(ref.from) && refProps.includes(referenceProperty(ref)))
      attached.push(ref.from);
  }
  const unresolved: { resource: Resource; reason: string }[] = [];
  for (const c of g.sameDocument(target, companionType)) {
    if (attached.includes(c)) continue;
    const reason = g.memo(targetNamespace, c, () => unresolvedTarget(g, c, refProps));
    if (reason) unresolved.push({ resource: c, reason });
  }
  return { attached, unresolved };
}

/**
 * Why a companion's target is undecidable, or undefined when it is decided: a reference to a
 * loaded resource, a reference naming another address (not loaded here, so not this resource), or
 * a literal name/ID, which cannot denote a resource created alongside it.
 */
function unresolvedTarget(g: ResourceGraph, companion: Resource, refProps: readonly string[]): string | undefined {
  let reason: string | undefined;
  for (const prop of refProps) {
    const r = g.value(companion, prop);
    if (r.kind === 'reference' || (r.kind === 'unknown' && r.target)) return undefined;
    if (r.kind === 'literal' && typeof r.value === 'string' && r.value !== '') return undefined;
    if (r.kind === 'unknown') reason ??= `its ${prop} is unresolved (${describeResolved(r)})`;
  }
  return reason;
}

export interface CompanionJudgement {
  readonly companions: Companions;
  /** Judges one companion (its message should name the companion). */
  readonly judgeCompanion: (companion: Resource) => CheckResult;
  /** Judges the resource's own (inline) settings; used when no companion is attached. */
  readonly inline: () => CheckResult;
  /** What the companion is, for messages: "bucket policy", "aws_s3_bucket_versioning". */
  readonly what: string;
}

/**
 * An attached companion is applied after the resource it points at and overrides its inline
 * settings, so it decides; without one the inline settings do. A failing verdict is only certain
 * when no same-document companion with an unresolved target could be the one that fixes it.
 */
export function judgeWithCompanions(j: CompanionJudgement): CheckResult {
  const { attached, unresolved } = j.companions;
  const result = attached.length > 0 ? bestOf(attached.map(j.judgeCompanion))! : j.inline();
  if (result.verdict !== 'fail') return result;
  for (const u of unresolved) {
    if (j.judgeCompanion(u.resource).verdict === 'fail') continue;
    return unknown(`${result.message}; but ${j.what} ${u.resource.address} may apply here: ${u.reason}`, result.path);
  }
  return result;
}

/** Restates a companion's own result for the resource being judged: message and path name the companion. */
export function viaCompanion(companion: Resource, r: CheckResult): CheckResult {
  const path = r.path ? `${companion.address}.${r.path}` : companion.address;
  return { ...r, message: `${companion.address}: ${r.message}`, path };
}
