import * as fs from 'fs';
import * as path from 'path';
import { VENDORED_CONFORMANCE_DIR } from '../policies/conformance/manifest';

/**
 * npm run conformance:refresh: replaces the vendored Checkov corpus (test/conformance/checkov)
 * with the copy in ../shared/conformance/checkov (or $ZT_CONFORMANCE_SOURCE). Exit 2 when the
 * source is missing or has no manifest; the vendored copy is left untouched then.
 */
function main(): number {
  const root = path.resolve(__dirname, '..');
  const source = path.resolve(
    root,
    process.env.ZT_CONFORMANCE_SOURCE ?? path.join('..', 'shared', 'conformance', 'checkov'),
  );
  const target = path.join(root, VENDORED_CONFORMANCE_DIR);
  for (const required of ['manifest.json', 'LICENSE-checkov.txt']) {
    if (!fs.existsSync(path.join(source, required))) {
      console.error(`conformance:refresh: ${path.join(source, required)} not found; nothing copied`);
      return 2;
    }
  }
  fs.rmSync(target, { recursive: true, force: true });
  fs.cpSync(source, target, { recursive: true });
  // The shared copy may be read-only; the vendored files are ordinary repository files.
  writable(target);
  const checks = (JSON.parse(fs.readFileSync(path.join(target, 'manifest.json'), 'utf8')) as { checks: unknown[] })
    .checks;
  console.log(
    `conformance:refresh: ${checks.length} checks copied from ${source} to ${target}; review and commit the diff`,
  );
  return 0;
}

function writable(dir: string): void {
  fs.chmodSync(dir, 0o755);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) writable(file);
    else fs.chmodSync(file, 0o644);
  }
}

process.exitCode = main();
