import * as path from 'path';
import { InputError } from './errors';
import { terraformValue } from './json-input';
import type { Document, SkippedInput } from './model';
import { isPlainObject, parseJsonWithPositions, readText } from './parse';
import { convertHclFiles, decodeJsonencode } from './tf-hcl';
import { expandModuleCalls, moduleFiles, realDir, type ModuleScope, type TerraformFile } from './tf-module-calls';
import {
  duplicateResource,
  isTerraformJson,
  outputBlocks,
  resourceBlocks,
  sectionEntries,
  singleBlock,
  toResource,
  type ResourceBlock,
} from './tf-loader';

/**
 * A Terraform module: Terraform reads every `*.tf` and `*.tf.json` of one directory as one
 * configuration, so a resource in one file may reference a resource in another. The module is one
 * Document whose id (and `file`) is the directory; each resource keeps the file it is written in as
 * `source.file`. Override files (`override.tf[.json]`, `*_override.tf[.json]`) are merged into the
 * blocks they override, after the others, as Terraform does. `module` blocks with a local source are
 * loaded and flattened (tf-module-calls.ts); other sources are reported as skipped.
 */

const OVERRIDE_FILE = /(^|_)override\.tf(\.json)?$/;

export { moduleFiles, type TerraformFile } from './tf-module-calls';

/** Parses module files (HCL in one conversion batch); JSON that is not Terraform JSON is left out. */
export function readTerraformFiles(files: readonly string[]): TerraformFile[] {
  const hcl = new Map(convertHclFiles(files.filter((f) => f.endsWith('.tf'))).map((h) => [h.file, h]));
  const out: TerraformFile[] = [];
  const json: Record<string, unknown>[] = [];
  for (const file of files) {
    const converted = hcl.get(file);
    if (converted) {
      out.push(converted);
      continue;
    }
    const text = readText(file);
    const parsed = parseJsonWithPositions(text, file);
    const obj = terraformValue(parsed, text, file);
    if (!isTerraformJson(obj)) continue;
    out.push({ file, obj, lines: parsed.lines });
    json.push(obj);
  }
  if (json.length > 0) decodeJsonencode(json, files[0]);
  return out;
}

export interface ModuleLoadOptions {
  /** Where non-local module sources are reported; without it they are dropped from the result. */
  readonly skipped?: SkippedInput[];
  /** Document id (default: `dir`). */
  readonly id?: string;
  /** Document file (default: `dir`). */
  readonly file?: string;
  readonly stack?: string;
}

/**
 * Loads `files` (default: every module file directly in `dir`) as the module in `dir`. Undefined
 * when no file is Terraform. A resource declared in two files is an InputError naming both.
 */
export function loadTerraformModule(
  dir: string,
  files: readonly string[] = moduleFiles(dir),
  options: ModuleLoadOptions = {},
): Document | undefined {
  return loadTerraformFiles(dir, readTerraformFiles(files), options);
}

/** The module in `dir` from files already parsed; undefined when there are none. */
export function loadTerraformFiles(
  dir: string,
  parsed: readonly TerraformFile[],
  options: ModuleLoadOptions = {},
): Document | undefined {
  if (parsed.length === 0) return undefined;
  const id = options.id ?? dir;
  const scope: ModuleScope = { prefix: '', dir, chain: [realDir(dir)], skipped: options.skipped ?? [] };
  const { blocks, files: childFiles } = moduleBlocks(parsed, scope);
  const section = (name: string) =>
    Object.fromEntries(parsed.flatMap((p) => sectionEntries(p.obj[name], p.file, name)));
  return {
    id,
    file: options.file ?? options.id ?? dir,
    files: [...parsed.map((p) => p.file), ...childFiles],
    format: 'terraform',
    ...(options.stack !== undefined ? { stack: options.stack } : {}),
    resources: blocks.map((b) => toResource(b, id, options.stack)),
    parameters: section('variable'),
    conditions: section('locals'),
    outputs: Object.fromEntries(parsed.flatMap((p) => Object.entries(outputBlocks(p.obj, p.file)))),
  };
}

/** The resource blocks of one module (overrides applied), then those of its local child modules. */
export function moduleBlocks(
  parsed: readonly TerraformFile[],
  scope: ModuleScope,
): { blocks: ResourceBlock[]; files: string[] } {
  const primary = parsed.filter((p) => !OVERRIDE_FILE.test(path.basename(p.file)));
  const overrides = parsed.filter((p) => OVERRIDE_FILE.test(path.basename(p.file)));
  const blocks = new Map<string, ResourceBlock>();
  for (const { file, obj, lines } of primary) {
    for (const block of resourceBlocks(obj, file, lines)) {
      const address = `${block.type}.${block.name}`;
      const first = blocks.get(address);
      if (first) {
        const where =
          first.file === file ? 'more than once' : `in ${first.file} and in ${file} (one module: ${scope.dir})`;
        throw duplicateResource(file, address, where, block.line);
      }
      blocks.set(address, block);
    }
  }
  for (const { file, obj, lines } of overrides) {
    for (const over of resourceBlocks(obj, file, lines)) {
      const address = `${over.type}.${over.name}`;
      const base = blocks.get(address);
      if (!base) throw new InputError(file, `override of resource ${address}, which no file of ${scope.dir} declares`);
      blocks.set(address, { ...base, body: overrideBody(base.body, over.body) });
    }
  }
  const children = expandModuleCalls(parsed, scope, moduleBlocks, readTerraformFiles);
  return { blocks: [...blocks.values(), ...children.blocks], files: children.files };
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
