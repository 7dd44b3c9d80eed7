import * as path from 'path';
import { ZERO_TRUST_ACKNOWLEDGEMENT_PREFIX } from '../../lib/core/waiver';
import { acknowledgementsOf, trimSlashes, type Acknowledgement } from './cdk-acknowledgements';
import { isPlainObject, parseJson, readBytes } from './parse';

/**
 * What a stack artifact's construct metadata says (inline `metadata` in older assemblies, the
 * `additionalMetadataFile` in current ones): the acknowledgements, and which construct path each
 * resource's logical ID belongs to. The latter stands in for `aws:cdk:path` template metadata, which
 * only the CDK CLI turns on: a plain `new App().synth()` writes none, but always writes
 * `aws:cdk:logicalId` entries (and `aws:cdk:templateFile` on every stack, nested ones included).
 *
 * The metadata file is parsed only when it is needed: at once when its bytes may hold a ZeroTrust
 * acknowledgement, else on the first question about construct paths (which templates written by
 * `cdk synth`, with aws:cdk:path on every resource, never ask). The file is mostly creation stack
 * traces and other tools' acknowledgements: parsing it for nothing cost as much as a template.
 */

const LOGICAL_ID = 'aws:cdk:logicalId';
const TEMPLATE_FILE = 'aws:cdk:templateFile';

export interface StackMetadata {
  readonly acknowledgements: readonly Acknowledgement[];
  /** Resolved template path -> logical ID -> construct path (no leading slash); read on the first call. */
  constructPaths(): ReadonlyMap<string, ReadonlyMap<string, string>>;
}

interface Source {
  readonly file: string;
  readonly metadata: Record<string, unknown>;
}

/** Reads the metadata of one stack artifact (manifest entry) of the assembly in `dir`. */
export function readStackMetadata(artifact: Record<string, unknown>, dir: string, manifestFile: string): StackMetadata {
  const inline: Source[] = isPlainObject(artifact.metadata)
    ? [{ file: manifestFile, metadata: artifact.metadata }]
    : [];
  const extra =
    typeof artifact.additionalMetadataFile === 'string'
      ? additionalFile(dir, artifact.additionalMetadataFile)
      : undefined;
  let all: Read | undefined;
  const read = (): Read => (all ??= readSources([...inline, ...(extra ? [extra.parse()] : [])], artifact, dir));
  // Only the inline metadata is read now, unless the file may hold one of our acknowledgements.
  const acknowledgements = extra?.mayAcknowledge
    ? read().acknowledgements
    : readSources(inline, artifact, dir).acknowledgements;
  return { acknowledgements, constructPaths: () => read().constructPaths };
}

interface Read {
  readonly acknowledgements: readonly Acknowledgement[];
  readonly constructPaths: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/**
 * The additional metadata file, read now (a missing or unreadable file is an error at once) and
 * parsed on demand. Its bytes may hold a ZeroTrust acknowledgement when they contain the prefix,
 * or a `\u` escape (which could spell it): a cheap byte search that never misses one.
 */
function additionalFile(dir: string, name: string): { mayAcknowledge: boolean; parse(): Source } {
  const file = path.join(dir, name);
  const bytes = readBytes(file);
  const mayAcknowledge = bytes.includes(ZERO_TRUST_ACKNOWLEDGEMENT_PREFIX) || bytes.includes('\\u');
  return {
    mayAcknowledge,
    parse: () => {
      const metadata = parseJson(bytes.toString('utf8'), file);
      return { file, metadata: isPlainObject(metadata) ? metadata : {} };
    },
  };
}

function readSources(sources: readonly Source[], artifact: Record<string, unknown>, dir: string): Read {
  const acknowledgements: Acknowledgement[] = [];
  const logicalIds: { path: string; id: string }[] = [];
  const stacks: { path: string; file: string }[] = [];
  for (const { file, metadata } of sources) {
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
