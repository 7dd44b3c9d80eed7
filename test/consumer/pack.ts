import * as fs from 'fs';
import * as path from 'path';
import { run, type Tally } from './support';

/** `npm pack` of the built package, and what the tarball may and must hold. */

export interface Packed {
  readonly tarball: string;
  readonly size: number;
  readonly unpackedSize: number;
}

interface PackJson {
  filename: string;
  size: number;
  unpackedSize: number;
  files: { path: string }[];
}

/**
 * Shipped: the build (with the IAM action table the identity rules read, scripts/iam-actions.ts),
 * the licence, the README and package.json. Never sources, tests, CI or fixtures.
 */
const ALLOWED =
  /^(dist\/.+\.(js|js\.map|d\.ts)|dist\/policies\/rules\/identity\/aws\/iam-actions\.txt|README\.md|LICENSE|package\.json)$/;

export function checkPack(tally: Tally, root: string, tmp: string): Packed | undefined {
  // The build just ran (or --no-build vouches for it): skip prepack's second build.
  const r = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], root);
  if (!tally.ran('npm pack', r)) return undefined;
  const info = (JSON.parse(r.output.slice(r.output.indexOf('['))) as PackJson[])[0];
  const files = info.files.map((f) => f.path);
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    exports: Record<string, string | { types: string; default: string }>;
    bin: Record<string, string>;
  };

  const stray = files.filter((f) => !ALLOWED.test(f));
  tally.check('tarball holds only dist/, README.md, LICENSE, package.json', stray.length === 0, stray.join('\n'));
  const leaked = files.filter((f) => /(^|\/)(test|scripts|stacks|conformance|\.ci|\.github)\//.test(f));
  tally.check('no tests, scripts, stacks, CI or fixtures in the tarball', leaked.length === 0, leaked.join('\n'));
  for (const f of ['LICENSE', 'README.md']) tally.check(`tarball has ${f}`, files.includes(f));

  const targets = Object.entries(pkg.exports).flatMap(([sub, t]) =>
    typeof t === 'string'
      ? [[sub, t]]
      : [
          [sub, t.default],
          [sub, t.types],
        ],
  );
  for (const [sub, target] of [...targets, ...Object.entries(pkg.bin)]) {
    tally.check(`"${sub}" -> ${target} is in the tarball`, files.includes(target.replace(/^\.\//, '')));
  }
  // The verify-before-deploy Lambda ships as plain JavaScript (inlined into the template at synth).
  const handler = 'dist/lib/aws/model-registry/verify-handler/index.js';
  tally.check(`the signature-verification handler ${handler} is in the tarball`, files.includes(handler));
  const maps = files.filter((f) => f.endsWith('.js.map'));
  const compiled = files.filter((f) => f.endsWith('.js') && !f.includes('/verify-handler/'));
  tally.check('every compiled .js has its source map', maps.length === compiled.length);

  const tarball = path.join(tmp, info.filename);
  const kb = (n: number) => `${(n / 1024).toFixed(0)} kB`;
  console.log(
    `  package: ${info.filename}, ${files.length} files, packed ${kb(info.size)}, unpacked ${kb(info.unpackedSize)}`,
  );
  return { tarball, size: info.size, unpackedSize: info.unpackedSize };
}
