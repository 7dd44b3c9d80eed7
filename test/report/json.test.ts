import { render, toJsonReport, TOOL_NAME, TOOL_VERSION, type JsonReport } from '../../policies/report';
import * as pkg from '../../package.json';
import { CWD, HOSTILE, RESULT, RULES } from './fixture';

describe('JSON report', () => {
  it('refuses a result that only counted its passing findings (it lists every finding)', () => {
    const counted = { ...RESULT, findingsListed: 'actionable' as const };
    expect(() => render(counted, RULES, 'json', { cwd: CWD })).toThrow(/lists every finding/);
  });

  const text = render(RESULT, RULES, 'json', { cwd: CWD });
  const parsed = JSON.parse(text) as JsonReport;

  it('is streamed with the layout of JSON.stringify(report, null, 2)', () => {
    expect(text).toBe(`${JSON.stringify(parsed, null, 2)}\n`.replace(/[\u0085\u200b\u2028\u202c\u202e]/g, escape));
    expect(parsed).toEqual(toJsonReport(RESULT, RULES, { cwd: CWD }));
  });

  it('names the tool and version and summarizes with the gate verdict', () => {
    expect(parsed.tool).toEqual({ name: TOOL_NAME, version: pkg.version });
    expect(TOOL_VERSION).toBe(pkg.version);
    expect(parsed.schemaVersion).toBe(1);
    expect(parsed.passed).toBe(false);
    expect(parsed.complete).toBe(true);
    expect(parsed.summary).toMatchObject({ fail: 5, failing: 5, gating: 5, unknown: 1, waived: 1, resources: 5 });
    expect(toJsonReport(RESULT, RULES, { threshold: 'critical' }).summary.gating).toBe(2);
  });

  it('--fail-on-unknown / --fail-on-uncovered decide `passed` as they decide the exit code', () => {
    const onlyUnknown = { ...RESULT, findings: RESULT.findings.filter((f) => f.status !== 'fail') };
    expect(toJsonReport(onlyUnknown, RULES).passed).toBe(true);
    const strict = toJsonReport(onlyUnknown, RULES, { failOnUnknown: true });
    expect(strict).toMatchObject({ passed: false, failOnUnknown: true, summary: { gating: 1 } });
    expect(toJsonReport(onlyUnknown, RULES, { failOnUncovered: true })).toMatchObject({ passed: false });
  });

  it('carries every finding, waiver (with its state), uncovered type, skipped input, document and rule', () => {
    expect(parsed.findings).toHaveLength(RESULT.findings.length);
    expect(parsed.waivers.map((w) => [w.ruleId, w.state])).toEqual([
      ['ZT-DATA-001', 'unused'],
      ['ZT-DATA-002', 'expired'],
      ['ZT-DATA-006', 'applied'],
      ['ZT-DATA-009', 'unmatched'],
      ['ZT-NETWORK-001', 'not-selected'],
    ]);
    expect(parsed.coverage.uncovered).toEqual([
      { type: 'AWS::RDS::DBInstance', count: 2 },
      { type: 'azurerm_redis_cache', count: 1 },
    ]);
    expect(parsed.skipped).toEqual([
      { path: 'broken.template.json', reason: 'malformed JSON (Unexpected end of input)' },
    ]);
    expect(parsed.documents.map((d) => d.file)).toEqual([
      'cdk.out/Main.template.json',
      'cdktf.out/stacks/azure/cdk.tf.json',
    ]);
    expect(parsed.rules.map((r) => r.id)).toEqual(RULES.map((r) => r.id).sort());
    expect(parsed.rules[0]).toMatchObject({ resourceTypes: ['AWS::S3::Bucket', 'azurerm_storage_account'] });
    expect(parsed.rules[0]).not.toHaveProperty('checks');
    const vault = parsed.findings.find(
      (f) => f.status === 'fail' && f.resource.address === 'azurerm_key_vault_key.lake',
    );
    expect(vault?.remediation).toBe('KeyVaultKey rotationPolicy.automatic');
  });

  it('keeps hostile text intact as data, with invisible characters escaped in the file', () => {
    expect(parsed.waivers.find((w) => w.state === 'unused')?.reason).toBe(HOSTILE);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e]/);
    expect(text).toContain('\\u001b[32m');
    expect(text).toContain('\\u202e');
  });

  it('is independent of the order findings arrive in', () => {
    const reversed = { ...RESULT, findings: [...RESULT.findings].reverse(), waivers: [...RESULT.waivers].reverse() };
    expect(render(reversed, [...RULES].reverse(), 'json', { cwd: CWD })).toBe(text);
  });
});

function escape(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
