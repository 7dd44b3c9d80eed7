import type { Rule } from '../engine/rule';
import { ruleInfo, type RuleInfo } from './json';
import { TOOL_NAME, TOOL_VERSION } from './tool';
import { compareText } from '../engine/text-order';

/** `zt-check rules`: the rule catalogue with metadata, control mappings and equivalents. */

export const CATALOGUE_FORMATS = ['text', 'json', 'md'] as const;
export type CatalogueFormat = (typeof CATALOGUE_FORMATS)[number];

export interface CatalogueJson {
  readonly tool: { readonly name: string; readonly version: string };
  readonly rules: readonly RuleInfo[];
}

export function renderCatalogue(rules: readonly Rule[], format: CatalogueFormat): string {
  const sorted = [...rules].sort((a, b) => compareText(a.id, b.id));
  if (format === 'json') {
    const doc: CatalogueJson = { tool: { name: TOOL_NAME, version: TOOL_VERSION }, rules: sorted.map(ruleInfo) };
    return `${JSON.stringify(doc, null, 2)}\n`;
  }
  const blocks = sorted.map((r) => {
    const controls = r.controls.map((c) => `${c.framework} ${c.id}`).join(', ') || 'none';
    const equivalents =
      r.equivalents.map((e) => `${e.tool} ${e.id}${e.note ? ` (${e.note})` : ''}`).join(', ') || 'none';
    return [
      `${r.id} [${r.severity}, ${r.layer}] ${r.title}`,
      `  Why: ${r.rationale}`,
      `  Fix: ${r.remediation}`,
      `  Resource types: ${Object.keys(r.checks).sort().join(', ')}`,
      `  Controls: ${controls}`,
      `  Equivalents: ${equivalents}`,
    ].join('\n');
  });
  return `${TOOL_NAME} ${TOOL_VERSION}: ${rules.length} rule(s)\n\n${blocks.join('\n\n')}\n`;
}
