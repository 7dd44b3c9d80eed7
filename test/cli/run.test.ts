import * as fs from 'fs';
import * as os from 'os';
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

describe('zt-check exit codes', () => {
  it('0 for compliant CloudFormation and Terraform JSON', () => {
    const r = runCli([at('compliant.template.json'), at('compliant.tf.json')], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^PASSED: 0 failing/m);
    expect(r.stdout).toContain('2 document(s)');
  });

  it('1 for a failing CloudFormation template, naming rule, resource and file', () => {
    const r = runCli([at('no-rotation.template.json')], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('FAIL ZT-DATA-002 [medium]');
    expect(r.stdout).toContain('DataKey (AWS::KMS::Key)');
    expect(r.stdout).toContain('file: no-rotation.template.json');
    expect(r.stdout).toContain('property: EnableKeyRotation');
  });

  it('1 for failing Terraform JSON', () => {
    const r = runCli([at('no-rotation.tf.json')], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('azurerm_key_vault_key.lake (azurerm_key_vault_key)');
  });

  it('1 for a template holding only a public, unencrypted RDS instance', () => {
    const r = runCli([at('public-rds.template.json')], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Db (AWS::RDS::DBInstance)');
    expect(r.stdout).toContain('FAIL ZT-NETWORK-001 [high]');
    expect(r.stdout).toContain('property: PubliclyAccessible');
    expect(r.stdout).toContain('FAIL ZT-DATA-001 [high]');
    expect(r.stdout).toContain('property: StorageEncrypted');
    expect(r.stdout).toContain('FAIL ZT-DATA-011 [high]');
    expect(r.stdout).toMatch(/^FAILED: \d+ failing/m);
  });

  it('0 when the only failure is waived, and the waiver is listed', () => {
    const r = runCli([at('waived.template.json')], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('[applied] ZT-DATA-002 on DataKey');
    expect(r.stdout).toContain('Key material is rotated by re-keying yearly.');
  });

  it('1 when the waiver has expired', () => {
    const r = runCli([at('expired.template.json')], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('[EXPIRED] ZT-DATA-002 on DataKey');
    expect(r.stdout).toContain('expires 2020-01-31');
  });
});

describe('zt-check input and usage errors (exit 2, one line, no stack trace)', () => {
  const expectOneLine = (stderr: string, ...parts: string[]) => {
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^zt-check: /);
    for (const p of parts) expect(lines[0]).toContain(p);
    expect(stderr).not.toMatch(/\n\s+at /);
  };

  it('malformed JSON names the file; the other inputs are still reported', () => {
    const r = runCli([at('no-rotation.template.json'), at('malformed.template.json')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('FAIL ZT-DATA-002');
    expect(r.stdout).toContain('SKIPPED (1)');
    expect(r.stdout.trimEnd().split('\n').pop()).toMatch(/^FAILED: 1 failing/);
    expectOneLine(r.stderr, at('malformed.template.json'), 'malformed JSON', 'not evaluated');
  });

  it('malformed YAML names the file', () => {
    const r = runCli([at('malformed.yaml')]);
    expect(r.code).toBe(2);
    expectOneLine(r.stderr, at('malformed.yaml'), 'YAML');
  });

  it('a missing path names it; with nothing loaded no report is written', () => {
    const r = runCli([at('does-not-exist.json')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expectOneLine(r.stderr, 'no document loaded', 'does-not-exist.json', 'no such file or directory');
  });

  it('zero documents from several paths: exit 2 listing each skipped path and why', () => {
    const r = runCli([at('malformed.yaml'), at('missing.json')]);
    expect(r.code).toBe(2);
    expectOneLine(r.stderr, 'no document loaded', at('malformed.yaml'), 'YAML', at('missing.json'));
  });

  it.each([
    [['--format', 'html'], 'unknown format "html"'],
    [['--severity-threshold', 'severe'], 'unknown severity-threshold "severe"'],
    [['--bogus'], 'unknown option --bogus'],
    [['--rules', 'ZT-DATA-999'], 'unknown rule id(s) ZT-DATA-999 in --rules / --skip-rules'],
    [['--skip-rules', 'ZT-NOPE-1'], 'unknown rule id(s) ZT-NOPE-1'],
    [['--output'], '--output needs a value'],
  ])('%j is a usage error', (args, message) => {
    const r = runCli([at('compliant.template.json'), ...args]);
    expect(r.code).toBe(2);
    expectOneLine(r.stderr, message);
  });

  it('no paths and neither cdk.out nor cdktf.out in cwd', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'zt-empty-'));
    const r = runCli([], { cwd: empty });
    expect(r.code).toBe(2);
    expectOneLine(r.stderr, 'neither cdk.out nor cdktf.out exists');
    fs.rmSync(empty, { recursive: true });
  });

  it('an unexpected internal error is exit 3, still one line', () => {
    const broken = [{ id: 'ZT-DATA-001', checks: {} }] as never;
    const r = runCli(['rules', '--format', 'text'], { rules: broken });
    expect(r.code).toBe(3);
    expectOneLine(r.stderr, 'internal error');
  });
});

describe('zt-check options', () => {
  it('default paths: cdk.out and cdktf.out, whichever exist', () => {
    const project = fs.mkdtempSync(path.join(os.tmpdir(), 'zt-project-'));
    fs.mkdirSync(path.join(project, 'cdk.out'));
    fs.writeFileSync(path.join(project, 'cdk.out', 'Main.template.json'), FILES['no-rotation.template.json']);
    const r = runCli([], { cwd: project });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('file: cdk.out/Main.template.json');
    fs.rmSync(project, { recursive: true });
  });

  it('--severity-threshold: a medium failure gates at medium but not at high', () => {
    expect(runCli([at('no-rotation.template.json'), '--severity-threshold', 'medium']).code).toBe(1);
    const high = runCli([at('no-rotation.template.json'), '--severity-threshold=high']);
    expect(high.code).toBe(0);
    expect(high.stdout).toContain('(below threshold)');
    // The bare bucket has critical failures, which gate at every threshold.
    expect(runCli([at('bare-bucket.yaml'), '--severity-threshold', 'critical']).code).toBe(1);
  });

  it('--rules restricts the evaluation to the listed rules', () => {
    const r = runCli([at('no-rotation.template.json'), '--rules', 'ZT-DATA-008,ZT-DATA-009', '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.rules.map((x: { id: string }) => x.id)).toEqual(['ZT-DATA-008', 'ZT-DATA-009']);
    expect(new Set(report.findings.map((f: { ruleId: string }) => f.ruleId))).toEqual(
      new Set(['ZT-DATA-008', 'ZT-DATA-009']),
    );
  });

  it('--fail-on-unknown turns an undecidable value into a failure', () => {
    const plain = runCli([at('parameter.template.json')]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('UNKNOWN (1)');
    expect(runCli([at('parameter.template.json'), '--fail-on-unknown']).code).toBe(1);
  });

  it('--output writes the report and prints a one-line summary', () => {
    const r = runCli([at('no-rotation.tf.json'), '--format', 'sarif', '--output', 'reports/zt.sarif'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stdout).toMatch(/report written to reports\/zt\.sarif; FAILED: 1 failing \(1 medium\)/);
    const sarif = JSON.parse(fs.readFileSync(at('reports/zt.sarif'), 'utf8'));
    expect(sarif.runs[0].results[0]).toMatchObject({
      ruleId: 'ZT-DATA-002',
      level: 'warning',
      locations: [
        {
          physicalLocation: { artifactLocation: { uri: 'no-rotation.tf.json' } },
          logicalLocations: [{ name: 'azurerm_key_vault_key.lake' }],
        },
      ],
    });
  });

  it('every format renders the same evaluation, and SARIF / JUnit from real findings are valid', () => {
    const args = [at('no-rotation.template.json'), at('waived.template.json'), at('no-rotation.tf.json')];
    const json = JSON.parse(runCli([...args, '--format', 'json']).stdout);
    expect(json.summary).toMatchObject({ failing: 2, waived: 1 });
    const junit = runCli([...args, '--format', 'junit']).stdout;
    expect(XMLValidator.validate(junit)).toBe(true);
    expect(junit).toMatch(/<testsuite name="ZT-DATA-002" tests="3" failures="2" errors="0" skipped="1"/);
    const sarif = JSON.parse(runCli([...args, '--format', 'sarif']).stdout);
    const validate = sarifValidator();
    expect(validate(sarif)).toBe(true);
    expect(sarif.runs[0].results).toHaveLength(3);
  });

  it('text and SARIF count passing findings without listing them; a JSON report beside them still lists every one', () => {
    const args = [at('no-rotation.template.json'), at('waived.template.json'), at('no-rotation.tf.json')];
    const alone = runCli([...args, '--format', 'json'], { cwd: dir });
    const both = runCli([...args, '--format', 'text', '--format', 'json', '--output', 'reports/all.json'], {
      cwd: dir,
    });
    const listed = JSON.parse(fs.readFileSync(at('reports/all.json'), 'utf8'));
    expect(listed.findings).toEqual(JSON.parse(alone.stdout).findings);
    expect(listed.findings.some((f: { status: string }) => f.status === 'pass')).toBe(true);
    // The text report's totals (passes only counted) match the JSON report's.
    const passed = listed.summary.pass;
    expect(passed).toBeGreaterThan(0);
    expect(runCli(args).stdout).toContain(`${passed} passed`);
    expect(both.stdout).toContain(`${passed} passed`);
  });
});

describe('zt-check rules / --help / --version', () => {
  it('rules --format json lists the catalogue with metadata and equivalents', () => {
    const r = runCli(['rules', '--format', 'json']);
    expect(r.code).toBe(0);
    const cat = JSON.parse(r.stdout);
    expect(cat.rules.length).toBeGreaterThanOrEqual(12);
    const rotation = cat.rules.find((x: { id: string }) => x.id === 'ZT-DATA-002');
    expect(rotation).toMatchObject({ severity: 'medium', layer: 'data' });
    expect(rotation.equivalents).toEqual(
      expect.arrayContaining([expect.objectContaining({ tool: 'checkov', id: 'CKV_AWS_7' })]),
    );
    expect(rotation.resourceTypes).toContain('azurerm_key_vault_key');
  });

  it('rules (text) and rules with a bad format', () => {
    expect(runCli(['rules']).stdout).toMatch(/ZT-DATA-002 \[medium, data\][\s\S]*Equivalents: checkov CKV_AWS_7/);
    expect(runCli(['rules', '--format', 'sarif']).code).toBe(2);
    expect(runCli(['rules', '--severity-threshold', 'high']).code).toBe(2);
  });

  it('--help and --version', () => {
    const help = runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage:');
    expect(help.stdout).toContain('--severity-threshold');
    expect(runCli(['--version']).stdout).toMatch(/^zt-check \d+\.\d+\.\d+\n$/);
  });
});
