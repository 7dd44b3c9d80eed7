import type { AppliedWaiver, DocumentSummary, EvaluationResult, EvaluationSummary, Finding } from '../engine/finding';
import type { Rule, RuleMetadata, Severity } from '../engine/rule';
import {
  displayPaths,
  isGating,
  requireEveryFinding,
  ruleMap,
  skippedInputs,
  sortedFindings,
  sortedWaivers,
  uncoveredTypes,
  verdictOf,
  waiverStates,
  type WaiverState,
} from './common';
import { remediationFor } from './remediation';
import { collect, JsonObjectWriter, type Sink } from './sink';
import type { SummaryOptions } from './summary';
import { TOOL_NAME, TOOL_VERSION } from './tool';

/**
 * The stable machine shape (`schemaVersion` bumps on any breaking change; fields are only added).
 * Files are relative to cwd with forward slashes and every list is sorted, so two runs over the
 * same input are identical. Written field by field and finding by finding (100k resources).
 */

export const JSON_SCHEMA_VERSION = 1;

export interface RuleInfo extends RuleMetadata {
  readonly resourceTypes: readonly string[];
}

export interface JsonReport {
  readonly schemaVersion: number;
  readonly tool: { readonly name: string; readonly version: string };
  readonly threshold: Severity;
  readonly failOnUnknown: boolean;
  readonly failOnUncovered: boolean;
  /** The gate's verdict, as the exit code: no gating finding and (under failOnUncovered) no uncovered type. */
  readonly passed: boolean;
  /** False when a named input could not be read (the CLI exits 2). */
  readonly complete: boolean;
  readonly summary: EvaluationSummary & { readonly failing: number; readonly gating: number };
  readonly findings: readonly (Finding & { readonly remediation?: string })[];
  readonly waivers: readonly (AppliedWaiver & { readonly state: WaiverState })[];
  readonly coverage: { readonly uncovered: readonly { readonly type: string; readonly count: number }[] };
  readonly skipped: readonly { readonly path: string; readonly reason: string }[];
  readonly documents: readonly DocumentSummary[];
  readonly rules: readonly RuleInfo[];
}

/** Rule metadata without the check functions (which are not data). */
export function ruleInfo(rule: Rule): RuleInfo {
  return {
    id: rule.id,
    title: rule.title,
    severity: rule.severity,
    layer: rule.layer,
    rationale: rule.rationale,
    remediation: rule.remediation,
    ...(rule.remediationBy ? { remediationBy: rule.remediationBy } : {}),
    controls: rule.controls,
    equivalents: rule.equivalents,
    resourceTypes: Object.keys(rule.checks).sort(),
  };
}

export function writeJson(
  result: EvaluationResult,
  rules: readonly Rule[],
  sink: Sink,
  options: SummaryOptions = {},
): void {
  requireEveryFinding(result, 'JSON');
  const threshold = options.threshold ?? 'low';
  const rel = displayPaths(options.cwd);
  const catalogue = ruleMap(rules);
  const stateOf = waiverStates(result, options, rules);
  const verdict = verdictOf(result, options);
  const failing = result.findings.filter((f) => f.status === 'fail').length;
  const gating = result.findings.filter((f) => isGating(f, options)).length;
  const finding = (f: Finding) => {
    const rule = catalogue.get(f.ruleId);
    return {
      ...f,
      source: { ...f.source, file: rel(f.source.file) },
      ...(f.waiver ? { waiver: { ...f.waiver, source: { ...f.waiver.source, file: rel(f.waiver.source.file) } } } : {}),
      ...(rule && f.status !== 'pass' && f.status !== 'not_applicable' ? { remediation: remediationFor(rule, f) } : {}),
    };
  };
  const w = new JsonObjectWriter(sink)
    .field('schemaVersion', JSON_SCHEMA_VERSION)
    .field('tool', { name: TOOL_NAME, version: TOOL_VERSION })
    .field('threshold', threshold)
    .field('failOnUnknown', options.failOnUnknown === true)
    .field('failOnUncovered', options.failOnUncovered === true)
    .field('passed', !verdict.failed)
    .field('complete', options.incomplete !== true)
    .field('summary', { ...result.summary, failing, gating })
    .array('findings', sortedFindings(result), finding)
    .array('waivers', sortedWaivers(result), (x) => ({
      ...x,
      source: { ...x.source, file: rel(x.source.file) },
      state: stateOf(x),
    }))
    .field('coverage', { uncovered: uncoveredTypes(result) })
    .field(
      'skipped',
      skippedInputs(result).map((s) => ({ ...s, path: rel(s.path) })),
    )
    .array(
      'documents',
      result.documents.map((d) => ({ ...d, file: rel(d.file) })).sort((a, b) => (a.file < b.file ? -1 : 1)),
    )
    .array(
      'rules',
      [...rules].sort((a, b) => (a.id < b.id ? -1 : 1)),
      ruleInfo,
    );
  w.end();
  sink('\n');
}

export function toJsonReport(
  result: EvaluationResult,
  rules: readonly Rule[],
  options: SummaryOptions = {},
): JsonReport {
  return JSON.parse(collect((sink) => writeJson(result, rules, sink, options))) as JsonReport;
}
