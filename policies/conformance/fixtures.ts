import * as fs from 'fs';
import * as path from 'path';
import { loadFile, loadTerraformObject } from '../engine';
import type { Document } from '../engine';
import type { ManifestCheck } from './manifest';

/**
 * The evaluation units of a check's fixtures. CloudFormation: each template on its own (logical
 * IDs repeat across files). Terraform: the directory's `.tf.json` files only (never the HCL),
 * read together as the one root module they are.
 */
export type FixtureUnit =
  | { readonly kind: 'loaded'; readonly file?: string; readonly documents: readonly Document[] }
  | { readonly kind: 'error'; readonly file?: string; readonly error: string };

export function fixtureUnits(dir: string, check: ManifestCheck): FixtureUnit[] {
  const fixtureDir = path.join(dir, check.fixture_dir);
  if (check.framework === 'cloudformation') {
    return check.fixture_files.map((f) => {
      const file = path.relative(check.fixture_dir, f);
      return attempt(file, () => [loadFile(path.join(dir, f))]);
    });
  }
  const jsonFiles = (check.json_fixture_files ?? []).filter((f) => f.endsWith('.tf.json'));
  if (jsonFiles.length === 0) return [];
  return [attempt(undefined, () => [loadTerraformObject(mergeModule(dir, jsonFiles), { file: fixtureDir })])];
}

/** The Terraform JSON loader accepts each top-level section as a list of maps: one map per file. */
function mergeModule(dir: string, files: readonly string[]): Record<string, unknown[]> {
  const merged: Record<string, unknown[]> = {};
  for (const f of files) {
    const obj = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Record<string, unknown>;
    for (const [section, value] of Object.entries(obj)) {
      (merged[section] ??= []).push(...(Array.isArray(value) ? value : [value]));
    }
  }
  return merged;
}

function attempt(file: string | undefined, load: () => Document[]): FixtureUnit {
  try {
    return { kind: 'loaded', file, documents: load() };
  } catch (e) {
    return { kind: 'error', file, error: e instanceof Error ? e.message : String(e) };
  }
}
