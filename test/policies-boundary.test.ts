import * as fs from 'fs';
import * as path from 'path';

/**
 * The policy pack reads plain JSON and must not depend on the constructs: of everything under
 * lib/, policies/ may import only the waiver contract, and the contract imports nothing.
 */

const ROOT = path.resolve(__dirname, '..');
const CONTRACT = path.join(ROOT, 'lib', 'core', 'waiver.ts');
const LIB = path.join(ROOT, 'lib') + path.sep;

/** Every module specifier of a file: static and type imports, re-exports, require(), import(). */
function specifiers(source: string): string[] {
  const patterns = [
    /\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\b(?:require|import)\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  return patterns.flatMap((re) => [...source.matchAll(re)].map((m) => m[1]));
}

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return tsFiles(full);
    return e.name.endsWith('.ts') ? [full] : [];
  });
}

/** A relative specifier resolved to the file it names (`../x` -> `../x.ts` or `../x/index.ts`). */
function resolve(from: string, spec: string): string {
  const base = path.resolve(path.dirname(from), spec);
  return [`${base}.ts`, path.join(base, 'index.ts'), base].find((f) => fs.existsSync(f)) ?? base;
}

describe('policies/ depends on lib/ only through the waiver contract', () => {
  const files = tsFiles(path.join(ROOT, 'policies'));

  test('the scan sees the policies sources and their imports', () => {
    expect(files.length).toBeGreaterThan(20);
    const waiverRead = files.find((f) => f.endsWith(path.join('engine', 'waiver-read.ts')));
    expect(specifiers(fs.readFileSync(waiverRead!, 'utf8'))).toContain('../../lib/core/waiver');
  });

  test('no file under policies/ imports anything else from lib/', () => {
    const offending = files.flatMap((file) =>
      specifiers(fs.readFileSync(file, 'utf8'))
        .filter((s) => s.startsWith('.'))
        .map((s) => ({ file, target: resolve(file, s) }))
        .filter(({ target }) => target.startsWith(LIB) && target !== CONTRACT)
        .map(({ file: f, target }) => `${path.relative(ROOT, f)} -> ${path.relative(ROOT, target)}`),
    );
    expect(offending).toEqual([]);
  });

  test('the contract itself imports nothing', () => {
    expect(specifiers(fs.readFileSync(CONTRACT, 'utf8'))).toEqual([]);
  });

  test('the scan would catch each import form', () => {
    const source = [
      "import { A } from '../../lib/core/errors';",
      "import type { B } from '../../lib/aws/waive';",
      "export { C } from '../../lib/core/validate';",
      "import '../../lib/core/config';",
      "const d = require('../../lib/core/tags');",
      "const e = import('../../lib/azure/waive');",
    ].join('\n');
    expect(specifiers(source)).toHaveLength(6);
  });
});
