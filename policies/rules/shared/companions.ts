import type { ResourceGraph } from '../../engine/graph';
import type { Reference, Resource } from '../../engine/model';
import { CheckResult, unknown } from '../../engine/rule';
import { bestOf } from './combine';
import { describeResolved } from './read';
import { namedTerraformResource } from './tf-address';

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
  const segments = ref.path.split('.');
  return segments[0] === 'Properties' && segments.length > 1 ? segments[1] : segments[0];
}

export function companionsOf(
  g: ResourceGraph,
  target: Resource,
  companionType: string,
  refProps: readonly string[],
): Companions {
  const attached = new Map<string, Resource>();
  for (const ref of g.referencedBy(target)) {
    if (ref.from.type === companionType && refProps.includes(referenceProperty(ref)))
      attached.set(ref.from.key, ref.from);
  }
  const unresolved: { resource: Resource; reason: string }[] = [];
  for (const c of g.sameDocument(target, companionType)) {
    if (attached.has(c.key)) continue;
    const reason = unresolvedTarget(g, c, refProps);
    if (reason) unresolved.push({ resource: c, reason });
  }
  return { attached: [...attached.values()], unresolved };
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
    if (r.kind === 'reference') return undefined;
    if (r.kind === 'literal' && typeof r.value === 'string' && r.value !== '') return undefined;
    if (r.kind === 'unknown' && namedTerraformResource(companion, prop)) return undefined;
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
