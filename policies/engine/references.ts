import { getAttTarget, intrinsic, parseSub, subArguments } from './cfn-intrinsics';
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

type Sink = (path: string, target: string, attribute?: string) => void;

const join = (path: string, key: string | number): string => (path === '' ? String(key) : `${path}.${key}`);

export function cloudFormationReferences(properties: Record<string, unknown>): RawReference[] {
  const out: RawReference[] = [];
  walkCfn(properties, '', (path, target, attribute) => out.push(mk(path, target, attribute)));
  return out;
}

/** `cache` (string -> its references) may be shared across the resources of a document. */
export function terraformReferences(
  properties: Record<string, unknown>,
  cache: Map<string, TerraformReference[]> = new Map(),
): RawReference[] {
  const out: RawReference[] = [];
  walkTf(properties, '', (path, target, attribute) => out.push(mk(path, target, attribute)), cache);
  return out;
}

function mk(path: string, target: string, attribute?: string): RawReference {
  return attribute === undefined ? { path, target } : { path, target, attribute };
}

function walkCfn(node: unknown, path: string, sink: Sink): void {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) walkCfn(node[i], join(path, i), sink);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const fn = intrinsic(node);
  if (!fn) {
    for (const key in node) walkCfn((node as Record<string, unknown>)[key], join(path, key), sink);
    return;
  }
  const [name, arg] = fn;
  if (name === 'Ref') {
    if (typeof arg === 'string') sink(path, arg);
  } else if (name === 'Fn::GetAtt') {
    const t = getAttTarget(arg);
    if (t) sink(path, t.target, t.attribute);
  } else if (name === 'Fn::Sub') {
    const sub = subArguments(arg);
    if (!sub) return;
    for (const part of parseSub(sub.template)) {
      if (typeof part === 'string' || part.name in sub.variables) continue;
      const dot = part.name.indexOf('.');
      if (dot < 0) sink(path, part.name);
      else sink(path, part.name.slice(0, dot), part.name.slice(dot + 1));
    }
    for (const key in sub.variables) walkArguments(sub.variables[key], path, sink);
  } else if (name === 'Fn::If') {
    if (Array.isArray(arg)) for (let i = 1; i < arg.length; i++) walkCfn(arg[i], path, sink);
  } else if (name !== 'Condition') {
    walkArguments(arg, path, sink);
  }
}

/** Arguments of Fn::Join, Fn::Select, ...: every reference inside counts, at the property's path. */
function walkArguments(node: unknown, path: string, sink: Sink): void {
  if (Array.isArray(node)) {
    for (const item of node) walkArguments(item, path, sink);
  } else if (typeof node === 'object' && node !== null) {
    if (intrinsic(node)) walkCfn(node, path, sink);
    else for (const key in node) walkArguments((node as Record<string, unknown>)[key], path, sink);
  }
}

function walkTf(node: unknown, path: string, sink: Sink, cache: Map<string, TerraformReference[]>): void {
  if (typeof node === 'string') {
    if (!node.includes('${')) return;
    let refs = cache.get(node);
    if (!refs) {
      refs = interpolations(node).flatMap((i) => resourceReferences(i.expression));
      cache.set(node, refs);
    }
    for (const ref of refs) sink(path, ref.address, ref.attribute);
  } else if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) walkTf(node[i], join(path, i), sink, cache);
  } else if (typeof node === 'object' && node !== null) {
    for (const key in node) walkTf((node as Record<string, unknown>)[key], join(path, key), sink, cache);
  }
}
