import * as fs from 'fs';
import * as path from 'path';
import { isCdktfOut, loadCdktfOut } from './cdktf-out';
import { InputError } from './errors';
import { loadFile } from './load-file';
import type { Document, LoadResult, SkippedInput } from './model';
import { fileKind, fsError } from './parse';
import { loadDirectory } from './scan';

/**
 * Entry point for files and directories of any supported kind. A path is a file (by extension,
 * then by content: CloudFormation JSON/YAML, Terraform JSON or HCL, a Terraform plan) or a
 * directory: a CDK cloud assembly, a cdktf.out tree (each stack its own configuration), or any
 * other directory scanned recursively (scan.ts). Nothing is dropped silently: what was not
 * evaluated is listed in `skipped`, with why.
 */

export { loadFile } from './load-file';
export { isCdktfOut, loadCdktfOut };

export interface LoadInputsOptions {
  /** Keep going past a path that fails: its InputError goes to `errors`, the others still load. */
  readonly collectErrors?: boolean;
}

export function loadInputs(paths: readonly string[], options: LoadInputsOptions = {}): LoadResult {
  let documents: Document[] = [];
  const skipped: SkippedInput[] = [];
  const errors: InputError[] = [];
  const seen = new Set<string>();
  for (const p of paths) {
    let loaded: Document[];
    const pathSkipped: SkippedInput[] = [];
    try {
      loaded = loadPath(p, pathSkipped);
    } catch (e) {
      if (!(options.collectErrors && e instanceof InputError)) throw e;
      errors.push(e);
      continue;
    }
    skipped.push(...pathSkipped);
    if (loaded.length === 0 && !pathSkipped.some((s) => s.path === p)) {
      skipped.push({
        path: p,
        reason: 'no CloudFormation template, Terraform configuration or plan found in this directory',
      });
    }
    for (const doc of loaded) {
      const files = memberFiles(doc);
      if (files.every((f) => seen.has(f))) continue;
      // A module supersedes files of it that were named on their own before.
      if (doc.files) documents = documents.filter((d) => !memberFiles(d).every((f) => files.includes(f)));
      documents.push(doc);
      files.forEach((f) => seen.add(f));
    }
  }
  return options.collectErrors ? { documents, skipped, errors } : { documents, skipped };
}

/**
 * The documents of `paths` (loadInputs without the skipped list). Zero documents is an InputError
 * naming the first skipped path and why, so an existing caller never passes nothing silently.
 */
export function loadPaths(paths: readonly string[]): Document[] {
  const { documents, skipped } = loadInputs(paths);
  if (documents.length === 0 && skipped.length > 0) throw new InputError(skipped[0].path, skipped[0].reason);
  return documents;
}

function memberFiles(doc: Document): string[] {
  return (doc.files ?? [doc.file]).map((f) => path.resolve(f));
}

export function loadPath(p: string, skipped: SkippedInput[] = []): Document[] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(p);
  } catch (e) {
    throw fsError(p, e);
  }
  if (stat.isDirectory()) return loadDirectory(p, skipped);
  if (!stat.isFile()) throw new InputError(p, `expected a regular file, found ${fileKind(stat)}`);
  return [loadFile(p, skipped)];
}
