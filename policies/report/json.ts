import type { AppliedWaiver, DocumentSummary, EvaluationResult, EvaluationSummary, Finding } from '../engine/finding';
import type { Rule, RuleMetadata, Severity } from '../engine/rule';
import {
  displayPath,
  isGating,
  sortedFindings,
  sortedWaivers,
  waiverState,
  type RenderOptions,
  type WaiverState,
} from './common';
import { TOOL_NAME, TOOL_VERSION } from './tool';

/**
 * The stable machine shape (`schemaVersion` bumps on any breaking change). Files are relative to
 * cwd with forward slashes, and every list is sorted, so two runs over the same input are identical.
 */

export const JSON_SCHEMA_VERSION = 1;

export interface RuleInfo extends RuleMetadata {
  readonly resourceTypes: readonly string[];
}

export interface JsonReport {
  readonly schemaVersion: number;
  readonly tool: { readonly name: string; readonly version: string };
  readonly threshold: Severity;
  /** True when no failing finding is at or above the threshold. */
  readonly passed: boolean;
  readonly summary: EvaluationSummary & { readonly failing: number; readonly gating: number };
  readonly findings: readonly Finding[];
  readonly waivers: readonly (AppliedWaiver & { readonly state: WaiverState })[];
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
    controls: rule.controls,
    equivalents: rule.equivalents,
    resourceTypes: Object.keys(rule.checks).sort(),
  };
}

export function toJsonReport(
  result: EvaluationResult,
  rules: readonly Rule[],
  options: RenderOptions = {},
): JsonReport {
  const threshold = options.threshold ?? 'low';
  const rel = (file: string) => displayPath(file, options.cwd);
  const failing = result.findings.filter((f) => f.status === 'fail');
  const gating = failing.filter((f) => isGating(f, threshold)).length;
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    threshold,
    passed: gating === 0,
    summary: { ...result.summary, failing: failing.length, gating },
    findings: sortedFindings(result).map((f) => ({
      ...f,
      source: { ...f.source, file: rel(f.source.file) },
      ...(f.waiver ? { waiver: { ...f.waiver, source: { ...f.waiver.source, file: rel(f.waiver.source.file) } } } : {}),
    })),
    waivers: sortedWaivers(result).map((w) => ({
      ...w,
      source: { ...w.source, file: rel(w.source.file) },
      state: waiverState(w),
    })),
    documents: result.documents.map((d) => ({ ...d, file: rel(d.file) })).sort((a, b) => a.file.localeCompare(b.file)),
    rules: [...rules].sort((a, b) => a.id.localeCompare(b.id)).map(ruleInfo),
  };
}

export function renderJson(result: EvaluationResult, rules: readonly Rule[], options: RenderOptions = {}): string {
  return `${JSON.stringify(toJsonReport(result, rules, options), null, 2)}\n`;
}
