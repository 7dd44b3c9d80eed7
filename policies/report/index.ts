import type { EvaluationResult } from '../engine/finding';
import type { Rule } from '../engine/rule';
import { writeJson } from './json';
import { writeJunit } from './junit';
import { writeSarif } from './sarif';
import { collect, type Sink } from './sink';
import { writeText, type TextOptions } from './text';

/** One entry point for every report format; reporters never evaluate, they only format a result. */

export const REPORT_FORMATS = ['text', 'json', 'sarif', 'junit'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}

/** Writes the report chunk by chunk to `sink` (never one string: large runs exceed V8's limit). */
export function writeReport(
  result: EvaluationResult,
  rules: readonly Rule[],
  format: ReportFormat,
  sink: Sink,
  options: TextOptions = {},
): void {
  switch (format) {
    case 'text':
      return writeText(result, rules, sink, options);
    case 'json':
      return writeJson(result, rules, sink, options);
    case 'sarif':
      return writeSarif(result, rules, sink, options);
    case 'junit':
      return writeJunit(result, rules, sink, options);
  }
}

/** The report as one string: for small results (integrations' notes, tests). */
export function render(
  result: EvaluationResult,
  rules: readonly Rule[],
  format: ReportFormat,
  options: TextOptions = {},
): string {
  return collect((sink) => writeReport(result, rules, format, sink, options));
}

export type { RenderOptions, WaiverState } from './common';
export type { TextOptions, TextSection } from './text';
export type { SummaryOptions } from './summary';
export type { Sink } from './sink';
export { summaryLine, verdictWord } from './summary';
export { findingLabel } from './text';
export { cleanText } from './sanitize';
export { remediationFor, selectRemediation, sourceTool } from './remediation';
export { toJsonReport, ruleInfo, type JsonReport, type RuleInfo } from './json';
export { toSarif, GITHUB_MAX_RESULTS } from './sarif';
export { renderCatalogue, CATALOGUE_FORMATS, type CatalogueFormat } from './catalogue';
export { TOOL_NAME, TOOL_VERSION, TOOL_REPOSITORY_URL } from './tool';
