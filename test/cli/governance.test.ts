import * as fs from 'fs';
import * as path from 'path';
import { FILES, runCli, writeFixtures } from './fixtures';

/** zt-check waivers, matrix with paths, rules --format md, and adoption baselines. */
let dir: string;
const at = (name: string) => path.join(dir, name);
const NOW = new Date('2026-12-02T00:00:00Z');

beforeAll(() => {
  dir = writeFixtures();
  const soon = JSON.parse(FILES['waived.template.json']);
  soon.Resources.DataKey.Metadata['zt:waivers'][0].expires = '2026-12-20';
  fs.writeFileSync(at('soon.template.json'), JSON.stringify(soon));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('zt-check waivers', () => {
  test('lists every waiver with rule, resource, reason, expiry, origin and state', () => {
    const r = runCli(['waivers', 'waived.template.json', 'expired.template.json', '--format', 'json'], {
      cwd: dir,
      now: NOW,
    });
    expect(r.code).toBe(0);
    const { waivers } = JSON.parse(r.stdout);
    expect(waivers).toEqual([
      expect.objectContaining({
        ruleId: 'ZT-DATA-002',
        resource: 'DataKey',
        file: 'expired.template.json',
        expires: '2020-01-31',
        state: 'expired',
        inForce: false,
        origin: 'template-metadata',
      }),
      expect.objectContaining({
        file: 'waived.template.json',
        state: 'applied',
        inForce: true,
        reason: expect.stringMatching(/re-keying/),
      }),
    ]);
  });

  test('--expiring-within lists the waivers in force that expire in the window', () => {
    const r = runCli(
      ['waivers', 'soon.template.json', 'waived.template.json', '--expiring-within', '30', '--format', 'md'],
      {
        cwd: dir,
        now: NOW,
      },
    );
    expect(r.code).toBe(0);
    const section = r.stdout.split('## Expiring within 30 day(s)')[1];
    expect(section).toContain('soon.template.json');
    expect(section).toContain('2026-12-20 (18 day(s) left)');
    expect(section).not.toContain('waived.template.json');
  });

  test.each([
    [['waivers', '--expiring-within', 'soon', 'waived.template.json'], /whole number of days/],
    [['waivers', '--fail-on-unknown', 'waived.template.json'], /--fail-on-unknown is not valid with "waivers"/],
    [['waivers', 'missing.json'], /missing.json/],
    [['no-rotation.template.json', '--expiring-within', '3'], /only valid with "waivers"/],
  ])('bad input %j exits 2', (argv, message) => {
    const r = runCli(argv, { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe('zt-check matrix', () => {
  test('with paths: pass / fail counts per control', () => {
    const r = runCli(['matrix', 'no-rotation.template.json', 'compliant.template.json', '--format', 'json'], {
      cwd: dir,
    });
    expect(r.code).toBe(0);
    const nist = JSON.parse(r.stdout).frameworks.find((f: { id: string }) => f.id === 'NIST-800-53');
    const sc12 = nist.controls.find((c: { id: string }) => c.id === 'SC-12');
    expect(sc12.rules).toContain('ZT-DATA-002');
    expect(sc12.results.fail).toBeGreaterThanOrEqual(1);
    expect(sc12.results.pass).toBeGreaterThanOrEqual(1);
  });

  test('without paths: the static matrix, written to a file', () => {
    const r = runCli(['matrix', '--format', 'csv', '--output', 'out/matrix.csv'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(fs.readFileSync(at('out/matrix.csv'), 'utf8').split('\n')[0]).toBe('framework,control,title,rules');
  });
});

test('rules --format md writes one page per rule and an index', () => {
  const r = runCli(['rules', '--format', 'md', '--output', 'out/rules'], { cwd: dir });
  expect(r.code).toBe(0);
  expect(fs.readdirSync(at('out/rules'))).toEqual(expect.arrayContaining(['README.md', 'ZT-DATA-001.md']));
});

describe('adoption baseline', () => {
  test('--write-baseline records today’s failures; --baseline then passes, listing them as baselined', () => {
    const w = runCli(['no-rotation.template.json', '--write-baseline', 'zt-baseline.json'], { cwd: dir });
    expect(w.code).toBe(1);
    expect(w.stderr).toMatch(/baseline of 1 finding\(s\) written to zt-baseline.json/);
    const b = JSON.parse(fs.readFileSync(at('zt-baseline.json'), 'utf8'));
    expect(b).toEqual({
      version: 1,
      findings: [
        { ruleId: 'ZT-DATA-002', file: 'no-rotation.template.json', address: 'DataKey', path: 'EnableKeyRotation' },
      ],
    });
    const r = runCli(['no-rotation.template.json', '--baseline', 'zt-baseline.json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('(baselined)');
    expect(r.stdout).toMatch(/PASSED: 1 failing \(1 medium\), 1 baselined/);
  });

  test('matching is by rule, file and address, not by line: a reformatted file stays baselined', () => {
    runCli(['no-rotation.template.json', '--write-baseline', 'b2.json'], { cwd: dir });
    const pretty = JSON.stringify(
      { Description: 'moved down', ...JSON.parse(FILES['no-rotation.template.json']) },
      null,
      4,
    );
    fs.writeFileSync(at('no-rotation.template.json'), pretty);
    try {
      expect(runCli(['no-rotation.template.json', '--baseline', 'b2.json'], { cwd: dir }).code).toBe(0);
    } finally {
      fs.writeFileSync(at('no-rotation.template.json'), FILES['no-rotation.template.json']);
    }
  });

  test('a new finding still fails, and SARIF marks new and unchanged results', () => {
    runCli(['no-rotation.template.json', '--write-baseline', 'b3.json'], { cwd: dir });
    const r = runCli(
      ['no-rotation.template.json', 'no-rotation.tf.json', '--baseline', 'b3.json', '--format', 'sarif'],
      {
        cwd: dir,
      },
    );
    expect(r.code).toBe(1);
    const states = JSON.parse(r.stdout).runs[0].results.map((x: { ruleId: string; baselineState: string }) => [
      x.ruleId,
      x.baselineState,
    ]);
    expect(states.sort()).toEqual([
      ['ZT-DATA-002', 'new'],
      ['ZT-DATA-002', 'unchanged'],
    ]);
  });

  test.each([
    ['not json', /not JSON/],
    ['{"version":2,"findings":[]}', /expected \{ "version": 1/],
    ['{"version":1,"findings":[{"ruleId":"ZT-DATA-002"}]}', /findings\[0\] needs string ruleId, file and address/],
  ])('a malformed baseline (%s) exits 2 naming the file', (text, message) => {
    fs.writeFileSync(at('bad-baseline.json'), text);
    const r = runCli(['no-rotation.template.json', '--baseline', 'bad-baseline.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--baseline bad-baseline.json/);
    expect(r.stderr).toMatch(message);
  });
});
