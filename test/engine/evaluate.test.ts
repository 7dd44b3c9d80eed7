import {
  asString,
  buildGraph,
  evaluate,
  fail,
  loadCloudFormationObject,
  loadTerraformObject,
  pass,
} from '../../policies/engine';
import type { Check, ResourceGraph } from '../../policies/engine';
import { testRule } from '../support/rules';

const REASON = 'Sound reason that is long enough to be accepted here.';

const versioning: Check = (r, { graph }) =>
  asString(graph.value(r, 'VersioningConfiguration.Status')) === 'Enabled'
    ? pass('versioning on')
    : fail('versioning off', 'VersioningConfiguration.Status');

const cfn = loadCloudFormationObject(
  {
    Resources: {
      Good: { Type: 'AWS::S3::Bucket', Properties: { VersioningConfiguration: { Status: 'Enabled' } } },
      Waived: {
        Type: 'AWS::S3::Bucket',
        Metadata: { 'zt:waivers': [{ ruleId: 'ZT-DATA-007', reason: REASON, expires: '2030-06-30' }] },
      },
      Expired: {
        Type: 'AWS::S3::Bucket',
        Metadata: { 'zt:waivers': [{ ruleId: 'ZT-DATA-007', reason: REASON, expires: '2030-06-29' }] },
      },
      Stray: {
        Type: 'AWS::KMS::Key',
        Metadata: {
          'zt:waivers': [
            { ruleId: 'ZT-DATA-999', reason: REASON },
            { ruleId: 'ZT-DATA-007', reason: REASON },
          ],
        },
      },
      PassingWaived: {
        Type: 'AWS::S3::Bucket',
        Properties: { VersioningConfiguration: { Status: 'Enabled' } },
        Metadata: { 'zt:waivers': [{ ruleId: 'ZT-DATA-007', reason: REASON }] },
      },
    },
  },
  { file: 'cfn.json', stack: 'S' },
);
const tf = loadTerraformObject(
  { resource: { azurerm_key_vault: { kv: { purge_protection_enabled: false } } } },
  { file: 'tf.json' },
);

const rules = [
  testRule('ZT-DATA-007', { 'AWS::S3::Bucket': versioning }, { severity: 'medium' }),
  testRule('ZT-DATA-009', {
    azurerm_key_vault: () => {
      throw new Error('boom');
    },
    'AWS::KMS::Key': () => pass('fine'),
  }),
];
// 30 June 2030, late in the day UTC: a waiver expiring that day still holds, the one of the 29th does not.
const now = new Date('2030-06-30T23:59:59Z');
let graph: ResourceGraph;
beforeAll(() => {
  graph = buildGraph([cfn, tf]);
});

const finding = (result: ReturnType<typeof evaluate>, ruleId: string, address: string, kind = 'check') =>
  result.findings.find((f) => f.ruleId === ruleId && f.resource.address === address && f.kind === kind);

