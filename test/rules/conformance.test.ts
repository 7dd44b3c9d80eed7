import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runConformance } from '../../policies/conformance/compare';
import { conformanceDir, hasManifest } from '../../policies/conformance/manifest';
import { pass } from '../../policies/engine';
import type { Rule } from '../../policies/engine';
import { ALL_RULES } from '../../policies/rules';

/** The same comparison as `npm run conformance`, gated at 95% agreement. */
const dir = conformanceDir(path.resolve(__dirname, '..', '..'));
const present = hasManifest(dir);

describe('Checkov conformance', () => {
  const report = present ? runConformance(dir, ALL_RULES) : undefined;

  // The corpus is vendored (test/conformance/checkov): without it every test here fails, none skips.
  test('the vendored corpus is present', () => {
    expect({ dir, present }).toEqual({ dir, present: true });
  });

  test('agreement on the mapped checks is at least 95%', () => {
    const t = report!.totals;
    expect(t.scored).toBeGreaterThan(50);
    expect(t.agreement).toBeGreaterThanOrEqual(0.98);
  });

  test('every counted-as-documented difference shows its reason (a sentence, per case)', () => {
    const documented = report!.checks.flatMap((c) => c.comparisons).filter((c) => c.outcome === 'documented');
    expect(documented.length).toBeGreaterThan(0);
    for (const c of documented) expect(c.note?.trim().length).toBeGreaterThanOrEqual(30);
  });

  test('the gate catches a rule that passes everything, notes or not', () => {
    const lenient: Rule[] = ALL_RULES.map((r) => ({
      ...r,
      checks: Object.fromEntries(Object.keys(r.checks).map((t) => [t, () => pass('always')])),
    }));
    const t = runConformance(dir, lenient).totals;
    expect(t.disagree).toBeGreaterThan(50);
    expect(t.documented).toBe(0);
    expect(t.agreement).toBeLessThan(0.95);
  });

  test('every mapped check was scored or says why not', () => {
    for (const c of report!.checks) {
      expect(c.comparisons.length > 0 || (c.notEvaluated ?? '').length > 0).toBe(true);
    }
  });
});

describe('conformance data location', () => {
  test('defaults to the copy vendored in the repository', () => {
    expect(conformanceDir('/x/main', {})).toBe(path.resolve('/x/main/test/conformance/checkov'));
  });

  test('the vendored copy carries its licence and attribution', () => {
    const vendored = conformanceDir(path.resolve(__dirname, '..', '..'), {});
    expect(fs.readFileSync(path.join(vendored, 'LICENSE-checkov.txt'), 'utf8')).toMatch(
      /Apache License\s+Version 2\.0/,
    );
    expect(fs.readFileSync(path.join(vendored, '..', 'README.md'), 'utf8')).toMatch(
      /bridgecrewio\/checkov[\s\S]*Apache-2\.0/,
    );
  });

  test('ZT_CONFORMANCE_DIR may name the checkov directory or its parent', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zt-conf-'));
    fs.mkdirSync(path.join(tmp, 'checkov'));
    fs.writeFileSync(path.join(tmp, 'checkov', 'manifest.json'), '{"checks":[]}');
    expect(conformanceDir('/x/main', { ZT_CONFORMANCE_DIR: tmp })).toBe(path.join(tmp, 'checkov'));
    expect(conformanceDir('/x/main', { ZT_CONFORMANCE_DIR: path.join(tmp, 'checkov') })).toBe(
      path.join(tmp, 'checkov'),
    );
    fs.rmSync(tmp, { recursive: true, force: true });
  });
});
