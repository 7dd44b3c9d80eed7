import type { EvaluationSummary, Finding, Status } from './finding';
import type { ResourceGraph } from './graph';
import { compareText } from './text-order';

/** The run-once tallies of an evaluation: uncovered resource types and the summary counts. */

export function uncovered(graph: ResourceGraph, covered: ReadonlySet<string>): { type: string; count: number }[] {
  const counts = new Map<string, number>();
  const all = graph.resources();
  for (let i = 0; i < all.length; i++) {
    const type = all[i].type;
    if (!covered.has(type)) counts.set(type, (counts.get(type) ?? 0) + 1);
  }
  return [...counts].map(([type, count]) => ({ type, count })).sort((a, b) => compareText(a.type, b.type));
}

export function summarize(
  findings: readonly Finding[],
  resources: number,
  rulesEvaluated: number,
  unlisted: { readonly pass: number; readonly not_applicable: number },
): EvaluationSummary {
  const counts: Record<Status, number> = {
    pass: unlisted.pass,
    fail: 0,
    unknown: 0,
    not_applicable: unlisted.not_applicable,
    waived: 0,
  };
  for (let i = 0; i < findings.length; i++) counts[findings[i].status]++;
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
