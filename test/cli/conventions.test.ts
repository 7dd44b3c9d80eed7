import * as fs from 'fs';
import * as path from 'path';
import { XMLValidator } from 'fast-xml-parser';
import { sarifValidator } from '../report/sarif-schema';
import { FILES, runCli, writeFixtures } from './fixtures';

let dir: string;
const at = (name: string) => path.join(dir, name);

beforeAll(() => {
  dir = writeFixtures();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('zt-check CLI conventions', () => {
  it('several outputs in one run: files in --format/--output pairs plus one report on stdout', () => {
    const r = runCli(
      [
        'no-rotation.template.json',
        'no-rotation.tf.json',
        '--format',
        'sarif',
        '--output',
        'out/a.sarif',
        '--format',
        'junit',
        '--output',
        'out/b.xml',
        '--format',
        'json',
      ],
      { cwd: dir },
    );
    expect(r.code).toBe(1);
    // stdout holds only the JSON report; the notice goes to stderr.
    expect(JSON.parse(r.stdout).summary).toMatchObject({ failing: 2 });
    expect(r.stderr).toMatch(/^zt-check: reports written to out\/a\.sarif, out\/b\.xml; FAILED: 2 failing/);
    const sarif = JSON.parse(fs.readFileSync(at('out/a.sarif'), 'utf8'));
    expect(sarifValidator()(sarif)).toBe(true);
    expect(sarif.runs[0].results).toHaveLength(2);
    expect(XMLValidator.validate(fs.readFileSync(at('out/b.xml'), 'utf8'))).toBe(true);
  });

  it('--skip-rules leaves rules out', () => {
    const r = runCli([at('no-rotation.template.json'), '--skip-rules', 'ZT-DATA-002', '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.rules.map((x: { id: string }) => x.id)).not.toContain('ZT-DATA-002');
    expect(report.findings.some((f: { ruleId: string }) => f.ruleId === 'ZT-DATA-002')).toBe(false);
  });

  it('stdin (-): one CloudFormation YAML or Terraform JSON document', () => {
    const yaml = runCli(['-', '--compact'], { cwd: dir, readStdin: () => FILES['bare-bucket.yaml'] });
    expect(yaml.code).toBe(1);
    expect(yaml.stdout).toMatch(/^FAIL ZT-DATA-001 \[high\] <stdin>(:\d+)? Raw \(AWS::S3::Bucket\)/m);
    const tf = runCli(['-'], { readStdin: () => FILES['no-rotation.tf.json'] });
    expect(tf.code).toBe(1);
    expect(tf.stdout).toContain('azurerm_key_vault_key.lake (azurerm_key_vault_key)');
    const both = runCli([at('compliant.template.json'), '-'], { readStdin: () => '{"not": "a template"}' });
    expect(both.code).toBe(2);
    expect(both.stdout).toContain('SKIPPED (1)');
    expect(both.stderr).toMatch(/^zt-check: <stdin>: expected a CloudFormation template .* \(not evaluated\)\n$/);
  });

  it('one unreadable path among several: the others are reported in every format, exit 2', () => {
    const r = runCli([at('no-rotation.tf.json'), at('missing.json'), '--format', 'json']);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ complete: false, passed: false });
    expect(report.skipped).toEqual([{ path: at('missing.json'), reason: 'no such file or directory' }]);
    expect(report.findings.some((f: { status: string }) => f.status === 'fail')).toBe(true);
    const text = runCli([at('compliant.tf.json'), at('missing.json')]);
    expect(text.code).toBe(2);
    expect(text.stdout.trimEnd().split('\n').pop()).toMatch(/^INCOMPLETE: 0 failing/);
  });

  it('colour only on a TTY, never with NO_COLOR or --no-color', () => {
    const args = [at('no-rotation.template.json')];
    expect(runCli(args, { isTTY: true, env: {} }).stdout).toContain('\u001b[31mFAIL\u001b[0m');
    expect(runCli(args, { isTTY: true, env: { NO_COLOR: '1' } }).stdout).not.toContain('\u001b');
    expect(runCli([...args, '--no-color'], { isTTY: true, env: {} }).stdout).not.toContain('\u001b');
    expect(runCli(args, { isTTY: false, env: {} }).stdout).not.toContain('\u001b');
    expect(runCli([...args, '--format', 'json'], { isTTY: true, env: {} }).stdout).not.toContain('\u001b');
  });

  it('--fail-on-unknown: exit code, text summary, JSON, SARIF and JUnit agree', () => {
    const args = [at('parameter.template.json'), '--fail-on-unknown'];
    const text = runCli(args);
    expect(text.code).toBe(1);
    expect(text.stdout.trimEnd().split('\n').pop()).toMatch(/^FAILED: 0 failing, 1 unknown \(1 failing/);
    expect(JSON.parse(runCli([...args, '--format', 'json']).stdout)).toMatchObject({ passed: false });
    const sarif = JSON.parse(runCli([...args, '--format', 'sarif']).stdout);
    expect(sarif.runs[0].results[0]).toMatchObject({
      level: 'warning',
      properties: { status: 'unknown', gating: true },
    });
    expect(runCli([...args, '--format', 'junit']).stdout).toContain('type="unknown"');
    const lenient = runCli([at('parameter.template.json'), '--format', 'sarif']);
    expect(lenient.code).toBe(0);
    expect(JSON.parse(lenient.stdout).runs[0].results[0]).toMatchObject({ level: 'note' });
  });

  it('a waiver for a rule left out by --rules is "not selected", not "unmatched"', () => {
    const r = runCli([at('waived.template.json'), '--rules', 'ZT-DATA-008']);
    expect(r.stdout).toContain('[not selected] ZT-DATA-002 on DataKey');
    expect(r.stdout).not.toContain('[unmatched]');
  });

  it("remediation for the finding's own tool and cloud", () => {
    const r = runCli([at('no-rotation.tf.json')]);
    const fix = r.stdout.split('\n').find((l) => l.includes('Remediation:')) as string;
    expect(fix).toMatch(/Remediation: azurerm_key_vault_key rotation_policy/);
    expect(fix).not.toMatch(/AWS CDK|kms\.Key/);
  });

  it('--quiet prints only failures and the summary; --srcroot anchors SARIF URIs', () => {
    const quiet = runCli([at('waived.template.json'), at('no-rotation.tf.json'), '--quiet']);
    expect(quiet.stdout).not.toContain('WAIVERS');
    expect(quiet.stdout.trimEnd().split('\n')[0]).toMatch(/^FAIL ZT-DATA-002/);
    const sarif = JSON.parse(
      runCli(['no-rotation.tf.json', '--format', 'sarif', '--srcroot', '..'], { cwd: dir }).stdout,
    );
    const location = sarif.runs[0].results[0].locations[0].physicalLocation;
    expect(location.artifactLocation).toEqual({
      uri: `${path.basename(dir)}/no-rotation.tf.json`,
      uriBaseId: '%SRCROOT%',
    });
    expect(location.region.startLine).toBeGreaterThanOrEqual(1);
  });
});
