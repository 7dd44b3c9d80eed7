import * as fs from 'fs';
import * as path from 'path';
import { isCdktfOut, loadCdktfOut } from './cdktf-out';
import { isCloudAssemblyDir, loadCloudAssembly } from './cloud-assembly';
import { loadFileIfTemplate, SCANNED } from './load-file';
import type { Document, SkippedInput } from './model';
import { fsError } from './parse';
import { loadTerraformModule } from './tf-module';

/**
 * A directory that is neither a cloud assembly nor a cdktf.out, scanned recursively: every template
 * and plan file is a document, and the `*.tf` / `*.tf.json` files of each directory are one Terraform
 * module (one document). Dependencies and tool state (node_modules, dot-directories) are never the
 * user's infrastructure. Only regular files are read; symbolic links to files are followed, links to
 * directories are not (they could loop); anything else that looks like an input is reported skipped.
 */

const MODULE_FILE = /\.tf(\.json)?$/i;

export function loadDirectory(dir: string, skipped: SkippedInput[]): Document[] {
  try {
    // An unreadable directory is named as such, before any look inside it for a manifest.
    fs.accessSync(dir, fs.constants.R_OK | fs.constants.X_OK);
  } catch (e) {
    throw fsError(dir, e);
  }
  if (isCloudAssemblyDir(dir)) return loadCloudAssembly(dir, skipped);
  if (isCdktfOut(dir)) return loadCdktfOut(dir, skipped);
  return scan(dir, skipped);
}

/** Entries in name order; a directory's module sits where its first module file sorts. */
function scan(dir: string, skipped: SkippedInput[]): Document[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    throw fsError(dir, e);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const docs: Document[] = [];
  const module: string[] = [];
  let moduleAt = 0;
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      docs.push(...loadDirectory(full, skipped));
      continue;
    }
    if (!SCANNED.test(entry.name)) continue;
    const kind = entry.isFile() ? 'file' : entryKind(entry, full);
    if (kind !== 'file') {
      skipped.push({ path: full, reason: `${kind}; only regular files are read` });
      continue;
    }
    if (MODULE_FILE.test(entry.name)) {
      if (module.length === 0) moduleAt = docs.length;
      module.push(full);
      continue;
    }
    const doc = loadFileIfTemplate(full, false, skipped);
    if (doc) docs.push(doc);
  }
  const moduleDoc = module.length > 0 ? loadTerraformModule(dir, module, { skipped }) : undefined;
  if (moduleDoc) docs.splice(moduleAt, 0, moduleDoc);
  return docs;
}

/** What a non-regular entry is; "file" for a symbolic link to a regular file. */
function entryKind(entry: fs.Dirent, full: string): string {
  if (entry.isSymbolicLink()) {
    let target: fs.Stats | undefined;
    try {
      target = fs.statSync(full, { throwIfNoEntry: false });
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'ELOOP' ? 'a symbolic link loop' : 'an unreadable symbolic link';
    }
    if (target === undefined) return 'a broken symbolic link';
    if (target.isFile()) return 'file';
    return target.isDirectory() ? 'a symbolic link to a directory (not followed)' : 'a link to a special file';
  }
  if (entry.isFIFO()) return 'a FIFO (named pipe)';
  if (entry.isSocket()) return 'a socket';
  return 'a device or special file';
}
