import * as fs from 'fs';
import * as path from 'path';
import { InputError } from './errors';
import { isPlainObject } from './parse';
import { sectionEntries, singleBlock, type ResourceBlock } from './tf-loader';
import type { SkippedInput } from './model';

/**
 * `module "name" { source = "./x" ... }`: a local source is loaded and its resources flattened into
 * the calling module as `module.name.<type>.<name>` (nested calls: `module.a.module.b.<type>.<name>`),
 * the way Terraform addresses them. Inside a flattened body every reference is rewritten into the
 * caller's namespace: `${aws_s3_bucket.b.id}` -> `${module.name.aws_s3_bucket.b.id}`, and a value that
 * is exactly `${var.x}` takes the expression the call passes for `x` (or the variable's default);
 * other `var.` / `local.` / `data.` references become `module.name.var.x` etc., i.e. unresolved.
 * Registry, git and other remote sources are not fetched: each is reported in `skipped`.
 */

/** Deeper module nesting than this is refused (Terraform has no limit; real trees are shallow). */
const MAX_MODULE_DEPTH = 32;
const LOCAL_SOURCE = /^\.\.?[\\/]/;
const INTERPOLATION = /\$\{([^}]*)\}/g;
const WHOLE_VAR = /^\$\{\s*var\.([A-Za-z_][\w-]*)\s*\}$/;
/** The root of a traversal (`aws_s3_bucket` in `aws_s3_bucket.b.id`), not after `.`, a word or a quote. */
const TRAVERSAL_ROOT = /(^|[^\w.\]"-])([A-Za-z_][\w-]*)(?=\.)/g;

export interface ModuleScope {
  readonly prefix: string;
  readonly dir: string;
  /** Real paths of the modules being loaded, outermost first (a cycle is an InputError). */
  readonly chain: readonly string[];
  readonly skipped: SkippedInput[];
}

/** One parsed file of a module. */
export interface TerraformFile {
  readonly file: string;
  readonly obj: Record<string, unknown>;
  readonly lines?: ReadonlyMap<string, number>;
}

const MODULE_FILE = /\.tf(\.json)?$/;

/** The `*.tf` / `*.tf.json` files directly in `dir`, sorted by name. */
export function moduleFiles(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((name) => MODULE_FILE.test(name))
    .sort()
    .map((name) => path.join(dir, name));
}

export function realDir(dir: string): string {
  try {
    return fs.realpathSync.native(dir);
  } catch {
    return path.resolve(dir);
  }
}

type BlocksOf = (parsed: readonly TerraformFile[], scope: ModuleScope) => { blocks: ResourceBlock[]; files: string[] };
type ReadFiles = (files: readonly string[]) => TerraformFile[];

export function expandModuleCalls(
  parsed: readonly TerraformFile[],
  scope: ModuleScope,
  blocksOf: BlocksOf,
  readFiles: ReadFiles,
): { blocks: ResourceBlock[]; files: string[] } {
  const blocks: ResourceBlock[] = [];
  const files: string[] = [];
  for (const { file, obj } of parsed) {
    for (const [name, raw] of sectionEntries(obj.module, file, 'module')) {
      const call = singleBlock(raw);
      if (!isPlainObject(call)) throw new InputError(file, `module ${name}: expected the block to be an object`);
      const source = call.source;
      const where = `${file}: module.${name}`;
      if (typeof source !== 'string') throw new InputError(file, `module ${name}: expected a string "source"`);
      if (!LOCAL_SOURCE.test(source)) {
        scope.skipped.push({
          path: where,
          reason: `module source "${source}" is not a local path; its resources are not loaded or checked`,
        });
        continue;
      }
      const dir = path.resolve(path.dirname(file), source);
      const child = loadChild(dir, name, call, file, scope, blocksOf, readFiles);
      if (!child) {
        scope.skipped.push({ path: where, reason: `module source ${source} holds no Terraform files` });
        continue;
      }
      blocks.push(...child.blocks);
      files.push(...child.files);
    }
  }
  return { blocks, files };
}

function loadChild(
  dir: string,
  name: string,
  call: Record<string, unknown>,
  file: string,
  scope: ModuleScope,
  blocksOf: BlocksOf,
  readFiles: ReadFiles,
): { blocks: ResourceBlock[]; files: string[] } | undefined {
  if (!fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new InputError(file, `module ${name}: source ${String(call.source)} is not a directory`);
  }
  const real = realDir(dir);
  if (scope.chain.includes(real)) throw new InputError(file, `module ${name}: source ${dir} calls itself (a cycle)`);
  if (scope.chain.length >= MAX_MODULE_DEPTH) {
    throw new InputError(file, `module ${name}: modules nested more than ${MAX_MODULE_DEPTH} deep`);
  }
  const parsed = readFiles(moduleFiles(dir));
  if (parsed.length === 0) return undefined;
  const childScope: ModuleScope = {
    prefix: `module.${name}.`,
    dir,
    chain: [...scope.chain, real],
    skipped: scope.skipped,
  };
  const inner = blocksOf(parsed, childScope);
  const args = moduleArguments(call, parsed);
  const blocks = inner.blocks.map((b) => ({
    ...b,
    module: `${childScope.prefix}${b.module ?? ''}`,
    body: rewrite(b.body, childScope.prefix, args) as Record<string, unknown>,
  }));
  return { blocks, files: [...parsed.map((p) => p.file), ...inner.files] };
}

/** Variable name -> the expression the call passes, else the child variable's default. */
function moduleArguments(call: Record<string, unknown>, parsed: readonly TerraformFile[]): Map<string, unknown> {
  const args = new Map<string, unknown>();
  for (const { file, obj } of parsed) {
    for (const [name, raw] of sectionEntries(obj.variable, file, 'variable')) {
      const variable = singleBlock(raw);
      if (isPlainObject(variable) && 'default' in variable) args.set(name, variable.default);
    }
  }
  for (const [key, value] of Object.entries(call)) {
    if (!['source', 'version', 'providers', 'count', 'for_each', 'depends_on'].includes(key)) args.set(key, value);
  }
  return args;
}

/** Rewrites every string of `value` into the caller's namespace, iteratively (bodies may nest deeply). */
function rewrite(value: unknown, prefix: string, args: ReadonlyMap<string, unknown>): unknown {
  const rewriteString = (s: string): unknown => {
    if (!s.includes('${')) return s;
    const whole = WHOLE_VAR.exec(s);
    if (whole && args.has(whole[1])) return args.get(whole[1]);
    return s.replace(INTERPOLATION, (_m, inner: string) => `\${${inner.replace(TRAVERSAL_ROOT, `$1${prefix}$2`)}}`);
  };
  if (typeof value === 'string') return rewriteString(value);
  if (typeof value !== 'object' || value === null) return value;
  const root: Record<string, unknown> | unknown[] = Array.isArray(value) ? [] : {};
  const stack: [unknown, Record<string, unknown> | unknown[]][] = [[value, root]];
  while (stack.length > 0) {
    const [from, to] = stack.pop() as [unknown, Record<string, unknown> | unknown[]];
    for (const [key, item] of Object.entries(from as object)) {
      let out: unknown = item;
      if (typeof item === 'string') out = rewriteString(item);
      else if (typeof item === 'object' && item !== null) {
        out = Array.isArray(item) ? [] : {};
        stack.push([item, out as Record<string, unknown> | unknown[]]);
      }
      if (Array.isArray(to)) to[Number(key)] = out;
      else Object.defineProperty(to, key, { value: out, writable: true, enumerable: true, configurable: true });
    }
  }
  return root;
}
