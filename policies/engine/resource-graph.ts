import { cloudFormationDialect } from './cfn-dialect';
import { Deployment } from './deployment';
import type { Dialect, DeploymentLinks, Scope } from './dialect';
import type { ResourceGraph } from './graph';
import type { Document, Reference, Resource, SourceFormat } from './model';
import type { Resolved } from './resolved';
import { resolve, resolvePath } from './resolve';
import { terraformDialect } from './tf-dialect';
import { PathTable } from './walk';

/**
 * The ResourceGraph (graph.ts) over loaded documents. Indexes are built on first use and kept:
 * type indexes with the first query, a resource's outgoing references with the first question about
 * them, a document's incoming references (of every resource, or from one type) with the first
 * question about those, deployment links with the first cross-document reference.
 */

const DIALECTS: Readonly<Record<SourceFormat, Dialect>> = {
  cloudformation: cloudFormationDialect,
  terraform: terraformDialect,
};

const EMPTY: readonly never[] = Object.freeze([]);

class DocumentIndex implements Scope {
  readonly resources = new Map<string, Resource>();
  readonly cache = new Map<string, unknown>();
  readonly dialect: Dialect;
  links?: DeploymentLinks;
  private types?: Map<string, Resource[]>;
  /** Outgoing edges, computed per resource on first question and kept. */
  private readonly outgoing = new Map<Resource, readonly Reference[]>();
  /** Incoming edges from every resource of the document (absent until asked without a type). */
  private incoming?: Map<Resource, Reference[]>;
  /** Incoming edges from the resources of one type only, by that type. */
  private readonly incomingByType = new Map<string, Map<Resource, Reference[]>>();
  /** The resource whose edges the sink is collecting, and its list. */
  private current?: Resource;
  private collected: Reference[] = [];
  // One sink for the whole document (not a closure per resource); `current` and its list move along.
  // The path comes from the document's path table: each edge shares the one copy of its path.
  private readonly sink = (path: string, target: string, attribute?: string): void => {
    const to = this.resources.get(target);
    if (!to) return; // parameters, pseudo parameters, data sources, other documents
    const from = this.current!;
    this.collected.push(attribute === undefined ? { from, to, path } : { from, to, path, attribute });
  };

  constructor(
    readonly document: Document,
    /** Shared by the graph's documents: stacks built from the same constructs repeat each other's paths. */
    readonly paths: PathTable,
  ) {
    const all = document.resources;
    for (let i = 0; i < all.length; i++) this.resources.set(all[i].address, all[i]);
    this.dialect = DIALECTS[document.format];
  }

  byType(type: string): readonly Resource[] {
    if (!this.types) this.types = groupByType(this.document.resources);
    return this.types.get(type) ?? EMPTY;
  }

  /** Walks only this resource's properties: asking about one resource never walks the whole document. */
  from(resource: Resource): readonly Reference[] {
    let edges = this.outgoing.get(resource);
    if (edges === undefined) {
      this.current = resource;
      this.dialect.forEachReference(resource.properties, this.sink, this);
      this.current = undefined;
      // The list moves to the resource; most resources reference nothing and share EMPTY.
      edges = this.collected.length === 0 ? EMPTY : this.collected;
      if (edges !== EMPTY) this.collected = [];
      this.outgoing.set(resource, edges);
    }
    return edges;
  }

  /** Incoming edges; with `fromType`, only those from resources of that type (only they are walked). */
  to(resource: Resource, fromType?: string): readonly Reference[] {
    let incoming: Map<Resource, Reference[]> | undefined;
    if (fromType === undefined) incoming = this.incoming ??= this.incomingFrom(this.document.resources);
    else {
      incoming = this.incomingByType.get(fromType);
      if (!incoming) this.incomingByType.set(fromType, (incoming = this.incomingFrom(this.byType(fromType))));
    }
    return incoming.get(resource) ?? EMPTY;
  }

  private incomingFrom(sources: readonly Resource[]): Map<Resource, Reference[]> {
    const incoming = new Map<Resource, Reference[]>();
    for (let i = 0; i < sources.length; i++) {
      const edges = this.from(sources[i]);
      for (let j = 0; j < edges.length; j++) push(incoming, edges[j].to, edges[j]);
    }
    return incoming;
  }
}

class Graph implements ResourceGraph {
  private all?: readonly Resource[];
  private types?: Map<string, Resource[]>;
  private indexes?: Map<Resource, DocumentIndex>;
  private deploymentOf?: Map<DocumentIndex, readonly DocumentIndex[]>;
  private readonly deploymentTypes = new Map<readonly DocumentIndex[], Map<string, readonly Resource[]>>();
  private readonly memos = new Map<string, Map<Resource, unknown>>();
  private readonly recents = new Map<string, RecentFacts>();
  private readonly indexesByName = new Map<string, unknown>();
  /** Dotted paths split once per graph: rules ask for the same few paths on every resource. */
  private readonly segments = new Map<string, readonly string[]>();
  private lastResource?: Resource;
  private lastIndex?: DocumentIndex;

