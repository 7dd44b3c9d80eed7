import * as fs from 'fs';
import * as path from 'path';
import { applyAcknowledgements, type Acknowledgement } from './cdk-acknowledgements';
import { readStackMetadata, type StackMetadata } from './cdk-metadata';
import { loadCloudFormationObject } from './cfn-loader';
import { InputError } from './errors';
import { refuseCloudFormationDuplicates } from './json-input';
import type { Document, SkippedInput } from './model';
import { isPlainObject, parseJson, parseJsonWithPositions, readJsonFile, readText } from './parse';
import { realDir } from './tf-module-calls';

/**
 * A CDK cloud assembly (`cdk.out`): every stack artifact, the nested stacks their templates point
 * at, and nested assemblies (stages) recursively. Acknowledgements become waivers at the end.
 */

interface AssemblyState {
  /** Document.deployment of every document: the outermost assembly directory, resolved. */
  readonly deployment: string;
  /** Real paths of the assembly directories being loaded (a nested assembly may not loop back). */
  readonly chain: string[];
  readonly skipped: SkippedInput[];
  readonly acks: Acknowledgement[];
  /** Resolved paths of the templates loaded so far. */
  readonly loaded: Set<string>;
  /** Every stack artifact's metadata, in manifest order: construct paths are read from it on demand. */
  readonly metadata: StackMetadata[];
  readonly positions: boolean;
}

export interface AssemblyLoadOptions {
  /**
   * Record template lines (SARIF regions) and refuse repeated keys. Off only for templates a
   * JSON serializer just wrote in this process (the CDK plugin judging the synth it runs in):
   * they cannot repeat a key and nothing reports their lines, so the extra pass over the
   * text is skipped. @default true
   */
  readonly positions?: boolean;
}

const NESTED_SUFFIX = '.nested.template.json';

/** Artifact types that hold no template: not checked, and not worth a "skipped" line. */
const NO_TEMPLATE = new Set(['cdk:tree', 'cdk:asset-manifest', 'cdk:feature-flag-report']);

/**
 * Strict: a `manifest.json` with a string `version` and an `artifacts` object of typed artifacts,
 * as the CDK writes it. Anything else named manifest.json (a cdktf.out manifest, a web app's) is
 * not an assembly, and the directory is scanned like any other.
 */
export function isCloudAssemblyDir(dir: string): boolean {
  const manifest = path.join(dir, 'manifest.json');
  if (!fs.statSync(manifest, { throwIfNoEntry: false })?.isFile()) return false;
  return isAssemblyManifest(readJsonFile(manifest));
}

function isAssemblyManifest(parsed: unknown): parsed is { artifacts: Record<string, Record<string, unknown>> } {
  return (
    isPlainObject(parsed) &&
    typeof parsed.version === 'string' &&
    isPlainObject(parsed.artifacts) &&
    Object.values(parsed.artifacts).every((a) => isPlainObject(a) && typeof a.type === 'string')
  );
}

export function loadCloudAssembly(
  dir: string,
  skipped: SkippedInput[] = [],
  options: AssemblyLoadOptions = {},
): Document[] {
  const state: AssemblyState = {
    positions: options.positions ?? true,
    deployment: path.resolve(dir),
    chain: [],
    skipped,
    acks: [],
    loaded: new Set(),
    metadata: [],
  };
  const documents = loadAssembly(dir, state);
  applyAcknowledgements(documents, state.acks);
  if (documents.length === 0) {
    skipped.push({
      path: dir,
      reason: 'cloud assembly with no stack templates (no aws:cloudformation:stack artifact)',
    });
  }
  return documents;
}

/** `target` (declared in `declaredIn`) must lie inside `dir` (whose real path is `real`), symbolic links resolved. */
function inside(dir: string, real: string, target: string, declaredIn: string, what: string): string {
  const file = path.resolve(dir, target);
  const rel = path.relative(real, realFile(file));
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) {
    if (rel === '' && what === 'nested assembly') return file;
    throw new InputError(declaredIn, `${what} ${target} points outside the assembly directory ${dir}`);
  }
  return file;
}

/** The file with symbolic links resolved (one system call), or as given when it does not exist. */
function realFile(file: string): string {
  try {
    return fs.realpathSync.native(file);
  } catch {
    return file;
  }
}

