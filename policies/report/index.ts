import type { EvaluationResult } from '../engine/finding';
import type { Rule } from '../engine/rule';
import { renderJson } from './json';
import { renderJunit } from './junit';
import { renderSarif } from './sarif';
import { renderText, type TextOptions } from './text';

/** One entry point for every report format; reporters never evaluate, they only format a result. */

export const REPORT_FORMATS = ['text', 'json', 'sarif', 'junit'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}

export function render(
  result: EvaluationResult,
  rules: readonly Rule[],
  format: ReportFormat,
  options: TextOptions = {},
): string {
  switch (format) {
    case 'text':
      return renderText(result, rules, options);
    case 'json':
      return renderJson(result, rules, options);
    case 'sarif':
      return renderSarif(result, rules, options);
    case 'junit':
      return renderJunit(result, rules, options);
  }
}

export type { RenderOptions } from './common';
export type { TextOptions, TextSection } from './text';
export { summaryLine } from './text';
export { toJsonReport, ruleInfo, type JsonReport, type RuleInfo } from './json';
export { toSarif } from './sarif';
export { renderCatalogue, CATALOGUE_FORMATS, type CatalogueFormat } from './catalogue';
export { TOOL_NAME, TOOL_VERSION } from './tool';
