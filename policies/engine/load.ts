import * as fs from 'fs';
import * as path from 'path';
import { isCloudFormationTemplate, loadCloudFormationObject } from './cfn-loader';
import { isCloudAssemblyDir, loadCloudAssembly } from './cloud-assembly';
import { InputError } from './errors';
import type { Document } from './model';
import { parseJson, parseJsonOrYaml, parseYaml, readText } from './parse';
import { isTerraformJson, loadTerraformObject } from './tf-loader';
import { loadTerraformModule } from './tf-module';

/**
 * Entry point for files and directories of any supported kind. A path is a file (by extension,
 * then by content) or a directory: a CDK cloud assembly, a cdktf.out tree (each stack its own
 * configuration), or any other directory scanned recursively for templates and Terraform JSON,
 * where the `*.tf.json` files of each directory are one Terraform module (one Document).
 */

const HCL_HINT = 'HCL .tf files are not supported: pass the Terraform JSON (`cdktf synth` output or hcl2json)';
const EXPECTED =
  'a CloudFormation template (Resources / AWSTemplateFormatVersion) or Terraform JSON (resource / terraform / provider)';
const SCANNED = /\.(tf\.json|json|ya?ml|template)$/;

export function loadPaths(paths: readonly string[]): Document[] {
  let documents: Document[] = [];
  const seen = new Set<string>();
  for (const p of paths) {
    for (const doc of loadPath(p)) {
      const files = memberFiles(doc);
      if (files.every((f) => seen.has(f))) continue;
      // A module supersedes files of it that were named on their own before.
      if (doc.files) documents = documents.filter((d) => !memberFiles(d).every((f) => files.includes(f)));
      documents.push(doc);
      files.forEach((f) => seen.add(f));
    }
  }
  return documents;
}

function memberFiles(doc: Document): string[] {
  return (doc.files ?? [doc.file]).map((f) => path.resolve(f));
}

export function loadPath(p: string): Document[] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(p);
  } catch {
    throw new InputError(p, 'no such file or directory');
  }
  return stat.isDirectory() ? loadDirectory(p) : [loadFile(p)];
}

/** One explicitly named file: the extension says how to parse, the content says what it is. */
export function loadFile(file: string): Document {
  const doc = loadFileIfTemplate(file, true);
  if (!doc) throw new InputError(file, `expected ${EXPECTED}`);
  return doc;
}

/** Returns undefined for a parseable file that is neither kind (skipped in a directory scan). */
function loadFileIfTemplate(file: string, explicit: boolean): Document | undefined {
  const name = path.basename(file).toLowerCase();
  if (name.endsWith('.tf')) throw new InputError(file, HCL_HINT);
  if (name.endsWith('.tf.json')) {
    const obj = parseJson(readText(file), file);
    if (explicit || isTerraformJson(obj)) return loadTerraformObject(obj, { file });
    return undefined;
  }
  let obj: unknown;
  if (name.endsWith('.json')) obj = parseJson(readText(file), file);
  else if (/\.ya?ml$/.test(name)) obj = parseYaml(readText(file), file);
  else if (name.endsWith('.template')) obj = parseJsonOrYaml(readText(file), file);
  else if (explicit)
    throw new InputError(file, `unsupported file kind: expected .json, .tf.json, .yaml, .yml or .template`);
  else return undefined;
  if (isCloudFormationTemplate(obj)) return loadCloudFormationObject(obj, { file });
  if (name.endsWith('.json') && isTerraformJson(obj)) return loadTerraformObject(obj, { file });
  return undefined;
}

function loadDirectory(dir: string): Document[] {
  if (isCloudAssemblyDir(dir)) return loadCloudAssembly(dir);
  if (isCdktfOut(dir)) return loadCdktfOut(dir);
  const documents = scan(dir);
  if (documents.length === 0)
    throw new InputError(dir, 'no CloudFormation template or Terraform JSON found in this directory');
  return documents;
}

function scan(dir: string): Document[] {
  const documents: Document[] = [];
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  const module: string[] = [];
  let moduleAt = 0;
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      // Dependencies and VCS / tool state are never the user's infrastructure.
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      if (isCloudAssemblyDir(full)) documents.push(...loadCloudAssembly(full));
      else if (isCdktfOut(full)) documents.push(...loadCdktfOut(full));
      else documents.push(...scan(full));
    } else if (isFileEntry(entry, full) && (entry.name.endsWith('.tf') || SCANNED.test(entry.name))) {
      if (entry.name.toLowerCase().endsWith('.tf.json')) {
        if (module.length === 0) moduleAt = documents.length;
        module.push(full);
        continue;
      }
      const doc = loadFileIfTemplate(full, false);
      if (doc) documents.push(doc);
    }
  }
  const doc = module.length > 0 ? loadTerraformModule(dir, module) : undefined;
  if (doc) documents.splice(moduleAt, 0, doc);
  return documents;
}

/** Symlinked files are followed; symlinked directories are not (they could loop). */
function isFileEntry(entry: fs.Dirent, full: string): boolean {
  if (entry.isFile()) return true;
  return entry.isSymbolicLink() && fs.statSync(full, { throwIfNoEntry: false })?.isFile() === true;
}

/** cdktf.out: every stacks/<name>/cdk.tf.json; the stack is the directory name. */
function cdktfStackFiles(dir: string): { stack: string; file: string }[] {
  const stacksDir = path.join(dir, 'stacks');
  if (!fs.existsSync(stacksDir) || !fs.statSync(stacksDir).isDirectory()) return [];
  return fs
    .readdirSync(stacksDir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => ({ stack: e.name, file: path.join(stacksDir, e.name, 'cdk.tf.json') }))
    .filter((s) => fs.existsSync(s.file))
    .sort((a, b) => a.stack.localeCompare(b.stack));
}

export function isCdktfOut(dir: string): boolean {
  return cdktfStackFiles(dir).length > 0;
}

export function loadCdktfOut(dir: string): Document[] {
  return cdktfStackFiles(dir).map(({ stack, file }) =>
    loadTerraformObject(parseJson(readText(file), file), { file, stack }),
  );
}
