import type { Document, Resource } from './model';
import type { Resolved } from './resolved';
import type { PathTable } from './walk';

/**
 * The one interface behind which a source shape's expressions live: CloudFormation intrinsics,
 * Terraform `${...}` interpolations, later Pulumi inputs. The generic path walk, the graph and the
 * rules never branch on the format; they ask the document's dialect.
 */
export interface Dialect {
  /** What a raw value means (a literal stays a literal). */
  resolve(scope: Scope, raw: unknown): Resolved;
  /** True when `node` is an expression the dialect must resolve before a path can step into it. */
  isExpression(node: unknown): boolean;
  /** A conditional whose branches a path walk follows separately (CFN Fn::If), else undefined. */
  branches(node: unknown): { readonly condition: string; readonly branches: readonly unknown[] } | undefined;
  /** Every reference mentioned in `properties`, with the dotted property path where it sits. */
  forEachReference(properties: Record<string, unknown>, sink: ReferenceSink, scope: Scope): void;
}

/** Receives each reference found: the joined property path, the target address, the attribute. */
export type ReferenceSink = (path: string, target: string, attribute?: string) => void;

/** A value found in another document of the same deployment, with the scope to resolve it in. */
export interface Linked {
  readonly scope: Scope;
  readonly raw: unknown;
}

/**
 * References across documents of one deployment (a cloud assembly, a cdktf.out): nested-stack
 * parameters, Fn::ImportValue, nested-stack outputs, cdktf cross-stack outputs.
 */
export interface DeploymentLinks {
  /** What the parent stack passes for parameter `name` of a nested stack (or its Default). */
  parentParameter(scope: Scope, name: string): Linked | undefined;
  /** The `Export` named `name` in any stack of the deployment. */
  exported(scope: Scope, name: string): Linked | undefined;
  /** Output `name` of the nested stack created by `stack` (Fn::GetAtt Stack.Outputs.name). */
  nestedOutput(stack: Resource, name: string): Linked | undefined;
  /** A Terraform output of another stack of the deployment (cdktf cross-stack references). */
  remoteOutput(scope: Scope, state: string, output: string): Linked | undefined;
}

/** One document as the resolver sees it. */
export interface Scope {
  readonly document: Document;
  /** Address -> resource of the document. */
  readonly resources: ReadonlyMap<string, Resource>;
  readonly dialect: Dialect;
  /** The dialect's per-document memo (Terraform strings with interpolations repeat a lot). */
  readonly cache: Map<string, unknown>;
  /** The property paths of the graph's documents (walk.ts): reference edges share one copy of each. */
  readonly paths: PathTable;
  readonly links?: DeploymentLinks;
}

/** Bounds on chains the resolver follows (locals, parameters, imports): a cycle becomes unknown. */
export const MAX_HOPS = 64;
