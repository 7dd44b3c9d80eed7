import type { ResourceGraph } from '../../engine/graph';
import { asNumber } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import { type Check, type CheckResult, fail, notApplicable, unknown } from '../../engine/rule';
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

/** 2 when some result fails, 1 when some is unknown, else 0 (a loop: this runs several times per resource). */
function rank(results: readonly CheckResult[]): number {
  let r = 0;
  for (const x of results) {
    if (x.verdict === 'fail') return 2;
    if (x.verdict === 'unknown') r = 1;
  }
  return r;
}

/** Restates a companion's own result for the resource being judged: message and path name the companion. */
export function viaCompanion(companion: Resource, r: CheckResult): CheckResult {
  const path = r.path ? `${companion.address}.${r.path}` : companion.address;
  // Built field by field (a CheckResult has no other): cheaper than a spread.
  return { verdict: r.verdict, message: `${companion.address}: ${r.message}`, path };
}

function judged(j: CompanionJudgement, c: Resource): CheckResult[] {
  const out = j.judge(c);
  if (!Array.isArray(out)) return [viaCompanion(c, out as CheckResult)];
  const results: CheckResult[] = [];
  for (const r of out as readonly CheckResult[]) results.push(viaCompanion(c, r));
  return results;
}

/** A counted target covered only by the present, instance-specific companions: which instances are left out. */
function uncovered(g: ResourceGraph, target: Resource, attachments: readonly Attachment[]): string | undefined {
  // Most companions cover every instance (no instance list): decided before anything is allocated.
  for (const a of attachments) if (a.presence.kind === 'present' && !a.instances) return undefined;
  const covered = new Set<string>();
  for (const a of attachments) {
    if (a.presence.kind === 'present') for (const i of a.instances!) covered.add(i);
  }
  const count =
    target.attributes.count === undefined ? undefined : asNumber(g.resolve(target, target.attributes.count));
  if (count === undefined)
    return `only instance(s) ${[...covered].join(', ')} of a resource whose count is decided at plan time`;
  const missing = Array.from({ length: count }, (_, i) => String(i)).filter((i) => !covered.has(i));
  return missing.length === 0 ? undefined : `instance(s) ${missing.join(', ')}`;
}

/**
 * A companion's result restated for an attachment that may not exist (count / for_each decided at
 * plan time): undecided then, since the setting may never be applied. Callers pass only the
 * verdicts the companion's absence would change.
 */
export function uncertainIfMaybe(a: Attachment, r: CheckResult): CheckResult {
  return a.presence.kind === 'maybe'
    ? unknown(`${r.message}; but ${a.companion.address} ${a.presence.reason}`, r.path)
    : r;
}

export function judgeWithCompanions(g: ResourceGraph, target: Resource, j: CompanionJudgement): CheckResult[] {
  const index = companionIndex(g, j.spec);
  const attachments = index.attached.get(target) ?? NONE;
  // The worst present companion decides (the first of equal rank): S3 keeps one policy per bucket,
  // so two attached ones are a race. Nothing worse than a failure exists, so the search stops there.
  let results: CheckResult[] | undefined;
  let worst = -1;
  for (const a of attachments) {
    if (a.presence.kind !== 'present') continue;
    const own = judged(j, a.companion);
    const r = rank(own);
    if (r > worst) {
      results = own;
      worst = r;
    }
    if (r === 2) break;
  }
  if (results !== undefined) {
    const missing = uncovered(g, target, attachments);
    if (missing !== undefined && worst === 0) {
      const what = `no ${j.spec.type} covers ${missing}`;
      results = [missing.includes('plan time') ? unknown(what, j.spec.type) : fail(what, j.spec.type)];
    }
  } else {
    const inline = j.inline();
    // A list the inline check returned is copied (it may be shared); a single result is wrapped.
    results = Array.isArray(inline) ? (inline as readonly CheckResult[]).slice() : [inline as CheckResult];
    const maybe = attachments.find((a) => a.presence.kind === 'maybe');
    if (maybe && rank(results) === 2 && rank(judged(j, maybe.companion)) === 0) {
      const why = maybe.presence.kind === 'maybe' ? maybe.presence.reason : '';
      return [unknown(`${maybe.companion.address} would fix this, but ${why}`, maybe.companion.address)];
    }
  }
  if (rank(results) < 2) return results;
  // Certain only when no companion with an undecidable target could be the one that fixes it.
  for (const u of index.unresolved.get(target.documentId) ?? NONE) {
    if (rank(judged(j, u.companion)) === 2) continue;
    return results.map((r) =>
      r.verdict === 'fail'
        ? unknown(`${r.message}; but ${u.companion.address} may apply here: ${u.reason}`, r.path)
        : r,
    );
  }
  return results;
}

/** The shared empty list for a resource without companions. */
const NONE: readonly never[] = Object.freeze([]);

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
