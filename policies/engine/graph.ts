import { Document, Reference, Resource } from './model';

/**
 * What a rule may ask of the loaded resources. Implemented in resource-graph.ts.
 *
 * Value resolution (`value`) turns a synthesized property into one of:
 * - literal: a plain JSON value (CFN "true"/"false" strings are left as-is; use `asBoolean`);
 * - reference: the property points at another loaded resource (Ref, Fn::GetAtt, Fn::Sub/Fn::Join
 *   of exactly one reference, Terraform "${type.name.attr}");
 * - unknown: anything the engine cannot decide at synth time (parameters, variables, imports,
 *   pseudo parameters, Fn::If whose branches differ, data sources, mixed interpolations), with
 *   the reason. A rule that depends on an unknown value must return `unknown`, never guess.
 *   A Terraform reference to a resource that is not loaded (a file of a module given on its own,
 *   a partial configuration) is unknown too, but names its `target`: the address alone says the
 *   type, and that it is not any loaded resource.
 */
export type Resolved =
  | { readonly kind: 'literal'; readonly value: unknown }
  | { readonly kind: 'reference'; readonly to: Resource; readonly attribute?: string }
  | { readonly kind: 'absent' }
  | { readonly kind: 'unknown'; readonly reason: string; readonly target?: UnloadedTarget };

/** A resource a Terraform value references by address (`${aws_kms_key.k.arn}`) that is not loaded. */
export interface UnloadedTarget {
  /** `type.name`, e.g. "aws_kms_key.k". */
  readonly address: string;
  readonly type: string;
  readonly attribute?: string;
}

export interface ResourceGraph {
  readonly documents: readonly Document[];
  /** Every resource of every loaded document. */
  resources(): readonly Resource[];
  /** Resources of one type across all documents. */
  byType(type: string): readonly Resource[];
  /** Resources of one type in the same document as `near` (references never cross documents). */
  sameDocument(near: Resource, type: string): readonly Resource[];
  /** Outgoing references of a resource (every intrinsic / interpolation, both Fn::If branches). */
  referencesFrom(resource: Resource): readonly Reference[];
  /** Incoming references: resources that mention this one. */
  referencedBy(resource: Resource): readonly Reference[];
  /**
   * Resolves the value at a dotted path inside `resource.properties`, e.g.
   * "BucketEncryption.ServerSideEncryptionConfiguration.0.ServerSideEncryptionByDefault.SSEAlgorithm".
   * A single-element array is stepped through transparently when the next segment is a name
   * (Terraform nested blocks are arrays of one). A missing property is `absent`.
   */
  value(resource: Resource, path: string): Resolved;
  /** Resolves an arbitrary value found inside `resource` (e.g. an element of a list). */
  resolve(resource: Resource, raw: unknown): Resolved;
  /**
   * A fact derived from the graph, computed once per graph: the first call for (`namespace`,
   * `resource`) runs `compute` and keeps its result, later calls return it. For facts several
   * rules need (a bucket's policy document, its companions). `compute` must depend on the graph
   * and the resource only, and its result must not be mutated; the namespace names what it is and
   * every parameter it depends on ("policy-document PolicyDocument").
   */
  memo<T>(namespace: string, resource: Resource, compute: () => T): T;
}

/** `true`/`false` for literal booleans and CFN's "true"/"false" strings; undefined otherwise. */
export function asBoolean(r: Resolved): boolean | undefined {
  if (r.kind !== 'literal') return undefined;
  if (typeof r.value === 'boolean') return r.value;
  if (typeof r.value === 'string') {
    const v = r.value.toLowerCase();
    if (v === 'true') return true;
    if (v === 'false') return false;
  }
  return undefined;
}

export function asString(r: Resolved): string | undefined {
  return r.kind === 'literal' && typeof r.value === 'string' ? r.value : undefined;
}

export function asNumber(r: Resolved): number | undefined {
  if (r.kind !== 'literal') return undefined;
  if (typeof r.value === 'number') return r.value;
  if (typeof r.value === 'string' && r.value.trim() !== '' && !Number.isNaN(Number(r.value))) return Number(r.value);
  return undefined;
}
