import * as fs from 'fs';
import * as path from 'path';

/** Identity of the policy pack as every reporter and integration announces it. */
export const TOOL_NAME = 'zt-check';
export const PACKAGE_NAME = '@zt-ai/blueprint';

/**
 * The package's own package.json (version, repository): two levels up from the source
 * (policies/report), three from the build (dist/policies/report). Read at run time rather than
 * imported, so the build does not carry a stale copy of package.json inside dist/.
 */
interface PackageJson {
  readonly name?: string;
  readonly version: string;
  readonly repository?: unknown;
  readonly homepage?: unknown;
}

function packageJson(): PackageJson {
  for (const up of ['../..', '../../..']) {
    const file = path.join(__dirname, up, 'package.json');
    if (!fs.existsSync(file)) continue;
    const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<PackageJson>;
    if (pkg.name === PACKAGE_NAME && pkg.version) return { ...pkg, version: pkg.version };
  }
  throw new Error(`${PACKAGE_NAME}: package.json not found above ${__dirname}`);
}
const pkg = packageJson();
export const TOOL_VERSION: string = pkg.version;
/**
 * Web URL of the repository, for rule help links (`<url>/blob/HEAD/docs/rules/<ID>.md`): package.json
 * `repository`, else a `homepage` that is itself a GitHub repository page; undefined when neither is.
 */
export const TOOL_REPOSITORY_URL: string | undefined = packageRepositoryUrl(pkg);

export function packageRepositoryUrl(p: {
  readonly repository?: unknown;
  readonly homepage?: unknown;
}): string | undefined {
  return repositoryWebUrl(p.repository) ?? githubHomepage(p.homepage);
}

/** "https://github.com/o/r#readme" -> "https://github.com/o/r"; any other homepage has no /blob/ tree. */
function githubHomepage(homepage: unknown): string | undefined {
  if (typeof homepage !== 'string') return undefined;
  const m = /^https:\/\/github\.com\/([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?(?:#.*)?$/.exec(homepage);
  return m ? `https://github.com/${m[1]}/${m[2]}` : undefined;
}

/** "github:o/r", "o/r", "git+https://github.com/o/r.git", { url } -> "https://github.com/o/r". */
export function repositoryWebUrl(repository: unknown): string | undefined {
  const raw =
    typeof repository === 'string'
      ? repository
      : typeof repository === 'object' &&
          repository !== null &&
          typeof (repository as { url?: unknown }).url === 'string'
        ? (repository as { url: string }).url
        : undefined;
  if (!raw) return undefined;
  const short = /^(?:github:)?([\w.-]+)\/([\w.-]+)$/.exec(raw);
  if (short) return `https://github.com/${short[1]}/${short[2].replace(/\.git$/, '')}`;
  const url = raw
    .replace(/^git\+/, '')
    .replace(/^git:\/\//, 'https://')
    .replace(/^ssh:\/\/git@/, 'https://')
    .replace(/^git@([^:]+):/, 'https://$1/')
    .replace(/\.git$/, '');
  return /^https?:\/\/[^\s]+$/.test(url) ? url.replace(/\/$/, '') : undefined;
}