  constructor(readonly documents: readonly Document[]) {}

  resources(): readonly Resource[] {
    if (!this.all) this.all = this.documents.flatMap((d) => d.resources);
    return this.all;
  }

  byType(type: string): readonly Resource[] {
    if (!this.types) this.types = groupByType(this.resources());
    return this.types.get(type) ?? EMPTY;
  }

  sameDocument(near: Resource, type: string): readonly Resource[] {
    return this.indexOf(near).byType(type);
  }

  sameDeployment(near: Resource, type: string): readonly Resource[] {
    const index = this.indexOf(near);
    const peers = this.deploymentOf!.get(index)!;
    if (peers.length === 1) return index.byType(type);
    let byType = this.deploymentTypes.get(peers);
    if (!byType) this.deploymentTypes.set(peers, (byType = new Map()));
    let found = byType.get(type);
    if (!found) byType.set(type, (found = peers.flatMap((p) => p.byType(type))));
    return found;
  }

  referencesFrom(resource: Resource): readonly Reference[] {
    return this.indexOf(resource).from(resource);
  }

  referencedBy(resource: Resource, fromType?: string): readonly Reference[] {
    return this.indexOf(resource).to(resource, fromType);
  }

  value(resource: Resource, path: string): Resolved {
    let segments = this.segments.get(path);
    if (!segments) this.segments.set(path, (segments = path === '' ? EMPTY : path.split('.')));
    return resolvePath(this.indexOf(resource), resource.properties, segments);
  }

  resolve(resource: Resource, raw: unknown): Resolved {
    return resolve(this.indexOf(resource), raw);
  }

  memo<T>(namespace: string, resource: Resource, compute: () => T): T {
    let facts = this.memos.get(namespace);
    if (!facts) this.memos.set(namespace, (facts = new Map()));
    if (facts.has(resource)) return facts.get(resource) as T;
    const fact = compute();
    facts.set(resource, fact);
    return fact;
  }

  recent<T>(namespace: string, resource: Resource, compute: () => T): T {
    let ring = this.recents.get(namespace);
    if (!ring) this.recents.set(namespace, (ring = new RecentFacts()));
    return ring.get(resource, compute);
  }

  index<T>(namespace: string, compute: () => T): T {
    if (this.indexesByName.has(namespace)) return this.indexesByName.get(namespace) as T;
    const value = compute();
    this.indexesByName.set(namespace, value);
    return value;
  }

  private indexOf(resource: Resource): DocumentIndex {
    // Checks ask many questions about one resource in a row.
    if (resource === this.lastResource) return this.lastIndex!;
    if (!this.indexes) this.buildIndexes();
    const index = this.indexes!.get(resource);
    if (!index) throw new Error(`Resource ${resource.key} does not belong to this graph`);
    this.lastResource = resource;
    this.lastIndex = index;
    return index;
  }

  private buildIndexes(): void {
    this.indexes = new Map();
    this.deploymentOf = new Map();
    const byId = new Map<string, DocumentIndex>();
    const groups = new Map<string, DocumentIndex[]>();
    const paths = new PathTable();
    for (const doc of this.documents) {
      const index = new DocumentIndex(doc, paths);
      byId.set(doc.id, index);
      for (let i = 0; i < doc.resources.length; i++) this.indexes.set(doc.resources[i], index);
      if (doc.deployment === undefined) this.deploymentOf.set(index, [index]);
      else push(groups, doc.deployment, index);
    }
    for (const members of groups.values()) {
      const links = new Deployment(members, byId);
      for (const m of members) {
        m.links = links;
        this.deploymentOf.set(m, members);
      }
    }
  }
}

/** The facts of the last RECENT resources of one namespace, oldest overwritten first. */
const RECENT = 4;

class RecentFacts {
  private readonly resources: (Resource | undefined)[] = new Array(RECENT).fill(undefined);
  private readonly facts: unknown[] = new Array(RECENT).fill(undefined);
  private next = 0;

  get<T>(resource: Resource, compute: () => T): T {
    for (let i = 0; i < RECENT; i++) if (this.resources[i] === resource) return this.facts[i] as T;
    const fact = compute();
    this.resources[this.next] = resource;
    this.facts[this.next] = fact;
    this.next = (this.next + 1) % RECENT;
    return fact;
  }
}

export function buildGraph(documents: readonly Document[]): ResourceGraph {
  return new Graph(documents);
}

function groupByType(resources: readonly Resource[]): Map<string, Resource[]> {
  const out = new Map<string, Resource[]>();
  for (let i = 0; i < resources.length; i++) push(out, resources[i].type, resources[i]);
  return out;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
