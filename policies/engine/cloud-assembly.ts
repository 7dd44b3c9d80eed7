import * as fs from 'fs';
import * as path from 'path';
import { applyAcknowledgements, type Acknowledgement } from './cdk-acknowledgements';
import { readStackMetadata } from './cdk-metadata';
import { loadCloudFormationObject } from './cfn-loader';
import { InputError } from './errors';
import type { Document } from './model';
import { isPlainObject, readJsonFile } from './parse';

/**
 * A CDK cloud assembly (`cdk.out`): every stack artifact, the nested stacks their templates point
 * at, and nested assemblies (stages) recursively. Acknowledgements become waivers at the end.
 */

/** Resolved template path -> logical ID -> construct path, from the stacks' metadata. */
type ConstructPaths = Map<string, ReadonlyMap<string, string>>;

interface AssemblyState {
  readonly acks: Acknowledgement[];
  /** Resolved paths of the templates loaded so far. */
  readonly loaded: Set<string>;
  readonly constructPaths: ConstructPaths;
}

const NESTED_SUFFIX = '.nested.template.json';

export function isCloudAssemblyDir(dir: string): boolean {
  const manifest = path.join(dir, 'manifest.json');
  if (!fs.existsSync(manifest)) return false;
  const parsed = readJsonFile(manifest);
  // cdktf.out also has a manifest.json, with `stacks` instead of `artifacts`.
  return (
    isPlainObject(parsed) && ('artifacts' in parsed || (typeof parsed.version === 'string' && !('stacks' in parsed)))
  );
}

export function loadCloudAssembly(dir: string): Document[] {
  const state: AssemblyState = { acks: [], loaded: new Set(), constructPaths: new Map() };
  const documents = loadAssembly(dir, state);
  applyAcknowledgements(documents, state.acks);
  return documents;
}

function loadAssembly(dir: string, state: AssemblyState): Document[] {
  const manifestFile = path.join(dir, 'manifest.json');
  const manifest = readJsonFile(manifestFile);
  if (!isPlainObject(manifest) || (manifest.artifacts !== undefined && !isPlainObject(manifest.artifacts))) {
    throw new InputError(manifestFile, 'expected a CDK cloud assembly manifest with an "artifacts" object');
  }
  const artifacts = Object.entries(isPlainObject(manifest.artifacts) ? manifest.artifacts : {});
  const assets = assetTemplates(artifacts, dir);
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
      for (const [file, ids] of metadata.constructPaths) state.constructPaths.set(file, ids);
      const doc = loadTemplate(path.join(dir, props.templateFile), stack, state);
      documents.push(doc, ...loadNested(doc, dir, assets, state));
    } else if (artifact.type === 'cdk:cloud-assembly') {
      if (typeof props.directoryName !== 'string') {
        throw new InputError(manifestFile, `artifact ${id}: expected properties.directoryName`);
      }
      documents.push(...loadAssembly(path.join(dir, props.directoryName), state));
    }
  }
  // A nested template no parent pointed at (e.g. synthesized without asset metadata) is still checked.
  for (const name of fs.readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    if (name.endsWith(NESTED_SUFFIX) && !state.loaded.has(path.resolve(file))) {
      documents.push(loadTemplate(file, name.slice(0, -NESTED_SUFFIX.length), state));
    }
  }
  return documents;
}

function loadTemplate(file: string, stack: string, state: AssemblyState): Document {
  const resolved = path.resolve(file);
  state.loaded.add(resolved);
  return loadCloudFormationObject(readJsonFile(file), {
    file,
    stack,
    constructPaths: state.constructPaths.get(resolved),
  });
}

/** Nested stacks: AWS::CloudFormation::Stack resources whose template is an asset of this assembly. */
function loadNested(parent: Document, dir: string, assets: Map<string, string>, state: AssemblyState): Document[] {
  const out: Document[] = [];
  for (const r of parent.resources) {
    if (r.type !== 'AWS::CloudFormation::Stack') continue;
    const metadata = isPlainObject(r.attributes.Metadata) ? r.attributes.Metadata : {};
    const assetPath = metadata['aws:asset:path'];
    let file: string | undefined;
    if (typeof assetPath === 'string' && assetPath.endsWith('.json')) {
      file = path.isAbsolute(assetPath) ? assetPath : path.join(dir, assetPath);
      if (!fs.existsSync(file)) {
        throw new InputError(parent.file, `nested stack ${r.address}: template ${assetPath} is missing from ${dir}`);
      }
    } else {
      const hash = /([0-9a-f]{64})\.json/.exec(JSON.stringify(r.properties.TemplateURL ?? ''));
      file = hash ? assets.get(hash[1]) : undefined;
    }
    if (file === undefined || state.loaded.has(path.resolve(file))) continue; // a template outside the assembly (plain S3 URL)
    const child = loadTemplate(file, `${parent.stack}/${r.address}`, state);
    out.push(child, ...loadNested(child, dir, assets, state));
  }
  return out;
}

/** Asset hash -> path of the JSON template it publishes (from the asset manifests). */
function assetTemplates(artifacts: [string, unknown][], dir: string): Map<string, string> {
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
      if (typeof source.path === 'string' && source.path.endsWith('.json')) out.set(hash, path.join(dir, source.path));
    }
  }
  return out;
}
