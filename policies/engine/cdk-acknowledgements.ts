import { ZERO_TRUST_ACKNOWLEDGEMENT_PREFIX } from '../../lib/core/waiver';
import type { Document, ResourceWaiver } from './model';
import { isPlainObject } from './parse';
import { toResourceWaiver } from './waiver-read';

/**
 * CDK acknowledgements as waivers. `Validations.of(scope).acknowledge({ id: 'ZeroTrust::ZT-DATA-006',
 * reason })` (aws-cdk-lib >= 2.276) records `aws:cdk:acknowledged-rules` metadata `{ [id]: reason }`
 * on the scope's construct path; the cloud assembly carries it in the stack artifact's metadata
 * (cdk-metadata.ts reads it). It covers every resource at or below that path. Acknowledgements on an
 * App or Stage (outside any stack) are not written to the assembly by the CDK, so they cannot be seen here.
 */

export const ACKNOWLEDGED_RULES_METADATA = 'aws:cdk:acknowledged-rules';
export const ACKNOWLEDGEMENT_ORIGIN = 'cdk-acknowledgement';

export interface Acknowledgement {
  /** Construct path without the leading slash, e.g. "Main/Logs". */
  readonly path: string;
  readonly waiver: ResourceWaiver;
}

/** The ZeroTrust acknowledgements of one metadata entry (none when it is another kind of entry). */
export function acknowledgementsOf(
  entry: Record<string, unknown>,
  constructPath: string,
  file: string,
): Acknowledgement[] {
  if (entry.type !== ACKNOWLEDGED_RULES_METADATA || !isPlainObject(entry.data)) return [];
  const out: Acknowledgement[] = [];
  for (const [id, reason] of Object.entries(entry.data)) {
    if (!id.startsWith(ZERO_TRUST_ACKNOWLEDGEMENT_PREFIX)) continue; // another tool's rule (cdk-nag, annotations)
    const ruleId = id.slice(ZERO_TRUST_ACKNOWLEDGEMENT_PREFIX.length);
    const where = `acknowledgement ${id} on ${constructPath}`;
    const waiver = toResourceWaiver({ ruleId, reason }, ACKNOWLEDGEMENT_ORIGIN, file, where, 'acknowledgement');
    out.push({ path: trimSlashes(constructPath), waiver });
  }
  return out;
}

/**
 * Adds each acknowledgement as a waiver on every resource whose construct path is at or below it.
 * A resource keeps one waiver per rule. When template metadata (`waive()`, which carries the expiry)
 * and an acknowledgement both waive a rule, the template waiver is kept, expiry included, and the
 * acknowledgement adds its origin: an acknowledgement never revives an expired waiver. Of several
 * acknowledgements of one rule, the one nearest the resource is kept.
 */
export function applyAcknowledgements(documents: readonly Document[], acks: readonly Acknowledgement[]): void {
  if (acks.length === 0) return;
  const byPath = new Map<string, Acknowledgement[]>();
  for (const ack of acks) {
    const list = byPath.get(ack.path);
    if (list) list.push(ack);
    else byPath.set(ack.path, [ack]);
  }
  for (const doc of documents) {
    for (const resource of doc.resources) {
      const own = resource.source.constructPath;
      if (own === undefined) continue;
      // The resource's own path, then each parent up to the root (''): nearest first.
      let p = trimSlashes(own);
      for (;;) {
        for (const ack of byPath.get(p) ?? []) addWaiver(resource.waivers, ack.waiver);
        if (p === '') break;
        const slash = p.lastIndexOf('/');
        p = slash < 0 ? '' : p.slice(0, slash);
      }
    }
  }
}

/** Every origin that recorded a waiver, the preferred (kept) one first. */
function originsOf(w: ResourceWaiver): readonly string[] {
  return w.origins ?? [w.origin];
}

function addWaiver(waivers: ResourceWaiver[], waiver: ResourceWaiver): void {
  const i = waivers.findIndex((w) => w.ruleId === waiver.ruleId);
  if (i < 0) {
    waivers.push(waiver);
    return;
  }
  const origins = originsOf(waivers[i]);
  if (origins.includes(waiver.origin)) return; // a nearer record of the same kind already applies
  const merged = [...origins, waiver.origin];
  waivers[i] = { ...waivers[i], origin: merged.join('+'), origins: merged };
}

/** Construct paths appear with and without a leading slash ("/Main/Logs", "Main/Logs"). */
export function trimSlashes(p: string): string {
  return p.replace(/^\/+|\/+$/g, '');
}
