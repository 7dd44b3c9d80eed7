import type { ResourceGraph } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import { CheckResult, unknown } from '../../engine/rule';
import { isPresent, joinPath, rawAt } from './read';

/**
 * Where a Terraform nested block lives. Terraform JSON writes `dynamic "x" { for_each, content }`
 * as `"dynamic": { "x": [{ "for_each": ..., "content": [{...}] }] }`; whether such a block is
 * rendered at all is decided by `for_each` at plan time, so it can only ever make a check
 * `unknown`, never `pass`.
 */
export type BlockLocation =
  | { readonly kind: 'static'; readonly path: string }
  | { readonly kind: 'dynamic'; readonly path: string }
  | { readonly kind: 'absent'; readonly path: string };

export function tfBlock(g: ResourceGraph, res: Resource, parent: string, name: string): BlockLocation {
  const staticPath = joinPath(parent, name);
  if (isPresent(g, res, staticPath)) return { kind: 'static', path: staticPath };
  const dynamicPath = joinPath(parent, 'dynamic', name, 'content');
  if (rawAt(res, joinPath(parent, 'dynamic', name)) !== undefined) return { kind: 'dynamic', path: dynamicPath };
  return { kind: 'absent', path: staticPath };
}

/**
 * Every block of our rules is required (its absence fails), so a dynamic block whose content
 * fails, fails either way; one whose content passes is only as good as its for_each.
 */
export function throughDynamic(loc: BlockLocation, result: CheckResult): CheckResult {
  if (loc.kind !== 'dynamic' || result.verdict !== 'pass') return result;
  return unknown(
    `${loc.path} comes from a dynamic block whose for_each is decided at plan time; ${result.message}`,
    loc.path,
  );
}

/**
 * A flag that must not be true, in a block that may be dynamic: the content of a dynamic block is
 * rendered only if its for_each is non-empty, so a failing content is unknown and a passing one passes
 * (the inverse of throughDynamic, which is for blocks that must exist).
 */
export function forbiddenInBlock(loc: BlockLocation, result: CheckResult): CheckResult {
  if (loc.kind !== 'dynamic' || result.verdict !== 'fail') return result;
  return unknown(`${result.message}, if the dynamic block (for_each decided at plan time) is rendered`, result.path);
}
