import type { Check, Rule } from '../../policies/engine/rule';

/** A tiny inline rule for engine tests (the real rules live in policies/rules). */
export function testRule(id: string, checks: Record<string, Check>, overrides: Partial<Rule> = {}): Rule {
  return {
    id,
    title: `test rule ${id}`,
    severity: 'high',
    layer: 'data',
    rationale: 'Engine test rule.',
    remediation: 'None; engine test rule.',
    controls: [],
    equivalents: [],
    checks,
    ...overrides,
  };
}
