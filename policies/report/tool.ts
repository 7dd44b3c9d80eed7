import * as fs from 'fs';
import * as path from 'path';

/** Identity of the policy pack as every reporter and integration announces it. */
export const TOOL_NAME = 'zt-check';
export const PACKAGE_NAME = '@zt-ai/blueprint';

/**
 * The package version, read from the package's own package.json: two levels up from the source
 * (policies/report), three from the build (dist/policies/report). Read at run time rather than
 * imported, so the build does not carry a stale copy of package.json inside dist/.
 */
function packageVersion(): string {
  for (const up of ['../..', '../../..']) {
    const file = path.join(__dirname, up, 'package.json');
    if (!fs.existsSync(file)) continue;
    const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === PACKAGE_NAME && pkg.version) return pkg.version;
  }
  throw new Error(`${PACKAGE_NAME}: package.json not found above ${__dirname}`);
}
export const TOOL_VERSION: string = packageVersion();
