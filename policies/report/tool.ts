import * as pkg from '../../package.json';

/** Identity of the policy pack as every reporter and integration announces it. */
export const TOOL_NAME = 'zt-check';
export const TOOL_VERSION: string = pkg.version;
/** Web URL of the repository (package.json `repository`), for rule help links; undefined when unset. */
export const TOOL_REPOSITORY_URL: string | undefined = repositoryWebUrl(
  (pkg as { readonly repository?: unknown }).repository,
);

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