function loadAssembly(dir: string, state: AssemblyState): Document[] {
  const manifestFile = path.join(dir, 'manifest.json');
  const real = realDir(dir);
  if (state.chain.includes(real)) {
    throw new InputError(manifestFile, `nested cloud assembly ${dir} refers back to an assembly being loaded`);
  }
  state.chain.push(real);
  const manifest = readJsonFile(manifestFile);
  if (!isAssemblyManifest(manifest)) {
    throw new InputError(manifestFile, 'expected a CDK cloud assembly manifest ("version" and typed "artifacts")');
  }
  const artifacts = Object.entries(manifest.artifacts);
  // Read only when a nested stack has no aws:asset:path (the CDK writes one unless asset metadata is off).
  let assets: Map<string, string> | undefined;
  const assetsOf = () => (assets ??= assetTemplates(artifacts, dir, real));
  const documents: Document[] = [];
  for (const [id, artifact] of artifacts) {
    if (!isPlainObject(artifact)) continue;
    const props = isPlainObject(artifact.properties) ? artifact.properties : {};
    if (artifact.type === 'aws:cloudformation:stack') {
      if (typeof props.templateFile !== 'string') {
        throw new InputError(manifestFile, `artifact ${id}: expected properties.templateFile`);
      }
      const stack = typeof props.stackName === 'string' ? props.stackName : id;
      const metadata = readStackMetadata(artifact, dir, manifestFile);
      state.acks.push(...metadata.acknowledgements);
      state.metadata.push(metadata);
      const file = inside(dir, real, props.templateFile, manifestFile, `artifact ${id}: templateFile`);
      const doc = loadTemplate(file, stack, state, metadata);
      documents.push(doc, ...loadNested(doc, dir, real, assetsOf, state, metadata));
    } else if (artifact.type === 'cdk:cloud-assembly') {
      if (typeof props.directoryName !== 'string') {
        throw new InputError(manifestFile, `artifact ${id}: expected properties.directoryName`);
      }
      const nested = inside(dir, real, props.directoryName, manifestFile, 'nested assembly');
      if (!isCloudAssemblyDir(nested)) {
        throw new InputError(manifestFile, `artifact ${id}: ${props.directoryName} is not a cloud assembly`);
      }
      documents.push(...loadAssembly(nested, state));
    } else if (!NO_TEMPLATE.has(String(artifact.type))) {
      state.skipped.push({
        path: `${manifestFile}#${id}`,
        reason: `artifact type ${String(artifact.type)} is not checked`,
      });
    }
  }
  state.chain.pop();
  // A nested template no parent pointed at (e.g. synthesized without asset metadata) is still checked.
  for (const name of fs.readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    if (name.endsWith(NESTED_SUFFIX) && !state.loaded.has(path.resolve(file))) {
      documents.push(loadTemplate(file, name.slice(0, -NESTED_SUFFIX.length), state, undefined));
    }
  }
  return documents;
}

/** The construct paths of a template: from its artifact's metadata, else from any artifact's. */
function constructPathsOf(
  resolved: string,
  state: AssemblyState,
  own: StackMetadata | undefined,
): ReadonlyMap<string, string> | undefined {
  const found = own?.constructPaths().get(resolved);
  if (found) return found;
  for (let i = state.metadata.length - 1; i >= 0; i--) {
    const ids = state.metadata[i].constructPaths().get(resolved);
    if (ids) return ids;
  }
  return undefined;
}

function loadTemplate(
  file: string,
  stack: string,
  state: AssemblyState,
  metadata: StackMetadata | undefined,
  parent?: Document['parent'],
): Document {
  const resolved = path.resolve(file);
  state.loaded.add(resolved);
  const text = readText(file);
  let value: unknown;
  let lines: ReadonlyMap<string, number> | undefined;
  if (state.positions) {
    const parsed = parseJsonWithPositions(text, file);
    refuseCloudFormationDuplicates(parsed, text, file);
    ({ value, lines } = parsed);
  } else value = parseJson(text, file);
  return loadCloudFormationObject(value, {
    file,
    stack,
    constructPaths: () => constructPathsOf(resolved, state, metadata),
    ...(lines ? { lines } : {}),
    deployment: state.deployment,
    ...(parent ? { parent } : {}),
  });
}

/** Nested stacks: AWS::CloudFormation::Stack resources whose template is an asset of this assembly. */
function loadNested(
  parent: Document,
  dir: string,
  real: string,
  assets: () => ReadonlyMap<string, string>,
  state: AssemblyState,
  stackMetadata: StackMetadata,
): Document[] {
  const out: Document[] = [];
  for (const r of parent.resources) {
    if (r.type !== 'AWS::CloudFormation::Stack') continue;
    const metadata = isPlainObject(r.attributes.Metadata) ? r.attributes.Metadata : {};
    const assetPath = metadata['aws:asset:path'];
    let file: string | undefined;
    if (typeof assetPath === 'string' && assetPath.endsWith('.json')) {
      file = inside(dir, real, assetPath, parent.file, `nested stack ${r.address}: aws:asset:path`);
      if (!fs.existsSync(file)) {
        throw new InputError(parent.file, `nested stack ${r.address}: template ${assetPath} is missing from ${dir}`);
      }
    } else {
      const hash = /([0-9a-f]{64})\.json/.exec(JSON.stringify(r.properties.TemplateURL ?? ''));
      file = hash ? assets().get(hash[1]) : undefined;
    }
    if (file === undefined || state.loaded.has(path.resolve(file))) continue; // a template outside the assembly (plain S3 URL)
    const child = loadTemplate(file, `${parent.stack}/${r.address}`, state, stackMetadata, {
      documentId: parent.id,
      address: r.address,
    });
    out.push(child, ...loadNested(child, dir, real, assets, state, stackMetadata));
  }
  return out;
}

/** Asset hash -> path of the JSON template it publishes (from the asset manifests). */
function assetTemplates(artifacts: [string, unknown][], dir: string, real: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [, artifact] of artifacts) {
    if (!isPlainObject(artifact) || artifact.type !== 'cdk:asset-manifest') continue;
    const props = isPlainObject(artifact.properties) ? artifact.properties : {};
    if (typeof props.file !== 'string') continue;
    const assetFile = path.join(dir, props.file);
    if (!fs.existsSync(assetFile)) continue;
    const manifest = readJsonFile(assetFile);
    const files = isPlainObject(manifest) && isPlainObject(manifest.files) ? manifest.files : {};
    for (const [hash, entry] of Object.entries(files)) {
      const source = isPlainObject(entry) && isPlainObject(entry.source) ? entry.source : {};
      if (typeof source.path === 'string' && source.path.endsWith('.json')) {
        out.set(hash, inside(dir, real, source.path, assetFile, `asset ${hash}: source.path`));
      }
    }
  }
  return out;
}
