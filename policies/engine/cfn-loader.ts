import { WAIVER_METADATA_KEY } from '../../lib/core/waiver';
import { InputError } from './errors';
import type { Document, Resource } from './model';
import { KEY_PATH_SEPARATOR } from './json-positions';
import { isPlainObject } from './parse';
import { readWaivers } from './waiver-read';

/** CloudFormation template (already parsed, long-form intrinsics) -> normalized Document. */

export interface LoadOptions {
  /** File the object came from (named in errors and findings). */
  readonly file: string;
  /** Stack name / artifact id, when known. */
  readonly stack?: string;
  /** Document id; defaults to the file, suffixed with the stack when one is given. */
  readonly id?: string;
  /**
   * CloudFormation: logical ID -> construct path, for resources without `aws:cdk:path` metadata
   * (the cloud assembly's metadata has it, see cdk-metadata.ts). A function is called once, when
   * the first such resource is met: a template with aws:cdk:path everywhere never reads the table.
   */
  readonly constructPaths?: ReadonlyMap<string, string> | (() => ReadonlyMap<string, string> | undefined);
  /**
   * Key path (joined by json-positions' KEY_PATH_SEPARATOR: `Resources<NUL>Bucket`,
   * `resource<NUL>aws_s3_bucket<NUL>b`) -> 1-based line, for `source.line`.
   */
  readonly lines?: ReadonlyMap<string, number>;
  /** Document.deployment / Document.parent to record (cloud assembly, cdktf.out). */
  readonly deployment?: string;
  readonly parent?: Document['parent'];
}

export function documentId(options: LoadOptions): string {
  return options.id ?? (options.stack !== undefined ? `${options.file}#${options.stack}` : options.file);
}

export function isCloudFormationTemplate(obj: unknown): obj is Record<string, unknown> {
  return isPlainObject(obj) && (isPlainObject(obj.Resources) || 'AWSTemplateFormatVersion' in obj);
}

export function loadCloudFormationObject(obj: unknown, options: LoadOptions): Document {
  const { file, stack } = options;
  if (!isPlainObject(obj)) throw new InputError(file, 'expected a CloudFormation template (a JSON/YAML object)');
  const rawResources = obj.Resources ?? {};
  if (!isPlainObject(rawResources)) throw new InputError(file, 'expected "Resources" to be an object');
  const id = documentId(options);
  const resources: Resource[] = [];
  const linePrefix = `Resources${KEY_PATH_SEPARATOR}`;
  const given = options.constructPaths;
  let paths = typeof given === 'function' ? undefined : given;
  const pathOf = (address: string): string | undefined => {
    if (typeof given === 'function' && paths === undefined) paths = given() ?? new Map();
    return paths?.get(address);
  };
  for (const address in rawResources) {
    const raw = rawResources[address];
    if (!isPlainObject(raw) || typeof raw.Type !== 'string') {
      throw new InputError(file, `resource ${address}: expected an object with a string "Type"`);
    }
    const { Type: type, Properties: properties } = raw;
    if (properties !== undefined && properties !== null && !isPlainObject(properties)) {
      throw new InputError(file, `resource ${address}: expected "Properties" to be an object`);
    }
    const attributes = attributesOf(raw);
    const metadata = isPlainObject(attributes.Metadata) ? attributes.Metadata : {};
    const cdkPath = metadata['aws:cdk:path'];
    const constructPath = typeof cdkPath === 'string' ? cdkPath : pathOf(address);
    const line = options.lines?.get(linePrefix + address);
    resources.push({
      address,
      provider: 'aws',
      type,
      properties: (properties as Record<string, unknown> | null | undefined) ?? {},
      attributes,
      source:
        line === undefined
          ? { file, format: 'cloudformation', stack, constructPath }
          : { file, format: 'cloudformation', stack, constructPath, line },
      waivers: readWaivers(metadata[WAIVER_METADATA_KEY], 'template-metadata', file, address),
      key: `${id}#${address}`,
      documentId: id,
    });
  }
  return {
    id,
    file,
    format: 'cloudformation',
    stack,
    resources,
    parameters: isPlainObject(obj.Parameters) ? obj.Parameters : {},
    conditions: isPlainObject(obj.Conditions) ? obj.Conditions : {},
    outputs: isPlainObject(obj.Outputs) ? obj.Outputs : {},
    ...(options.deployment !== undefined ? { deployment: options.deployment } : {}),
    ...(options.parent !== undefined ? { parent: options.parent } : {}),
  };
}

/**
 * A resource's entries other than Type and Properties (a loop: object rest copies are slow at
 * 100k resources). JSON.parse makes `__proto__` an own key; it stays one here.
 */
function attributesOf(raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k in raw) {
    if (k === 'Type' || k === 'Properties') continue;
    if (k === '__proto__')
      Object.defineProperty(out, k, { value: raw[k], writable: true, enumerable: true, configurable: true });
    else out[k] = raw[k];
  }
  return out;
}
