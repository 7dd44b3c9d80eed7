import type { AppliedWaiver, EvaluationResult, EvaluationSummary, Finding, FindingResource, Status } from './finding';
import type { ResourceGraph } from './graph';
import type { Resource } from './model';
import type { Check, CheckResult, Rule, RuleContext } from './rule';
import { isExpired } from './waiver-expiry';

/**
 * Runs every rule's checks over the graph: one Finding per (rule, resource of a covered type),
 * waivers applied, expired waivers reported as failing findings of their own.
 */

export interface EvaluateOptions {
  /** "Today" for waiver expiry; defaults to the current time. */
  readonly now?: Date;
  /** Only these rule ids (unknown ids simply match nothing). */
  readonly ruleIds?: readonly string[];
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
  const ctx: RuleContext = { graph };
  const findings: Finding[] = [];
  const waivers: AppliedWaiver[] = [];
  const expiredFindings: Finding[] = [];
  // Waiver state per resource, computed once for resources that carry any.
  const valid = new Map<Resource, Map<string, AppliedWaiver>>();
  // One FindingResource per resource, shared by its findings and waivers (they are read-only).
  const refs = new Map<Resource, FindingResource>();

  for (const resource of graph.resources()) {
    if (resource.waivers.length === 0) continue;
    const ref = findingResource(resource);
    refs.set(resource, ref);
    const perRule = new Map<string, AppliedWaiver>();
    for (const w of resource.waivers) {
      const rule = byId.get(w.ruleId);
      const expired = isExpired(w, now);
      const applied: AppliedWaiver = {
        ...w,
        resource: ref,
        source: resource.source,
        expired,
        matched: !!rule?.checks[resource.type],
      };
      waivers.push(applied);
      if (!expired && !perRule.has(w.ruleId)) perRule.set(w.ruleId, applied);
      if (expired && rule) expiredFindings.push(expiredFinding(rule, resource, ref, applied));
    }
    valid.set(resource, perRule);
  }

  for (const rule of selected) {
    for (const type of Object.keys(rule.checks)) {
      const check = rule.checks[type];
      for (const resource of graph.byType(type)) {
        let ref = refs.get(resource);
        if (!ref) refs.set(resource, (ref = findingResource(resource)));
        for (const result of runCheck(check, resource, ctx)) {
          const waiver = result.verdict === 'fail' ? valid.get(resource)?.get(rule.id) : undefined;
          findings.push(checkFinding(rule, result, resource, ref, waiver));
        }
      }
    }
  }

  findings.push(...expiredFindings);
  const durationMs = performance.now() - started;
  return {
    findings,
    waivers,
    documents: graph.documents.map((d) => ({
      file: d.file,
      format: d.format,
      ...(d.stack !== undefined ? { stack: d.stack } : {}),
      resources: d.resources.length,
    })),
    summary: summarize(findings, graph.resources().length, selected.length),
    durationMs,
  };
}

/** Field order as reporters print it; `path` and `waiver` only when present. */
function checkFinding(
  rule: Rule,
  result: CheckResult,
  resource: Resource,
  ref: FindingResource,
  waiver: AppliedWaiver | undefined,
): Finding {
  const { id: ruleId, title, severity, layer } = rule;
  const { verdict, message } = result;
  const status = waiver ? 'waived' : verdict;
  const { source } = resource;
  const kind = 'check';
  if (result.path === undefined) {
    return waiver
      ? { ruleId, title, severity, layer, verdict, status, message, resource: ref, source, kind, waiver }
      : { ruleId, title, severity, layer, verdict, status, message, resource: ref, source, kind };
  }
  const path = result.path;
  return waiver
    ? { ruleId, title, severity, layer, verdict, status, message, path, resource: ref, source, kind, waiver }
    : { ruleId, title, severity, layer, verdict, status, message, path, resource: ref, source, kind };
}

/** A check that throws must not end the run: its verdict is unknown, with the error as the reason. */
function runCheck(check: Check, resource: Resource, ctx: RuleContext): readonly CheckResult[] {
  try {
    const out = check(resource, ctx);
    const results = Array.isArray(out) ? (out as readonly CheckResult[]) : [out as CheckResult];
    if (results.length === 0 || results.some((r) => !r || typeof r.verdict !== 'string'))
      return [{ verdict: 'unknown', message: 'check returned no result' }];
    return results;
  } catch (e) {
    return [{ verdict: 'unknown', message: `check failed: ${e instanceof Error ? e.message : String(e)}` }];
  }
}

function expiredFinding(rule: Rule, resource: Resource, ref: FindingResource, waiver: AppliedWaiver): Finding {
  return {
    ruleId: rule.id,
    title: rule.title,
    severity: rule.severity,
    layer: rule.layer,
    verdict: 'fail',
    status: 'fail',
    message: `Waiver of ${rule.id} expired on ${waiver.expires} (reason was: ${waiver.reason}); renew it or fix the resource`,
    resource: ref,
    source: resource.source,
    kind: 'expired-waiver',
    waiver,
  };
}

function findingResource(r: Resource): FindingResource {
  return { address: r.address, type: r.type, provider: r.provider, key: r.key };
}

function summarize(findings: readonly Finding[], resources: number, rulesEvaluated: number): EvaluationSummary {
  const counts: Record<Status, number> = { pass: 0, fail: 0, unknown: 0, not_applicable: 0, waived: 0 };
  for (const f of findings) counts[f.status]++;
  return {
    resources,
    rulesEvaluated,
    pass: counts.pass,
    fail: counts.fail,
    unknown: counts.unknown,
    notApplicable: counts.not_applicable,
    waived: counts.waived,
  };
}
