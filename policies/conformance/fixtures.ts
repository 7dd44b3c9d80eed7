import * as path from 'path';
import { loadFile, loadTerraformModule } from '../engine';
import type { Document } from '../engine';
import type { ManifestCheck } from './manifest';

/**
 * The evaluation units of a check's fixtures. CloudFormation: each template on its own (logical
 * IDs repeat across files). Terraform: the `.tf.json` files only (never the HCL), each directory's
 * read together as the one module they are (the engine's module loader).
 */
export type FixtureUnit =
  | { readonly kind: 'loaded'; readonly file?: string; readonly documents: readonly Document[] }
  | { readonly kind: 'error'; readonly file?: string; readonly error: string };

export function fixtureUnits(dir: string, check: ManifestCheck): FixtureUnit[] {
  if (check.framework === 'cloudformation') {
    return check.fixture_files.map((f) => {
      const file = path.relative(check.fixture_dir, f);
      return attempt(file, () => [loadFile(path.join(dir, f))]);
    });
  }
  const jsonFiles = (check.json_fixture_files ?? []).filter((f) => f.endsWith('.tf.json'));
  if (jsonFiles.length === 0) return [];
  return [attempt(undefined, () => loadModules(dir, jsonFiles))];
}

/** Terraform reads the `.tf.json` files of each directory as one module; a subdirectory is another module. */
function loadModules(dir: string, files: readonly string[]): Document[] {
  const byDir = new Map<string, string[]>();
  for (const f of files) {
    const file = path.join(dir, f);
    const list = byDir.get(path.dirname(file));
    if (list) list.push(file);
    else byDir.set(path.dirname(file), [file]);
  }
  return [...byDir].flatMap(([moduleDir, moduleFiles]) => loadTerraformModule(moduleDir, moduleFiles) ?? []);
}

function attempt(file: string | undefined, load: () => Document[]): FixtureUnit {
  try {
    return { kind: 'loaded', file, documents: load() };
  } catch (e) {
    return { kind: 'error', file, error: e instanceof Error ? e.message : String(e) };
  }
}
