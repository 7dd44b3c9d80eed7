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
});
