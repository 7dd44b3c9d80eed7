import type { AppliedWaiver, EvaluationResult, Finding, FindingResource, FindingsListed, Status } from './finding';
import type { ResourceGraph } from './graph';
import type { Resource, ResourceWaiver } from './model';
import type { Check, CheckResult, Rule, RuleContext } from './rule';
import { summarize, uncovered } from './evaluate-summary';
import { isExpired } from './waiver-expiry';

/**
 * Runs each selected rule's checks on the resources of the types it covers (indexed by type, so a
 * check never sees another type): one Finding per result, waivers applied, expired waivers
 * reported as failing findings of their own, and the resource types no rule covers counted.
 */

export interface EvaluateOptions {
  /** "Today" for waiver expiry; defaults to the current time. */
  readonly now?: Date;
  /** Only these rule ids (unknown ids simply match nothing). */
  readonly ruleIds?: readonly string[];
  /**
   * The whole catalogue, when `rules` is a selection of it: a waiver naming a catalogued rule that
   * was not selected is `not-selected`, not `unmatched`. @default `rules`
   */
  readonly catalogue?: readonly Rule[];
  /**
   * Which findings the result lists. `actionable`: failing, unknown and waived ones (and expired
   * waivers); passing and not-applicable results are counted in `summary` only. For a gate or a
   * report that shows nothing else (synth gates, the text and SARIF reports): at 100k resources
   * the full list is ~450k objects no one reads. @default 'all'
   */
  readonly findings?: FindingsListed;
}

/** Bookkeeping resources of the tools, never infrastructure to judge or report as uncovered. */
const BOOKKEEPING = new Set(['AWS::CDK::Metadata']);

type WaiverState = NonNullable<AppliedWaiver['state']>;

interface PendingWaiver {
  readonly waiver: ResourceWaiver;
  readonly resource: Resource;
  state: WaiverState;
}

export function evaluate(
  graph: ResourceGraph,
  rules: readonly Rule[],
  options: EvaluateOptions = {},
): EvaluationResult {
  const started = performance.now();
  const now = options.now ?? new Date();
  const wanted = options.ruleIds ? new Set(options.ruleIds) : undefined;
  const selected = wanted ? rules.filter((r) => wanted.has(r.id)) : rules;
  const byId = new Map(selected.map((r) => [r.id, r]));
  const catalogue = new Map((options.catalogue ?? rules).map((r) => [r.id, r]));
  const ctx: RuleContext = { graph };
  const texts = new TextTable();
  const findings: Finding[] = [];
  // Results counted but not listed (findings: 'actionable'): never waived, since only failures are.
  const actionableOnly = options.findings === 'actionable';
  const unlisted = { pass: 0, not_applicable: 0 };
  const listed = (r: CheckResult): boolean => {
    if (!actionableOnly || (r.verdict !== 'pass' && r.verdict !== 'not_applicable')) return true;
    unlisted[r.verdict]++;
    return false;
  };
  const expiredFindings: Finding[] = [];
  const refs = new Map<Resource, FindingResource>();
  const ref = (r: Resource): FindingResource => {
    let found = refs.get(r);
    if (!found) refs.set(r, (found = findingResource(r)));
    return found;
  };

  // The waiver in force per (resource, rule): the first valid one; later duplicates stay unused.
  const pending: PendingWaiver[] = [];
  const inForce = new Map<Resource, Map<string, PendingWaiver>>();
  for (const resource of graph.resources()) {
    if (resource.waivers.length === 0) continue;
    const perRule = new Map<string, PendingWaiver>();
    for (const w of resource.waivers) {
      const p: PendingWaiver = { waiver: w, resource, state: initialState(w, resource, byId, catalogue, now) };
      pending.push(p);
      if (p.state === 'expired') expiredFindings.push(expiredFinding(byId.get(w.ruleId)!, resource, ref(resource), p));
      if (p.state === 'unused' && !perRule.has(w.ruleId)) perRule.set(w.ruleId, p);
    }
    inForce.set(resource, perRule);
  }

  // Each check runs on the resources of its type only. The loop goes type by type and resource by
  // resource (one FindingResource and one waiver lookup per resource, all its checks in a row),
  // each (rule, type) pair filling its own slot, so the findings keep rule-then-type order.
  const covered = new Set<string>(BOOKKEEPING);
  const slots: Finding[][] = [];
  const plan = new Map<string, { rule: Rule; check: Check; slot: Finding[] }[]>();
  for (const rule of selected) {
    for (const type of rule.reads ?? []) covered.add(type);
    for (const type of Object.keys(rule.checks)) {
      covered.add(type);
      const slot: Finding[] = [];
      slots.push(slot);
      const step = { rule, check: rule.checks[type], slot };
      const steps = plan.get(type);
      if (steps) steps.push(step);
      else plan.set(type, [step]);
    }
  }
  for (const [type, steps] of plan) {
    for (const resource of graph.byType(type)) {
      const waivers = inForce.get(resource);
      const resourceRef = waivers ? ref(resource) : findingResource(resource);
      for (const { rule, check, slot } of steps) {
        const waiver = waivers?.get(rule.id);
        const out = runCheck(check, resource, ctx);
        if (!Array.isArray(out)) {
          const result = out as CheckResult;
          if (listed(result)) slot.push(resultFinding(rule, result, resource, resourceRef, waiver, texts));
          continue;
        }
        for (const result of out as readonly CheckResult[]) {
          if (listed(result)) slot.push(resultFinding(rule, result, resource, resourceRef, waiver, texts));
        }
      }
    }
  }
  // Indexed loops in the run-once passes over every finding: an iterator would allocate per step
  // in code the JIT has not optimized yet.
  for (let s = 0; s < slots.length; s++) {
    const slot = slots[s];
    for (let i = 0; i < slot.length; i++) findings.push(slot[i]);
  }

  findings.push(...expiredFindings);
  const waivers = pending.map((p) => applied(p, ref(p.resource)));
  return {
    findings,
    waivers,
    documents: graph.documents.map((d) => ({
      file: d.file,
      format: d.format,
      ...(d.stack !== undefined ? { stack: d.stack } : {}),
      resources: d.resources.length,
    })),
    summary: summarize(findings, graph.resources().length, selected.length, unlisted),
    ...(actionableOnly ? { findingsListed: 'actionable' as const } : {}),
    coverage: { uncovered: uncovered(graph, covered) },
    durationMs: performance.now() - started,
  };
}

