import { ALL_RULES } from '../../policies/rules';
import { CONTROL_TITLES, FRAMEWORKS } from '../../policies/rules/controls';

/** The one control table: every control a rule cites has an entry (and so a title in the matrix). */
describe('control table', () => {
  test('every framework a rule cites is in FRAMEWORKS', () => {
    const cited = new Set(ALL_RULES.flatMap((r) => r.controls.map((c) => c.framework)));
    for (const f of cited) expect(FRAMEWORKS.map((x) => x.id)).toContain(f);
  });

  test.each(ALL_RULES.map((r) => [r.id, r] as const))('%s cites only listed controls', (_id, rule) => {
    const missing = rule.controls.filter((c) => CONTROL_TITLES[c.framework]?.[c.id] === undefined);
    expect(missing).toEqual([]);
  });

  test('no rule cites the same control twice', () => {
    for (const r of ALL_RULES) {
      const keys = r.controls.map((c) => `${c.framework} ${c.id}`);
      expect({ rule: r.id, dupes: keys.filter((k, i) => keys.indexOf(k) !== i) }).toEqual({ rule: r.id, dupes: [] });
    }
  });
});
