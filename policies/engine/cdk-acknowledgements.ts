import * as path from 'path';
import type { Document, ResourceWaiver } from './model';
import { isPlainObject, readJsonFile } from './parse';
import { toResourceWaiver } from './waiver-read';

/**
 * CDK acknowledgements as waivers. `Validations.of(scope).acknowledge({ id: 'ZeroTrust::ZT-DATA-006',
 * reason })` (aws-cdk-lib >= 2.276) records `aws:cdk:acknowledged-rules` metadata `{ [id]: reason }`
 * on the scope's construct path; the cloud assembly carries it in the stack artifact's metadata
 * (inline `metadata` in older assemblies, `additionalMetadataFile` in current ones). It covers every
 * resource at or below that path. Acknowledgements on an App or Stage (outside any stack) are not
 * written to the assembly by the CDK, so they cannot be seen here.
 */

export const ACKNOWLEDGED_RULES_METADATA = 'aws:cdk:acknowledged-rules';
export const ZERO_TRUST_NAMESPACE = 'ZeroTrust::';

export interface Acknowledgement {
  /** Construct path without the leading slash, e.g. "Main/Logs". */
  readonly path: string;
  readonly waiver: ResourceWaiver;
}

type MetadataMap = Record<string, unknown>;

/** Reads the acknowledgements of one stack artifact (manifest entry) of the assembly in `dir`. */
export function readAcknowledgements(
  artifact: Record<string, unknown>,
  dir: string,
  manifestFile: string,
): Acknowledgement[] {
  const sources: { file: string; metadata: MetadataMap }[] = [];
  if (isPlainObject(artifact.metadata)) sources.push({ file: manifestFile, metadata: artifact.metadata });
  if (typeof artifact.additionalMetadataFile === 'string') {
    const file = path.join(dir, artifact.additionalMetadataFile);
    const metadata = readJsonFile(file);
    if (isPlainObject(metadata)) sources.push({ file, metadata });
  }
  const out: Acknowledgement[] = [];
  for (const { file, metadata } of sources) {
    for (const [constructPath, entries] of Object.entries(metadata)) {
      if (!Array.isArray(entries)) continue;
      for (const entry of entries) {
        if (!isPlainObject(entry) || entry.type !== ACKNOWLEDGED_RULES_METADATA || !isPlainObject(entry.data)) continue;
        for (const [id, reason] of Object.entries(entry.data)) {
          if (!id.startsWith(ZERO_TRUST_NAMESPACE)) continue; // another tool's rule (cdk-nag, annotations)
          const ruleId = id.slice(ZERO_TRUST_NAMESPACE.length);
          const where = `acknowledgement ${id} on ${constructPath}`;
          const waiver = toResourceWaiver({ ruleId, reason: reason as string }, 'cdk-acknowledgement', file, where);
          out.push({ path: trimSlashes(constructPath), waiver });
        }
      }
    }
  }
  return out;
}

/** Adds each acknowledgement as a waiver on every resource whose construct path is at or below it. */
export function applyAcknowledgements(documents: readonly Document[], acks: readonly Acknowledgement[]): void {
  if (acks.length === 0) return;
  for (const doc of documents) {
    for (const resource of doc.resources) {
      const own = resource.source.constructPath;
      if (own === undefined) continue;
      const cp = trimSlashes(own);
      for (const ack of acks) {
        if (ack.path !== '' && cp !== ack.path && !cp.startsWith(`${ack.path}/`)) continue;
        const duplicate = resource.waivers.some(
          (w) => w.ruleId === ack.waiver.ruleId && w.origin === ack.waiver.origin && w.reason === ack.waiver.reason,
        );
        if (!duplicate) resource.waivers.push(ack.waiver);
      }
    }
  }
}

function trimSlashes(p: string): string {
  return p.replace(/^\/+|\/+$/g, '');
}
