import { getAttTarget, intrinsicName, parseSub, subArguments } from './cfn-intrinsics';
import { interpolations, resourceReferences, type TerraformReference } from './tf-expressions';

/**
 * Raw references found in a resource's properties: `target` is an address that may or may not
 * be a resource of the document (the graph keeps only those that are). `path` is the dotted
 * property path where the reference sits (array indexes as numbers); intrinsic function
 * arguments do not add to the path, Fn::If branches do since they are property values.
 */
export interface RawReference {
  readonly path: string;
  readonly target: string;
  readonly attribute?: string;
}

/** Receives each reference found: the joined property path, the target address, the attribute. */
export type ReferenceSink = (path: string, target: string, attribute?: string) => void;
type Sink = ReferenceSink;

/**
 * The walkers keep the property path as a stack of segments and join it only where a reference
 * is found: most nodes hold none, and building a path string for each was most of the walk's cost.
 */
type Segments = (string | number)[];

export function cloudFormationReferences(properties: Record<string, unknown>): RawReference[] {
  const out: RawReference[] = [];
  forEachCloudFormationReference(properties, (path, target, attribute) => out.push(mk(path, target, attribute)));
  return out;
}

/** `cache` (string -> its references) may be shared across the resources of a document. */
export function terraformReferences(
  properties: Record<string, unknown>,
  cache: Map<string, TerraformReference[]> = new Map(),
): RawReference[] {
  const out: RawReference[] = [];
  forEachTerraformReference(properties, (path, target, attribute) => out.push(mk(path, target, attribute)), cache);
  return out;
}

export function forEachCloudFormationReference(properties: Record<string, unknown>, sink: ReferenceSink): void {
  walkCfn(properties, [], sink);
}

export function forEachTerraformReference(
  properties: Record<string, unknown>,
  sink: ReferenceSink,
  cache: Map<string, TerraformReference[]>,
): void {
  walkTf(properties, [], sink, cache);
}

function mk(path: string, target: string, attribute?: string): RawReference {
  return attribute === undefined ? { path, target } : { path, target, attribute };
}

function walkCfn(node: unknown, at: Segments, sink: Sink): void {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      const child: unknown = node[i];
      if (typeof child !== 'object' || child === null) continue; // a literal holds no reference
      at.push(i);
      walkCfn(child, at, sink);
      at.pop();
    }
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const name = intrinsicName(node);
  if (name === undefined) {
    for (const key in node) {
      const child = (node as Record<string, unknown>)[key];
      if (typeof child !== 'object' || child === null) continue;
      at.push(key);
      walkCfn(child, at, sink);
      at.pop();
    }
    return;
  }
  const arg = (node as Record<string, unknown>)[name];
  if (name === 'Ref') {
    if (typeof arg === 'string') sink(at.join('.'), arg);
  } else if (name === 'Fn::GetAtt') {
    if (Array.isArray(arg) && typeof arg[0] === 'string') {
      sink(at.join('.'), arg[0], typeof arg[1] === 'string' ? arg[1] : undefined);
    } else {
      const t = getAttTarget(arg);
      if (t) sink(at.join('.'), t.target, t.attribute);
    }
  } else if (name === 'Fn::Sub') {
    const sub = subArguments(arg);
    if (!sub) return;
    for (const part of parseSub(sub.template)) {
      if (typeof part === 'string' || part.name in sub.variables) continue;
      const dot = part.name.indexOf('.');
      if (dot < 0) sink(at.join('.'), part.name);
      else sink(at.join('.'), part.name.slice(0, dot), part.name.slice(dot + 1));
    }
    for (const key in sub.variables) walkArguments(sub.variables[key], at, sink);
  } else if (name === 'Fn::If') {
    if (Array.isArray(arg)) for (let i = 1; i < arg.length; i++) walkCfn(arg[i], at, sink);
  } else if (name !== 'Condition') {
    walkArguments(arg, at, sink);
  }
}

/** Arguments of Fn::Join, Fn::Select, ...: every reference inside counts, at the property's path. */
function walkArguments(node: unknown, at: Segments, sink: Sink): void {
  if (Array.isArray(node)) {
    for (const item of node) walkArguments(item, at, sink);
  } else if (typeof node === 'object' && node !== null) {
    if (intrinsicName(node) !== undefined) walkCfn(node, at, sink);
    else for (const key in node) walkArguments((node as Record<string, unknown>)[key], at, sink);
  }
}

function walkTf(node: unknown, at: Segments, sink: Sink, cache: Map<string, TerraformReference[]>): void {
  if (typeof node === 'string') {
    if (!node.includes('${')) return;
    let refs = cache.get(node);
    if (!refs) {
      refs = interpolations(node).flatMap((i) => resourceReferences(i.expression));
      cache.set(node, refs);
    }
    if (refs.length === 0) return;
    const path = at.join('.');
    for (const ref of refs) sink(path, ref.address, ref.attribute);
  } else if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      at.push(i);
      walkTf(node[i], at, sink, cache);
      at.pop();
    }
  } else if (typeof node === 'object' && node !== null) {
    for (const key in node) {
      at.push(key);
      walkTf((node as Record<string, unknown>)[key], at, sink, cache);
      at.pop();
    }
  }
}
