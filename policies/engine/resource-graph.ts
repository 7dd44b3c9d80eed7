import type { Resolved, ResourceGraph } from './graph';
import type { Document, Reference, Resource } from './model';
import { forEachCloudFormationReference, forEachTerraformReference, type ReferenceSink } from './references';
import { resolve, resolvePath, type Scope } from './resolve';
import type { TerraformReference } from './tf-expressions';

/**
 * The ResourceGraph (graph.ts) over loaded documents. Indexes are built on first use and kept:
 * type and document indexes with the first query, a document's reference edges (one walk over its
 * resources) with the first question about references in that document; memoized facts with their
 * first request. References never cross documents.
 */

const EMPTY: readonly never[] = Object.freeze([]);

class DocumentIndex implements Scope {
  readonly resources = new Map<string, Resource>();
  readonly interpolated = new Map<string, Resolved>();
  private types?: Map<string, Resource[]>;
  private outgoing?: Map<Resource, Reference[]>;
  private incoming?: Map<Resource, Reference[]>;

  constructor(readonly document: Document) {
    for (const r of document.resources) this.resources.set(r.address, r);
  }

  byType(type: string): readonly Resource[] {
    if (!this.types) this.types = groupByType(this.document.resources);
    return this.types.get(type) ?? EMPTY;
  }

  from(resource: Resource): readonly Reference[] {
    if (!this.outgoing) this.buildEdges();
    return this.outgoing!.get(resource) ?? EMPTY;
  }

  to(resource: Resource): readonly Reference[] {
    if (!this.incoming) this.buildEdges();
    return this.incoming!.get(resource) ?? EMPTY;
  }

  private buildEdges(): void {
    const outgoing = new Map<Resource, Reference[]>();
    const incoming = new Map<Resource, Reference[]>();
    const terraform = this.document.format === 'terraform';
    const strings = new Map<string, TerraformReference[]>();
    for (const from of this.document.resources) {
      const sink: ReferenceSink = (path, target, attribute) => {
        const to = this.resources.get(target);
        if (!to) return; // parameters, pseudo parameters, data sources, other documents
        const edge: Reference = attribute === undefined ? { from, to, path } : { from, to, path, attribute };
        push(outgoing, from, edge);
        push(incoming, to, edge);
      };
      if (terraform) forEachTerraformReference(from.properties, sink, strings);
      else forEachCloudFormationReference(from.properties, sink);
    }
    this.outgoing = outgoing;
    this.incoming = incoming;
  }
}

class Graph implements ResourceGraph {
  private all?: readonly Resource[];
  private types?: Map<string, Resource[]>;
  private indexes?: Map<Resource, DocumentIndex>;
  private readonly segmentCache = new Map<string, readonly string[]>();
  private readonly memos = new Map<string, Map<Resource, unknown>>();
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

  referencesFrom(resource: Resource): readonly Reference[] {
    return this.indexOf(resource).from(resource);
  }

  referencedBy(resource: Resource): readonly Reference[] {
    return this.indexOf(resource).to(resource);
  }

  value(resource: Resource, path: string): Resolved {
    return resolvePath(this.indexOf(resource), resource.properties, this.segments(path));
  }

  resolve(resource: Resource, raw: unknown): Resolved {
    return resolve(this.indexOf(resource), raw);
  }

  memo<T>(namespace: string, resource: Resource, compute: () => T): T {
    let facts = this.memos.get(namespace);
    if (!facts) this.memos.set(namespace, (facts = new Map()));
    const known = facts.get(resource);
    if (known !== undefined || facts.has(resource)) return known as T;
    const fact = compute();
    facts.set(resource, fact);
    return fact;
  }

  private segments(path: string): readonly string[] {
    let segments = this.segmentCache.get(path);
    if (!segments) {
      segments = path === '' ? EMPTY : path.split('.');
      this.segmentCache.set(path, segments);
    }
    return segments;
  }

  private indexOf(resource: Resource): DocumentIndex {
    // Checks ask many questions about one resource in a row.
    if (resource === this.lastResource) return this.lastIndex!;
    if (!this.indexes) {
      this.indexes = new Map();
      for (const doc of this.documents) {
        const index = new DocumentIndex(doc);
        for (const r of doc.resources) this.indexes.set(r, index);
      }
    }
    const index = this.indexes.get(resource);
    if (!index) throw new Error(`Resource ${resource.key} does not belong to this graph`);
    this.lastResource = resource;
    this.lastIndex = index;
    return index;
  }
}

export function buildGraph(documents: readonly Document[]): ResourceGraph {
  return new Graph(documents);
}

function groupByType(resources: readonly Resource[]): Map<string, Resource[]> {
  const out = new Map<string, Resource[]>();
  for (const r of resources) push(out, r.type, r);
  return out;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
