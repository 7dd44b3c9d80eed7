import * as fs from 'fs';
import * as path from 'path';
import { InputError } from './errors';
import type { Document } from './model';
import { isPlainObject, parseJson, readText } from './parse';
import {
  isTerraformJson,
  resourceBlocks,
  sectionEntries,
  singleBlock,
  toResource,
  type ResourceBlock,
} from './tf-loader';

/**
 * A Terraform module: Terraform reads every `*.tf.json` of one directory as one configuration, so a
 * resource in one file may reference a resource in another. The module is one Document whose id
 * (and `file`) is the directory; each resource keeps the file it is written in as `source.file`.
 * Override files (`override.tf.json`, `*_override.tf.json`) are merged into the blocks they
 * override, after the others, as Terraform does.
 */

const MODULE_FILE = /\.tf\.json$/;
const OVERRIDE_FILE = /(^|_)override\.tf\.json$/;

/** The `*.tf.json` files directly in `dir`, sorted by name. */
export function moduleFiles(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((name) => MODULE_FILE.test(name))
    .sort()
    .map((name) => path.join(dir, name));
}

/**
 * Loads `files` (default: every `*.tf.json` directly in `dir`) as the module in `dir`. Files whose
 * JSON is not Terraform JSON are skipped; undefined when none is. A resource declared in two files
 * is an InputError naming both.
 */
export function loadTerraformModule(dir: string, files: readonly string[] = moduleFiles(dir)): Document | undefined {
  const parsed: { file: string; obj: Record<string, unknown> }[] = [];
  for (const file of files) {
    const obj = parseJson(readText(file), file);
    if (isTerraformJson(obj)) parsed.push({ file, obj });
  }
  if (parsed.length === 0) return undefined;
  const primary = parsed.filter((p) => !OVERRIDE_FILE.test(path.basename(p.file)));
  const overrides = parsed.filter((p) => OVERRIDE_FILE.test(path.basename(p.file)));
  const blocks = new Map<string, ResourceBlock>();
  for (const { file, obj } of primary) {
    for (const block of resourceBlocks(obj, file)) {
      const address = `${block.type}.${block.name}`;
      const first = blocks.get(address);
      if (first) {
        const where = first.file === file ? 'more than once' : `in ${first.file} and in ${file}`;
        throw new InputError(file, `resource ${address} is declared ${where} (one module: ${dir})`);
      }
      blocks.set(address, block);
    }
  }
  for (const { file, obj } of overrides) {
    for (const over of resourceBlocks(obj, file)) {
      const address = `${over.type}.${over.name}`;
      const base = blocks.get(address);
      if (!base) throw new InputError(file, `override of resource ${address}, which no file of ${dir} declares`);
      blocks.set(address, { ...base, body: overrideBody(base.body, over.body) });
    }
  }
  const resources = [...blocks.values()].map((b) => toResource(b, dir));
  const section = (name: string) =>
    Object.fromEntries(parsed.flatMap((p) => sectionEntries(p.obj[name], p.file, name)));
  return {
    id: dir,
    file: dir,
    files: parsed.map((p) => p.file),
    format: 'terraform',
    resources,
    parameters: section('variable'),
    conditions: section('locals'),
  };
}

/**
 * Terraform's override merge: each argument (and each nested block type) of the override replaces
 * the original's; a `lifecycle` block is merged argument by argument.
 */
function overrideBody(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const before = singleBlock(base[key]);
    const after = singleBlock(value);
    out[key] = key === 'lifecycle' && isPlainObject(before) && isPlainObject(after) ? { ...before, ...after } : value;
  }
  return out;
}
