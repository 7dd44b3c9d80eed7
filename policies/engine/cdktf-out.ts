import * as fs from 'fs';
import * as path from 'path';
import { InputError } from './errors';
import type { Document, SkippedInput } from './model';
import { isPlainObject, readJsonFile } from './parse';
import { loadTerraformFiles, readTerraformFiles } from './tf-module';
import { realDir } from './tf-module-calls';
import { sectionEntries, singleBlock } from './tf-loader';
import { compareText } from './text-order';

/**
 * A `cdktf.out` tree: a `manifest.json` whose `stacks` name each stack's `synthesizedStackPath`
 * (stacks/<name>/cdk.tf.json). Strict: without that manifest, `stacks/*\/cdk.tf.json` files are
 * just Terraform JSON found by the directory scan. Every stack document shares one `deployment`
 * (the cdktf.out directory), and the cross-stack references cdktf writes are linked:
 * the consumer reads `${data.terraform_remote_state.cross-stack-reference-input-<producer>.outputs.<o>}`,
 * the producer declares `output "<o>" { value = "${aws_x.y.attr}" }`; `remoteStates` maps the data
 * source name to the producer's document id. Any other remote state whose backend block equals a
 * stack's own `terraform.backend` is linked too.
 */

const CROSS_STACK_INPUT = 'cross-stack-reference-input-';

interface ManifestStack {
  readonly name: string;
  readonly file: string;
}

function manifestStacks(dir: string): ManifestStack[] | undefined {
  const manifestFile = path.join(dir, 'manifest.json');
  if (!fs.statSync(manifestFile, { throwIfNoEntry: false })?.isFile()) return undefined;
  const manifest = readJsonFile(manifestFile);
  if (!isPlainObject(manifest) || typeof manifest.version !== 'string' || !isPlainObject(manifest.stacks)) {
    return undefined;
  }
  const stacks: ManifestStack[] = [];
  for (const [name, stack] of Object.entries(manifest.stacks)) {
    if (!isPlainObject(stack) || typeof stack.synthesizedStackPath !== 'string') return undefined;
    const file = path.resolve(dir, stack.synthesizedStackPath);
    const real = fs.existsSync(file) ? fs.realpathSync(file) : file;
    const rel = path.relative(realDir(dir), real);
    if (rel.startsWith('..') || path.isAbsolute(rel)) {
      throw new InputError(manifestFile, `stack ${name}: synthesizedStackPath points outside ${dir}`);
    }
    stacks.push({ name, file: path.join(dir, stack.synthesizedStackPath) });
  }
  return stacks.sort((a, b) => compareText(a.name, b.name));
}

export function isCdktfOut(dir: string): boolean {
  return manifestStacks(dir) !== undefined;
}

export function loadCdktfOut(dir: string, skipped: SkippedInput[] = []): Document[] {
  const stacks = manifestStacks(dir) ?? [];
  const deployment = path.resolve(dir);
  const documents: Document[] = [];
  // Each stack's parsed JSON, kept for its data sources and backend (not part of Document).
  const raw = new Map<string, Record<string, unknown>>();
  for (const { name, file } of stacks) {
    if (!fs.existsSync(file)) {
      skipped.push({ path: file, reason: `stack ${name} is listed in manifest.json but its cdk.tf.json is missing` });
      continue;
    }
    const parsed = readTerraformFiles([file]);
    const doc = loadTerraformFiles(path.dirname(file), parsed, { id: `${file}#${name}`, file, stack: name, skipped });
    if (!doc) {
      skipped.push({ path: file, reason: `stack ${name}: not Terraform JSON` });
      continue;
    }
    raw.set(doc.id, parsed[0].obj);
    documents.push({ ...withoutSingleFile(doc), deployment });
  }
  const listed = new Set(stacks.map((s) => path.dirname(path.resolve(s.file))));
  const stacksDir = path.join(dir, 'stacks');
  for (const entry of fs.statSync(stacksDir, { throwIfNoEntry: false })?.isDirectory()
    ? fs.readdirSync(stacksDir)
    : []) {
    const full = path.resolve(stacksDir, entry);
    if (!listed.has(full) && fs.statSync(full).isDirectory()) {
      skipped.push({ path: full, reason: 'stack folder not listed in manifest.json (a stale synth?); not checked' });
    }
  }
  if (documents.length === 0) skipped.push({ path: dir, reason: 'cdktf.out with no stack configuration' });
  return linkRemoteStates(documents, raw);
}

function withoutSingleFile(doc: Document): Document {
  if (doc.files?.length !== 1) return doc;
  const rest: Document = { ...doc };
  delete (rest as { files?: unknown }).files;
  return rest;
}

/** Links each stack's terraform_remote_state data sources to the stack whose state they read. */
function linkRemoteStates(documents: Document[], raw: ReadonlyMap<string, Record<string, unknown>>): Document[] {
  const byStack = new Map(documents.map((d) => [d.stack, d]));
  const backends = new Map<string, string>();
  for (const d of documents) {
    const terraform = singleBlock(raw.get(d.id)?.terraform);
    const backend = isPlainObject(terraform) ? singleBlock(terraform.backend) : undefined;
    if (isPlainObject(backend)) backends.set(canonical(backend), d.id);
  }
  return documents.map((d) => {
    const data = raw.get(d.id)?.data;
    const states = isPlainObject(data) ? sectionEntries(data.terraform_remote_state, d.file, 'data') : [];
    const links: Record<string, string> = {};
    for (const [name, rawBlock] of states) {
      const block = singleBlock(rawBlock);
      const producer = name.startsWith(CROSS_STACK_INPUT)
        ? byStack.get(name.slice(CROSS_STACK_INPUT.length))?.id
        : isPlainObject(block) && typeof block.backend === 'string'
          ? backends.get(canonical({ [block.backend]: singleBlock(block.config) ?? {} }))
          : undefined;
      if (producer !== undefined && producer !== d.id) links[name] = producer;
    }
    return Object.keys(links).length > 0 ? { ...d, remoteStates: links } : d;
  });
}

/** A backend block as a comparable string (keys sorted). */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    isPlainObject(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => compareText(a, b))) : v,
  );
}
