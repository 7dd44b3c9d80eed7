import { buildGraph } from '../../policies/engine';
import type { CheckResult } from '../../policies/engine';
import { ALL_CASES } from './all-cases';

/**
 * `scope: 'resource'` promises that a rule decides from the resource alone (the Pulumi pack then runs
 * it per resource): every case of such a rule gets the same results with the other resources removed.
 */
const scoped = ALL_CASES.filter((t) => t.rule.scope === 'resource');
const rows = scoped.flatMap((t) => t.cases.map((c) => [t.rule.id, c.name, t, c] as const));

test('some rules are resource-scoped', () => {
  expect(scoped.length).toBeGreaterThan(0);
});

test.each(rows)('%s: %s decides alone', (_id, _name, table, c) => {
  const res = c.doc.resources.find((r) => r.address === c.address)!;
  const run = (doc: typeof c.doc) => {
    const out = table.rule.checks[res.type](res, { graph: buildGraph([doc]) });
    return (Array.isArray(out) ? out : [out]).map((r: CheckResult) => [r.verdict, r.path]);
  };
  expect(run({ ...c.doc, resources: [res] })).toEqual(run(c.doc));
});
