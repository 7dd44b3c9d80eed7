import { runCases } from '../helpers';
import { cases } from '../cases/zt-identity-002';
import { findings } from '../multi';

runCases(cases);

test('ZT-IDENTITY-002 reports each wildcard action at its own path', () => {
  const doc = cases.cases.find((c) => c.name === 'role with s3:*')!.doc;
  const all = findings(cases.rule, doc, 'R');
  expect(all.map((r) => [r.verdict, r.path])).toEqual([['fail', 'Policies.0.PolicyDocument.Statement.0.Action.1']]);
});
