import { render, toJsonReport, TOOL_NAME, TOOL_VERSION, type JsonReport } from '../../policies/report';
import * as pkg from '../../package.json';
import { CWD, RESULT, RULES } from './fixture';

describe('JSON report', () => {
  const text = render(RESULT, RULES, 'json', { cwd: CWD });
  const parsed = JSON.parse(text) as JsonReport;

  it('round-trips: the printed document is exactly the report object', () => {
    expect(parsed).toEqual(toJsonReport(RESULT, RULES, { cwd: CWD }));
    expect(render(RESULT, RULES, 'json', { cwd: CWD })).toBe(text);
  });

  it('names the tool and version and summarizes', () => {
    expect(parsed.tool).toEqual({ name: TOOL_NAME, version: pkg.version });
    expect(TOOL_VERSION).toBe(pkg.version);
    expect(parsed.schemaVersion).toBe(1);
    expect(parsed.passed).toBe(false);
    expect(parsed.summary).toMatchObject({ fail: 5, failing: 5, gating: 5, unknown: 1, waived: 1, resources: 5 });
    expect(toJsonReport(RESULT, RULES, { threshold: 'critical' }).summary.gating).toBe(2);
  });

  it('carries every finding, waiver (with its state), document and rule, with cwd-relative files', () => {
    expect(parsed.findings).toHaveLength(RESULT.findings.length);
    expect(parsed.waivers.map((w) => [w.ruleId, w.state])).toEqual([
      ['ZT-DATA-002', 'expired'],
      ['ZT-DATA-006', 'applied'],
      ['ZT-DATA-009', 'unmatched'],
    ]);
    expect(parsed.documents.map((d) => d.file)).toEqual([
      'cdk.out/Main.template.json',
      'cdktf.out/stacks/azure/cdk.tf.json',
    ]);
    expect(new Set(parsed.findings.map((f) => f.source.file))).toEqual(
      new Set(['cdk.out/Main.template.json', 'cdktf.out/stacks/azure/cdk.tf.json']),
    );
    expect(parsed.rules.map((r) => r.id)).toEqual(RULES.map((r) => r.id).sort());
    expect(parsed.rules[0]).toMatchObject({ resourceTypes: ['AWS::S3::Bucket', 'azurerm_storage_account'] });
    expect(parsed.rules[0]).not.toHaveProperty('checks');
  });

  it('is independent of the order findings arrive in', () => {
    const reversed = { ...RESULT, findings: [...RESULT.findings].reverse(), waivers: [...RESULT.waivers].reverse() };
    expect(render(reversed, [...RULES].reverse(), 'json', { cwd: CWD })).toBe(text);
  });
});
