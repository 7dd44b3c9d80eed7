import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { writeFixtures } from './fixtures';

/**
 * The one real process: the repository's launcher bin/zt-check.js (ts-node, transpile-only) runs the
 * CLI from source. The package's `bin` is the compiled dist/bin/zt-check.js, run by npm run test:consumer.
 */
describe('bin/zt-check.js', () => {
  const root = path.resolve(__dirname, '..', '..');
  let dir: string;
  beforeAll(() => {
    dir = writeFixtures();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('exits 1 with the report on stdout for a failing template', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(pkg.bin['zt-check']).toBe('dist/bin/zt-check.js');
    const bin = path.join(root, 'bin', 'zt-check.js');
    const r = spawnSync(process.execPath, [bin, 'no-rotation.template.json', '--format', 'json'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.tool.name).toBe('zt-check');
    expect(
      report.findings.filter((f: { status: string }) => f.status === 'fail').map((f: { ruleId: string }) => f.ruleId),
    ).toEqual(['ZT-DATA-002']);
  });
  it('writes a baseline in the same order under any locale (Lithuanian collation puts "y" before "j")', () => {
    const key = { Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: false } };
    fs.writeFileSync(path.join(dir, 'two-keys.template.json'), JSON.stringify({ Resources: { KeyY: key, KeyJ: key } }));
    const bin = path.join(root, 'bin', 'zt-check.js');
    const env = { ...process.env, LANG: 'lt_LT.UTF-8', LC_ALL: 'lt_LT.UTF-8' };
    const r = spawnSync(process.execPath, [bin, 'two-keys.template.json', '--write-baseline', 'lt.json'], {
      cwd: dir,
      encoding: 'utf8',
      env,
    });
    expect(r.stderr).toMatch(/written to lt.json/); // exit 1: the keys fail, as they should
    const baseline = JSON.parse(fs.readFileSync(path.join(dir, 'lt.json'), 'utf8'));
    const addresses = baseline.findings.map((f: { address: string }) => f.address);
    expect(new Set(addresses)).toEqual(new Set(['KeyJ', 'KeyY']));
    // Code-unit order within each rule: KeyJ before KeyY wherever both appear.
    const rules = [...new Set(baseline.findings.map((f: { ruleId: string }) => f.ruleId))];
    for (const rule of rules) {
      const of = baseline.findings
        .filter((f: { ruleId: string }) => f.ruleId === rule)
        .map((f: { address: string }) => f.address);
      expect(of).toEqual([...of].sort((a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)));
    }
  });
});
