import { ALL_RULES } from '../../policies/rules';
import { ALL_CASES } from './all-cases';
import { caseType } from './helpers';

/** Every rule has a failing and a passing case for every resource type it covers. */
describe('rule case coverage', () => {
  test('every rule has a case table', () => {
    expect(ALL_CASES.map((c) => c.rule.id).sort()).toEqual(ALL_RULES.map((r) => r.id).sort());
  });

  const rows = ALL_RULES.flatMap((rule) => Object.keys(rule.checks).map((type) => [rule.id, type] as const));
  test.each(rows)('%s covers %s with a failing and a passing case', (ruleId, type) => {
    const table = ALL_CASES.find((c) => c.rule.id === ruleId);
    const verdicts = new Set((table?.cases ?? []).filter((c) => caseType(c) === type).map((c) => c.verdict));
    expect([...verdicts].filter((v) => v === 'pass' || v === 'fail').sort()).toEqual(['fail', 'pass']);
  });
});
