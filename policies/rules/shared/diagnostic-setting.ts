import type { ResourceGraph } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import { type CheckResult, fail, pass, unknown } from '../../engine/rule';
import { isPresent, joinPath, listLength, readBoolean, readString } from './read';

/**
 * What the rules that read an azurerm_monitor_diagnostic_setting share: where it sends its records,
 * and which log categories it exports. One reading, so the rules agree on what "logged" means.
 */
const DESTINATIONS = [
  'log_analytics_workspace_id',
  'storage_account_id',
  'eventhub_authorization_rule_id',
  'partner_solution_id',
];

/** The failure of a setting that names no destination, or undefined when it names one. */
export function missingDestination(g: ResourceGraph, d: Resource): CheckResult | undefined {
  return DESTINATIONS.some((p) => isPresent(g, d, p))
    ? undefined
    : fail('sends its records nowhere: set log_analytics_workspace_id', 'log_analytics_workspace_id');
}

/** A category or category group the caller is looking for (e.g. GatewayLogs or allLogs), or any log at all. */
export type LogWanted = 'any' | ((category: string | undefined, group: string | undefined) => boolean);

export type ExportedLog =
  | { readonly kind: 'found'; readonly path: string; readonly name: string }
  | { readonly kind: 'unknown'; readonly at: string }
  | { readonly kind: 'none' };

const hasDynamicLogs = (d: Resource): boolean => {
  const dyn = (d.properties as Record<string, unknown>).dynamic;
  return typeof dyn === 'object' && dyn !== null && ('enabled_log' in dyn || 'log' in dyn);
};

/**
 * The first enabled log entry `wanted` accepts, in enabled_log (azurerm 3.x/4.x) or the older log
 * block (with its own enabled flag). A found entry wins over undecided ones: one wanted export suffices.
 */
export function exportedLog(g: ResourceGraph, d: Resource, wanted: LogWanted): ExportedLog {
  let undecided: string | undefined;
  for (const block of ['enabled_log', 'log']) {
    const n = listLength(g, d, block);
    if (n.kind === 'unknown') undecided ??= block;
    for (let i = 0; n.kind === 'value' && i < n.value; i++) {
      const at = joinPath(block, i);
      const category = readString(g, d, joinPath(at, 'category'));
      const group = readString(g, d, joinPath(at, 'category_group'));
      const on = block === 'log' ? readBoolean(g, d, joinPath(at, 'enabled')) : undefined;
      if (on?.kind === 'unknown') {
        undecided ??= at;
        continue;
      }
      if (on?.kind === 'value' && !on.value) continue;
      if (wanted === 'any') return { kind: 'found', path: at, name: 'a log category' };
      if (category.kind === 'unknown' || group.kind === 'unknown') {
        undecided ??= at;
        continue;
      }
      const c = category.kind === 'value' ? category.value : undefined;
      const gr = group.kind === 'value' ? group.value : undefined;
      if (wanted(c, gr)) return { kind: 'found', path: at, name: c ?? gr ?? at };
    }
  }
  if (hasDynamicLogs(d)) undecided ??= 'dynamic enabled_log';
  return undecided ? { kind: 'unknown', at: undecided } : { kind: 'none' };
}

/**
 * A diagnostic setting judged for one export: a destination, and a log entry `wanted` accepts.
 * `missing` is the failure text when none does.
 */
export function judgeLogExport(
  g: ResourceGraph,
  d: Resource,
  wanted: LogWanted,
  text: { readonly what: string; readonly missing: string },
): CheckResult {
  const nowhere = missingDestination(g, d);
  if (nowhere) return nowhere;
  const e = exportedLog(g, d, wanted);
  if (e.kind === 'found') return pass(`exports ${text.what} (${e.path}: ${e.name})`, e.path);
  if (e.kind === 'unknown')
    return unknown(`whether ${text.what} is exported is decided at plan time (${e.at})`, 'enabled_log');
  return fail(text.missing, 'enabled_log');
}
