import type { ResourceGraph } from '../../engine/graph';
import { asNumber } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import { type Check, type CheckResult, fail, notApplicable, unknown } from '../../engine/rule';
import { asResults } from './combine';
import { type Attachment, type CompanionSpec, companionIndex } from './companion-index';

/**
 * Judging a resource whose setting may live in a companion (see companion-index.ts). The
 * companion is judged as part of the resource it protects, so one fault is one finding, on the
 * resource, and a waiver on that resource covers it; a companion protecting nothing loaded is an
 * orphan, judged on its own (`orphanOnly`).
 */
export interface CompanionJudgement {
  readonly spec: CompanionSpec;
  /** Judges one companion (paths relative to the companion; they are prefixed with its address). */
  readonly judge: (companion: Resource) => CheckResult | readonly CheckResult[];
  /** Judges the resource's own (inline) settings; used when no companion is attached. */
  readonly inline: () => CheckResult | readonly CheckResult[];
}

const rank = (results: readonly CheckResult[]): number =>
  results.some((r) => r.verdict === 'fail') ? 2 : results.some((r) => r.verdict === 'unknown') ? 1 : 0;

/** The worst companion decides: S3 keeps one policy per bucket, so two attached ones are a race. */
function worstCompanion(judged: readonly (readonly CheckResult[])[]): readonly CheckResult[] {
  let worst = judged[0];
  for (const j of judged) if (rank(j) > rank(worst)) worst = j;
  return worst;
}

/** Restates a companion's own result for the resource being judged: message and path name the companion. */
export function viaCompanion(companion: Resource, r: CheckResult): CheckResult {
  const path = r.path ? `${companion.address}.${r.path}` : companion.address;
  return { ...r, message: `${companion.address}: ${r.message}`, path };
}

function judged(j: CompanionJudgement, c: Resource): readonly CheckResult[] {
  return asResults(j.judge(c)).map((r) => viaCompanion(c, r));
}

/** A counted target covered only by instance-specific companions: which instances are left out. */
function uncovered(g: ResourceGraph, target: Resource, attachments: readonly Attachment[]): string | undefined {
  if (attachments.some((a) => !a.instances)) return undefined;
  const covered = new Set(attachments.flatMap((a) => a.instances ?? []));
  const count =
    target.attributes.count === undefined ? undefined : asNumber(g.resolve(target, target.attributes.count));
  if (count === undefined)
    return `only instance(s) ${[...covered].join(', ')} of a resource whose count is decided at plan time`;
  const missing = Array.from({ length: count }, (_, i) => String(i)).filter((i) => !covered.has(i));
  return missing.length === 0 ? undefined : `instance(s) ${missing.join(', ')}`;
}

export function judgeWithCompanions(g: ResourceGraph, target: Resource, j: CompanionJudgement): CheckResult[] {
  const index = companionIndex(g, j.spec);
  const attachments = index.attached.get(target) ?? [];
  const present = attachments.filter((a) => a.presence.kind === 'present');
  let results: readonly CheckResult[];
  if (present.length > 0) {
    results = worstCompanion(present.map((a) => judged(j, a.companion)));
    const missing = uncovered(g, target, present);
    if (missing !== undefined && rank(results) === 0) {
      const what = `no ${j.spec.type} covers ${missing}`;
      results = [missing.includes('plan time') ? unknown(what, j.spec.type) : fail(what, j.spec.type)];
    }
  } else {
    results = asResults(j.inline());
    const maybe = attachments.find((a) => a.presence.kind === 'maybe');
    if (maybe && rank(results) === 2 && rank(judged(j, maybe.companion)) === 0) {
      const why = maybe.presence.kind === 'maybe' ? maybe.presence.reason : '';
      return [unknown(`${maybe.companion.address} would fix this, but ${why}`, maybe.companion.address)];
    }
  }
  if (rank(results) < 2) return [...results];
  // Certain only when no companion with an undecidable target could be the one that fixes it.
  for (const u of index.unresolved.get(target.documentId) ?? []) {
    if (rank(judged(j, u.companion)) === 2) continue;
    return results.map((r) =>
      r.verdict === 'fail'
        ? unknown(`${r.message}; but ${u.companion.address} may apply here: ${u.reason}`, r.path)
        : r,
    );
  }
  return [...results];
}

/** A check for the resource a companion protects. */
export function withCompanions(
  j: Omit<CompanionJudgement, 'inline' | 'judge'> & {
    readonly judge: (g: ResourceGraph, companion: Resource) => CheckResult | readonly CheckResult[];
    readonly inline: (g: ResourceGraph, target: Resource) => CheckResult | readonly CheckResult[];
  },
): Check {
  return (target, { graph }) =>
    judgeWithCompanions(graph, target, {
      spec: j.spec,
      judge: (c) => j.judge(graph, c),
      inline: () => j.inline(graph, target),
    });
}

/**
 * The companion type's own check: not applicable when the companion protects a loaded resource
 * (it is judged there), the given check when it stands alone (a module whose target lives elsewhere).
 */
export function orphanOnly(spec: CompanionSpec, check: Check): Check {
  return (companion, ctx) => {
    const index = companionIndex(ctx.graph, spec);
    if (!index.attachedCompanions.has(companion)) return check(companion, ctx);
    return notApplicable(`judged on the resource it protects (${spec.targets.join(' / ')})`);
  };
}
