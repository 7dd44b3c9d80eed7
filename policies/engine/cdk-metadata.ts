import * as path from 'path';
import { acknowledgementsOf, trimSlashes, type Acknowledgement } from './cdk-acknowledgements';
import { isPlainObject, readJsonFile } from './parse';

/**
 * What a stack artifact's construct metadata says (inline `metadata` in older assemblies, the
 * `additionalMetadataFile` in current ones): the acknowledgements, and which construct path each
 * resource's logical ID belongs to. The latter stands in for `aws:cdk:path` template metadata, which
 * only the CDK CLI turns on: a plain `new App().synth()` writes none, but always writes
 * `aws:cdk:logicalId` entries (and `aws:cdk:templateFile` on every stack, nested ones included).
 */

const LOGICAL_ID = 'aws:cdk:logicalId';
const TEMPLATE_FILE = 'aws:cdk:templateFile';

export interface StackMetadata {
  readonly acknowledgements: readonly Acknowledgement[];
  /** Resolved template path -> logical ID -> construct path (no leading slash). */
  readonly constructPaths: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/** Reads the metadata of one stack artifact (manifest entry) of the assembly in `dir`. */
export function readStackMetadata(artifact: Record<string, unknown>, dir: string, manifestFile: string): StackMetadata {
  const acknowledgements: Acknowledgement[] = [];
  const logicalIds: { path: string; id: string }[] = [];
  const stacks: { path: string; file: string }[] = [];
  for (const { file, metadata } of metadataSources(artifact, dir, manifestFile)) {
    for (const [constructPath, entries] of Object.entries(metadata)) {
      if (!Array.isArray(entries)) continue;
      const trimmed = trimSlashes(constructPath);
      for (const entry of entries) {
        if (!isPlainObject(entry)) continue;
        const { type, data } = entry;
        if (type === LOGICAL_ID && typeof data === 'string') {
          logicalIds.push({ path: trimmed, id: data });
        } else if (type === TEMPLATE_FILE && typeof data === 'string') {
          stacks.push({ path: trimmed, file: path.resolve(dir, data) });
        } else {
          acknowledgements.push(...acknowledgementsOf(entry, constructPath, file));
        }
      }
    }
  }
  return { acknowledgements, constructPaths: byTemplate(logicalIds, stacks, artifact, dir) };
}

function metadataSources(artifact: Record<string, unknown>, dir: string, manifestFile: string) {
  const sources: { file: string; metadata: Record<string, unknown> }[] = [];
  if (isPlainObject(artifact.metadata)) sources.push({ file: manifestFile, metadata: artifact.metadata });
  if (typeof artifact.additionalMetadataFile === 'string') {
    const file = path.join(dir, artifact.additionalMetadataFile);
    const metadata = readJsonFile(file);
    if (isPlainObject(metadata)) sources.push({ file, metadata });
  }
  return sources;
}

/**
 * A logical ID is unique only within its template, so each entry goes to the innermost stack (one
 * with a template file) its path lies in; without stack entries, to the artifact's own template.
 */
function byTemplate(
  logicalIds: readonly { path: string; id: string }[],
  stacks: readonly { path: string; file: string }[],
  artifact: Record<string, unknown>,
  dir: string,
): Map<string, Map<string, string>> {
  const props = isPlainObject(artifact.properties) ? artifact.properties : {};
  const own = typeof props.templateFile === 'string' ? path.resolve(dir, props.templateFile) : undefined;
  const innermostFirst = [...stacks].sort((a, b) => b.path.length - a.path.length);
  const out = new Map<string, Map<string, string>>();
  for (const { path: p, id } of logicalIds) {
    const file = innermostFirst.find((s) => p.startsWith(`${s.path}/`))?.file ?? own;
    if (file === undefined) continue;
    let ids = out.get(file);
    if (!ids) out.set(file, (ids = new Map()));
    ids.set(id, p);
  }
  return out;
}
