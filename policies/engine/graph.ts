import type { Document, Reference, Resource } from './model';
import type { Resolved } from './resolved';

export type { Resolved, UnloadedTarget } from './resolved';
export { asBoolean, asNumber, asString, describeResolved, referencedResources } from './resolved';

/** What a rule may ask of the loaded resources. Implemented in resource-graph.ts. */
export interface ResourceGraph {
  readonly documents: readonly Document[];
  /** Every resource of every loaded document. */
  resources(): readonly Resource[];
  /** Resources of one type across all documents. */
  byType(type: string): readonly Resource[];
  /** Resources of one type in the same document as `near`. */
  sameDocument(near: Resource, type: string): readonly Resource[];
  /**
   * Resources of one type that may relate to `near`: its document and every other document of the
   * same deployment (nested stacks, stacks linked by exports or cross-stack outputs).
   */
  sameDeployment(near: Resource, type: string): readonly Resource[];
  /** Outgoing references of a resource within its document (every expression, both Fn::If branches). */
  referencesFrom(resource: Resource): readonly Reference[];
  /**
   * Incoming references within the resource's document: resources that mention this one. With
   * `fromType`, only references from resources of that type, and only those resources are walked
   * (a rule that asks which endpoint configs serve a model need not walk every resource).
   */
  referencedBy(resource: Resource, fromType?: string): readonly Reference[];
  /**
   * Resolves the value at a dotted path inside `resource.properties`, e.g.
   * "BucketEncryption.ServerSideEncryptionConfiguration.0.ServerSideEncryptionByDefault.SSEAlgorithm".
   * Terraform nested blocks may be lists of one or one object. A missing property is `absent`.
   */
  value(resource: Resource, path: string): Resolved;
  /** Resolves an arbitrary value found inside `resource` (an element of a list, a resource attribute). */
  resolve(resource: Resource, raw: unknown): Resolved;
  /**
   * A fact derived from the graph, computed once per graph: the first call for (`namespace`,
   * `resource`) runs `compute` and keeps its result. `compute` must depend on the graph and the
   * resource only; the namespace names the fact and every parameter it depends on.
   */
  memo<T>(namespace: string, resource: Resource, compute: () => T): T;
  /**
   * Like `memo`, but only the facts of the last few resources asked about are kept: for a large
   * derived value the checks of one resource read in a row (a normalized policy document), which
   * `memo` would hold for the whole run (~1.5 KB per bucket policy: 75 MB at 50k of them). Asked
   * again later, it is computed again, so `compute` must be as pure as for `memo`.
   */
  recent<T>(namespace: string, resource: Resource, compute: () => T): T;
  /** A graph-wide fact (an index over all resources of a type), computed once. */
  index<T>(namespace: string, compute: () => T): T;
}
