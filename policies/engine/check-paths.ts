import { evaluate, type EvaluateOptions } from './evaluate';
import type { EvaluationResult } from './finding';
import { loadPaths } from './load';
import { buildGraph } from './resource-graph';
import type { Rule } from './rule';

/** Load + graph + evaluate in one call (integrations and the CLI). Throws InputError for bad input. */
export function checkPaths(
  paths: readonly string[],
  rules: readonly Rule[],
  options?: EvaluateOptions,
): EvaluationResult {
  return evaluate(buildGraph(loadPaths(paths)), rules, options);
}
