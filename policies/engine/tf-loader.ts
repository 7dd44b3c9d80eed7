import { WAIVER_METADATA_KEY } from '../../lib/core/waiver';
import { documentId, type LoadOptions } from './cfn-loader';
import { InputError } from './errors';
import { KEY_PATH_SEPARATOR } from './json-positions';
import type { Document, Resource } from './model';
import { isPlainObject } from './parse';
import { readWaivers } from './waiver-read';

/**
 * Terraform JSON (cdktf synth output, hcl2json output, hand-written *.tf.json) -> Document.
 * hcl2json wraps every block body in an array of one; cdktf does not. Both are accepted, and
 * top-level sections may themselves be arrays of maps. A module of several files is tf-module.ts.
 */

/** Meta-arguments: how Terraform manages the resource, not what the provider receives. */
const META_ARGUMENTS = new Set([
  'lifecycle',
  'count',
  'for_each',
  'depends_on',
  'provider',
  'provisioner',
  'connection',
  '//',
]);
/** Meta blocks normalized from hcl2json's array-of-one to an object, so rules read one shape. */
const SINGLE_BLOCKS = new Set(['lifecycle', '//']);

/** One `resource "type" "name"` block as written, with the file it is written in. */
export interface ResourceBlock {
  readonly type: string;
  readonly name: string;
  readonly body: Record<string, unknown>;
  readonly file: string;
  /** Module path prefix of a flattened child module's block: "module.net." (tf-module-calls.ts). */
  readonly module?: string;
  /** 1-based line of the block's declaration, when the parse tracked it. */
  readonly line?: number;
}

/** Key-path lines of one file (json-positions.ts / tf-hcl.ts). */
export type KeyLines = ReadonlyMap<string, number>;

export function isTerraformJson(obj: unknown): obj is Record<string, unknown> {
  // `module`: a root module may hold only module calls (reported when their source is not local).
  return isPlainObject(obj) && ('resource' in obj || 'terraform' in obj || 'provider' in obj || 'module' in obj);
}

export function loadTerraformObject(obj: unknown, options: LoadOptions): Document {
  const { file, stack } = options;
  if (!isPlainObject(obj)) throw new InputError(file, 'expected Terraform JSON (an object with "resource" blocks)');
  const id = documentId(options);
  const seen = new Set<string>();
  const resources: Resource[] = [];
  for (const block of resourceBlocks(obj, file, options.lines)) {
    const address = `${block.type}.${block.name}`;
    if (seen.has(address)) throw duplicateResource(file, address, 'more than once', block.line);
    seen.add(address);
    resources.push(toResource(block, id, stack));
  }
  return {
    id,
    file,
    format: 'terraform',
    stack,
    resources,
    parameters: Object.fromEntries(sectionEntries(obj.variable, file, 'variable')),
    conditions: Object.fromEntries(sectionEntries(obj.locals, file, 'locals')),
    outputs: outputBlocks(obj, file),
    ...(options.deployment !== undefined ? { deployment: options.deployment } : {}),
  };
}

/** Terraform's own wording: one address, two declarations. */
export function duplicateResource(file: string, address: string, where: string, line?: number): InputError {
  return new InputError(file, `Duplicate resource ${address}: declared ${where}`, line);
}

/** `output "name" { value = ... }` blocks, each normalized to one object (`{ value, sensitive? }`). */
export function outputBlocks(obj: Record<string, unknown>, file: string): Record<string, unknown> {
  return Object.fromEntries(sectionEntries(obj.output, file, 'output').map(([k, v]) => [k, singleBlock(v)]));
}

/** The resource blocks of one file, in order. */
export function resourceBlocks(obj: Record<string, unknown>, file: string, lines?: KeyLines): ResourceBlock[] {
  const out: ResourceBlock[] = [];
  for (const [type, byName] of sectionEntries(obj.resource, file, 'resource')) {
    for (const [name, rawBody] of sectionEntries(byName, file, `resource.${type}`)) {
      const line = lines?.get(['resource', type, name].join(KEY_PATH_SEPARATOR));
      out.push({ type, name, body: blockBody(rawBody, file, `${type}.${name}`, line), file, line });
    }
  }
  return out;
}

export function toResource(block: ResourceBlock, id: string, stack?: string): Resource {
  const { type, file } = block;
  const address = `${block.module ?? ''}${type}.${block.name}`;
  const properties: Record<string, unknown> = {};
  const attributes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(block.body)) {
    if (!META_ARGUMENTS.has(key)) properties[key] = value;
    else attributes[key] = SINGLE_BLOCKS.has(key) ? singleBlock(value) : value;
  }
  const comment = isPlainObject(attributes['//']) ? attributes['//'] : {};
  const metadata = isPlainObject(comment.metadata) ? comment.metadata : {};
  return {
    address,
    provider: type.includes('_') ? type.slice(0, type.indexOf('_')) : type,
    type,
    properties,
    attributes,
    source: {
      file,
      format: 'terraform',
      stack,
      constructPath: typeof metadata.path === 'string' ? metadata.path : undefined,
      ...(block.line !== undefined ? { line: block.line } : {}),
    },
    waivers: readWaivers(comment[WAIVER_METADATA_KEY], 'terraform-comment', file, address),
    key: `${id}#${address}`,
    documentId: id,
  };
}

/** `{a: ...}` or `[{a: ...}, {b: ...}]` -> entries of the merged maps. */
export function sectionEntries(section: unknown, file: string, what: string): [string, unknown][] {
  if (section === undefined || section === null) return [];
  const maps = Array.isArray(section) ? section : [section];
  const out: [string, unknown][] = [];
  for (const map of maps) {
    if (!isPlainObject(map)) throw new InputError(file, `expected "${what}" to be an object of named blocks`);
    out.push(...Object.entries(map));
  }
  return out;
}

function blockBody(raw: unknown, file: string, address: string, line?: number): Record<string, unknown> {
  // hcl2json (and a repeated JSON key) turn two blocks with one address into an array of two; Terraform refuses them.
  if (Array.isArray(raw) && raw.length > 1) throw duplicateResource(file, address, 'more than once', line);
  const body = Array.isArray(raw) && raw.length === 1 ? raw[0] : raw;
  if (!isPlainObject(body)) throw new InputError(file, `resource ${address}: expected the body to be an object`);
  return body;
}

export function singleBlock(value: unknown): unknown {
  return Array.isArray(value) && value.length === 1 && isPlainObject(value[0]) ? value[0] : value;
}
