import { buildGraph } from '../../policies/engine';
import type { CheckResult, Document, Rule } from '../../policies/engine';

/** Every result of one rule's check on one resource (helpers.ts runCheck keeps the first only). */
export function findings(rule: Rule, doc: Document, address: string): readonly CheckResult[] {
  const graph = buildGraph([doc]);
  const resource = doc.resources.find((r) => r.address === address);
  if (!resource) throw new Error(`no resource ${address} in the test document`);
  const out = rule.checks[resource.type](resource, { graph });
  return Array.isArray(out) ? (out as readonly CheckResult[]) : [out as CheckResult];
}