describe('evaluate()', () => {
  test('one finding per rule and resource of a covered type, with rule metadata and source', () => {
    const result = evaluate(graph, rules, { now });
    const good = finding(result, 'ZT-DATA-007', 'Good');
    expect(good).toMatchObject({ verdict: 'pass', status: 'pass', severity: 'medium', layer: 'data', kind: 'check' });
    expect(good?.resource).toEqual({
      address: 'Good',
      type: 'AWS::S3::Bucket',
      provider: 'aws',
      key: 'cfn.json#S#Good',
    });
    expect(good?.source).toMatchObject({ file: 'cfn.json', stack: 'S', format: 'cloudformation' });
    expect(result.findings.filter((f) => f.kind === 'check')).toHaveLength(4 + 2);
    expect(result.documents).toEqual([
      { file: 'cfn.json', format: 'cloudformation', stack: 'S', resources: 5 },
      { file: 'tf.json', format: 'terraform', resources: 1 },
    ]);
  });

  test('a valid waiver turns fail into waived and is attached; pass stays pass', () => {
    const result = evaluate(graph, rules, { now });
    const waived = finding(result, 'ZT-DATA-007', 'Waived');
    expect(waived).toMatchObject({ verdict: 'fail', status: 'waived', path: 'VersioningConfiguration.Status' });
    expect(waived?.waiver).toMatchObject({ ruleId: 'ZT-DATA-007', reason: REASON, expired: false, matched: true });
    expect(finding(result, 'ZT-DATA-007', 'PassingWaived')).toMatchObject({ status: 'pass' });
  });

  test('an expired waiver does not apply and is a failing finding of its own', () => {
    const result = evaluate(graph, rules, { now });
    expect(finding(result, 'ZT-DATA-007', 'Expired')).toMatchObject({ verdict: 'fail', status: 'fail' });
    const expired = finding(result, 'ZT-DATA-007', 'Expired', 'expired-waiver');
    expect(expired).toMatchObject({ status: 'fail', verdict: 'fail', severity: 'medium', kind: 'expired-waiver' });
    expect(expired?.message).toContain('2030-06-29');
    expect(expired?.message).toContain(REASON);
    // The next day the other waiver expires as well.
    const later = evaluate(graph, rules, { now: new Date('2030-07-01T00:00:00Z') });
    expect(finding(later, 'ZT-DATA-007', 'Waived')?.status).toBe('fail');
    expect(later.findings.filter((f) => f.kind === 'expired-waiver')).toHaveLength(2);
  });

  test('every waiver is listed once; unknown rules and uncovered types are unmatched', () => {
    const result = evaluate(graph, rules, { now });
    expect(result.waivers.map((w) => [w.resource.address, w.ruleId, w.expired, w.matched])).toEqual([
      ['Waived', 'ZT-DATA-007', false, true],
      ['Expired', 'ZT-DATA-007', true, true],
      ['Stray', 'ZT-DATA-999', false, false],
      ['Stray', 'ZT-DATA-007', false, false],
      ['PassingWaived', 'ZT-DATA-007', false, true],
    ]);
    expect(result.waivers[0].source).toMatchObject({ file: 'cfn.json' });
  });

  test('a throwing check is unknown with the error, and the run goes on', () => {
    const result = evaluate(graph, rules, { now });
    const kv = finding(result, 'ZT-DATA-009', 'azurerm_key_vault.kv');
    expect(kv).toMatchObject({ verdict: 'unknown', status: 'unknown', message: expect.stringContaining('boom') });
    expect(finding(result, 'ZT-DATA-009', 'Stray')).toMatchObject({ status: 'pass' });
  });

  test('summary counts every finding by status', () => {
    const { summary, durationMs } = evaluate(graph, rules, { now });
    expect(summary).toEqual({
      resources: 6,
      rulesEvaluated: 2,
      pass: 3,
      fail: 2,
      unknown: 1,
      notApplicable: 0,
      waived: 1,
    });
    expect(durationMs).toBeGreaterThanOrEqual(0);
  });

  test('ruleIds filters the catalogue; waivers of other rules are not-selected (not unmatched) and never fail', () => {
    const result = evaluate(graph, rules, { now, ruleIds: ['ZT-DATA-009'] });
    expect(new Set(result.findings.map((f) => f.ruleId))).toEqual(new Set(['ZT-DATA-009']));
    expect(result.findings.some((f) => f.kind === 'expired-waiver')).toBe(false);
    const states = result.waivers.map((w) => [w.resource.address, w.ruleId, w.state]);
    expect(states).toEqual([
      ['Waived', 'ZT-DATA-007', 'not-selected'],
      ['Expired', 'ZT-DATA-007', 'not-selected'],
      ['Stray', 'ZT-DATA-999', 'unmatched'],
      ['Stray', 'ZT-DATA-007', 'unmatched'],
      ['PassingWaived', 'ZT-DATA-007', 'not-selected'],
    ]);
    expect(result.summary.rulesEvaluated).toBe(1);
  });

  test('waiver states: applied only where a failing finding was waived', () => {
    const result = evaluate(graph, rules, { now });
    const states = Object.fromEntries(result.waivers.map((w) => [`${w.resource.address} ${w.ruleId}`, w.state]));
    expect(states).toEqual({
      'Waived ZT-DATA-007': 'applied',
      'Expired ZT-DATA-007': 'expired',
      'Stray ZT-DATA-999': 'unmatched',
      'Stray ZT-DATA-007': 'unmatched',
      'PassingWaived ZT-DATA-007': 'unused',
    });
  });

  test('coverage lists the resource types no rule covers, with counts', () => {
    expect(evaluate(graph, rules, { now }).coverage?.uncovered).toEqual([]);
    const only007 = evaluate(graph, rules, { now, ruleIds: ['ZT-DATA-007'] });
    expect(only007.coverage?.uncovered).toEqual([
      { type: 'AWS::KMS::Key', count: 1 },
      { type: 'azurerm_key_vault', count: 1 },
    ]);
  });

  test('not_applicable verdicts are counted and not waived', () => {
    const na = testRule('ZT-DATA-007', { 'AWS::S3::Bucket': () => ({ verdict: 'not_applicable', message: 'n/a' }) });
    const result = evaluate(graph, [na], { now });
    expect(result.summary.notApplicable).toBe(4);
    expect(result.summary.waived).toBe(0);
  });

  test("findings: 'actionable' lists failing, unknown and waived findings only, with the same summary and waivers", () => {
    const all = evaluate(graph, rules, { now });
    const actionable = evaluate(graph, rules, { now, findings: 'actionable' });
    expect(actionable.findingsListed).toBe('actionable');
    expect(all.findingsListed).toBeUndefined();
    expect(actionable.summary).toEqual(all.summary);
    expect(actionable.waivers).toEqual(all.waivers);
    const key = (f: (typeof all.findings)[number]) => `${f.ruleId} ${f.resource.key} ${f.kind} ${f.status}`;
    const listed = all.findings.filter((f) => f.status !== 'pass' && f.status !== 'not_applicable');
    expect(actionable.findings.map(key)).toEqual(listed.map(key));
    expect(listed.length).toBeLessThan(all.findings.length);
    const na = testRule('ZT-DATA-007', { 'AWS::S3::Bucket': () => ({ verdict: 'not_applicable', message: 'n/a' }) });
    const quiet = evaluate(graph, [na], { now, findings: 'actionable' });
    expect(quiet.summary.notApplicable).toBe(4);
    expect(quiet.findings.filter((f) => f.kind === 'check')).toEqual([]);
  });
});