function initialState(
  w: ResourceWaiver,
  resource: Resource,
  selected: ReadonlyMap<string, Rule>,
  catalogue: ReadonlyMap<string, Rule>,
  now: Date,
): WaiverState {
  const known = catalogue.get(w.ruleId);
  if (!known || !(known.checks[resource.type] || known.reads?.includes(resource.type))) return 'unmatched';
  if (!selected.has(w.ruleId)) return 'not-selected';
  return isExpired(w, now) ? 'expired' : 'unused';
}

/** The AppliedWaiver reported for a waiver once the run is done (its state is final). */
function applied(p: PendingWaiver, resource: FindingResource): AppliedWaiver {
  return {
    ...p.waiver,
    resource,
    source: p.resource.source,
    expired: p.state === 'expired',
    matched: p.state !== 'unmatched',
    state: p.state,
  };
}

/**
 * One copy of each message and path text per evaluation. Findings outlive the checks that made
 * them, and most of their text repeats resource after resource ("VersioningConfiguration.Status
 * is \"Enabled\""): sharing it keeps the result, and what the collector copies while the run
 * goes on, a fraction of the size. A check's own string is kept the first time; a repeat is
 * garbage at once.
 */
class TextTable {
  private readonly known = new Map<string, string>();

  share(text: string): string {
    const found = this.known.get(text);
    if (found !== undefined) return found;
    this.known.set(text, text);
    return text;
  }
}

/** Field order as reporters print it; `path` and `waiver` only when present. */
function checkFinding(
  rule: Rule,
  result: CheckResult,
  resource: Resource,
  ref: FindingResource,
  waiver: PendingWaiver | undefined,
  texts: TextTable,
): Finding {
  const { id: ruleId, title, severity, layer } = rule;
  const verdict = result.verdict;
  const message = texts.share(result.message);
  const path = result.path === undefined ? undefined : texts.share(result.path);
  const { source } = resource;
  const kind = 'check';
  const status: Status = waiver ? 'waived' : verdict;
  // Literal objects of one shape each (no spreads): evaluation makes one per result.
  const finding: Finding =
    path === undefined
      ? { ruleId, title, severity, layer, verdict, status, message, resource: ref, source, kind }
      : { ruleId, title, severity, layer, verdict, status, message, path, resource: ref, source, kind };
  return waiver ? { ...finding, waiver: applied({ ...waiver, state: 'applied' }, ref) } : finding;
}

/** The finding of one result; a failing result of a resource with a waiver in force is waived. */
function resultFinding(
  rule: Rule,
  result: CheckResult,
  resource: Resource,
  ref: FindingResource,
  waiver: PendingWaiver | undefined,
  texts: TextTable,
): Finding {
  const applies = waiver !== undefined && result.verdict === 'fail';
  if (applies) waiver.state = 'applied';
  return checkFinding(rule, result, resource, ref, applies ? waiver : undefined, texts);
}

const NO_RESULT: CheckResult = { verdict: 'unknown', message: 'check returned no result' };

/**
 * A check's result(s); one that throws must not end the run: its verdict is unknown, with the
 * error as the reason. A single result is passed on as it is (no array per check).
 */
function runCheck(check: Check, resource: Resource, ctx: RuleContext): CheckResult | readonly CheckResult[] {
  try {
    const out = check(resource, ctx);
    if (!Array.isArray(out)) return isResult(out) ? (out as CheckResult) : NO_RESULT;
    const results = out as readonly CheckResult[];
    if (results.length === 0 || !results.every(isResult)) return NO_RESULT;
    return results;
  } catch (e) {
    return { verdict: 'unknown', message: `check failed: ${e instanceof Error ? e.message : String(e)}` };
  }
}

function isResult(r: unknown): boolean {
  return typeof r === 'object' && r !== null && typeof (r as CheckResult).verdict === 'string';
}

function expiredFinding(rule: Rule, resource: Resource, ref: FindingResource, p: PendingWaiver): Finding {
  const w = p.waiver;
  return {
    ruleId: rule.id,
    title: rule.title,
    severity: rule.severity,
    layer: rule.layer,
    verdict: 'fail',
    status: 'fail',
    message: `Waiver of ${rule.id} expired on ${w.expires} (reason was: ${w.reason}); renew it or fix the resource`,
    resource: ref,
    source: resource.source,
    kind: 'expired-waiver',
    waiver: applied(p, ref),
  };
}

function findingResource(r: Resource): FindingResource {
  return { address: r.address, type: r.type, provider: r.provider, key: r.key };
}
