import * as fs from 'fs';
import * as path from 'path';

/**
 * The Checkov conformance data vendored in test/conformance/checkov (see its README): one record
 * per Checkov check with its fixtures and the verdict Checkov gives each resource.
 */
export interface ExpectedEntry {
  /** Path relative to the check's fixture_dir. */
  readonly file: string;
  /** CloudFormation "<Type>.<LogicalId>", Terraform "<type>.<name>" (maybe with an instance key). */
  readonly address: string;
}

export interface ManifestCheck {
  readonly check_id: string;
  readonly framework: 'cloudformation' | 'terraform';
  readonly description: string;
  readonly resource_types: readonly string[];
  readonly fixture_dir: string;
  readonly fixture_files: readonly string[];
  readonly json_fixture_files?: readonly string[];
  readonly expected: {
    readonly passed: readonly ExpectedEntry[];
    readonly failed: readonly ExpectedEntry[];
    readonly unreported?: readonly ExpectedEntry[];
  };
}

export interface Manifest {
  readonly checks: readonly ManifestCheck[];
}

/** Where the repository vendors the corpus (refreshed by `npm run conformance:refresh`). */
export const VENDORED_CONFORMANCE_DIR = path.join('test', 'conformance', 'checkov');

/**
 * The directory holding manifest.json: $ZT_CONFORMANCE_DIR (the checkov directory itself or its
 * parent), else the vendored copy in the repository.
 */
export function conformanceDir(repoRoot: string, env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.ZT_CONFORMANCE_DIR;
  if (configured) {
    const base = path.resolve(repoRoot, configured);
    const nested = path.join(base, 'checkov');
    return fs.existsSync(path.join(base, 'manifest.json')) || !fs.existsSync(nested) ? base : nested;
  }
  return path.resolve(repoRoot, VENDORED_CONFORMANCE_DIR);
}

export function hasManifest(dir: string): boolean {
  return fs.existsSync(path.join(dir, 'manifest.json'));
}

export function readManifest(dir: string): Manifest {
  const file = path.join(dir, 'manifest.json');
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Manifest>;
  if (!Array.isArray(parsed.checks)) throw new Error(`${file}: expected a "checks" array`);
  return parsed as Manifest;
}

/** Checkov-side address -> (resource type, our address): instance keys (`[...]`) are dropped. */
export function splitAddress(address: string): { type: string; address: string } {
  const dot = address.indexOf('.');
  const type = address.slice(0, dot);
  const rest = address.slice(dot + 1);
  const ours = type.includes('::') ? rest : `${type}.${rest.replace(/\[.*\]$/, '')}`;
  return { type, address: ours };
}
