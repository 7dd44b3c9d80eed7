import type { AppliedWaiver, EvaluationResult, Finding } from '../engine/finding';
import type { Rule } from '../engine/rule';
import {
  displayPath,
  groupBy,
  isGating,
  qualifiedName,
  ruleMap,
  severityBreakdown,
  sortedFindings,
  sortedWaivers,
  waiverState,
  type RenderOptions,
} from './common';
import { TOOL_NAME, TOOL_VERSION } from './tool';

/** Human report: failures grouped by rule, unknowns with their reason, every waiver, one summary line. */

export type TextSection = 'failures' | 'unknowns' | 'waivers' | 'summary';

export interface TextOptions extends RenderOptions {
  /** Sections to print, in this order. Integrations that show failures themselves print only waivers. */
  readonly sections?: readonly TextSection[];
}

const ALL_SECTIONS: readonly TextSection[] = ['failures', 'unknowns', 'waivers', 'summary'];

export function renderText(result: EvaluationResult, rules: readonly Rule[], options: TextOptions = {}): string {
  const sections = options.sections ?? ALL_SECTIONS;
  const blocks: string[] = [];
  const header = `${TOOL_NAME} ${TOOL_VERSION}: ${result.documents.length} document(s), ${result.summary.resources} resource(s), ${rules.length} rule(s)`;
  if (sections === ALL_SECTIONS) blocks.push(header);
  for (const section of sections) {
    const block = SECTION_RENDERERS[section](result, rules, options);
    if (block) blocks.push(block);
  }
  return `${blocks.join('\n\n')}\n`;
}

type SectionRenderer = (result: EvaluationResult, rules: readonly Rule[], options: TextOptions) => string | undefined;

const SECTION_RENDERERS: Record<TextSection, SectionRenderer> = {
  failures: renderFailures,
  unknowns: renderUnknowns,
  waivers: renderWaivers,
  summary: (result, _rules, options) => summaryLine(result, options),
};

function renderFailures(result: EvaluationResult, rules: readonly Rule[], options: TextOptions): string | undefined {
  const failing = sortedFindings(result).filter((f) => f.status === 'fail');
  if (failing.length === 0) return undefined;
  const catalogue = ruleMap(rules);
  const blocks: string[] = [];
  for (const [ruleId, findings] of groupBy(failing, (f) => f.ruleId)) {
    const rule = catalogue.get(ruleId);
    const first = findings[0];
    const lines = [`FAIL ${ruleId} [${first.severity}] ${rule?.title ?? first.title}`];
    for (const f of findings) lines.push(...findingLines(f, options));
    if (rule) lines.push(`  Remediation: ${rule.remediation}`);
    blocks.push(lines.join('\n'));
  }
  return blocks.join('\n\n');
}

function findingLines(f: Finding, options: TextOptions): string[] {
  const below = isGating(f, options.threshold) ? '' : ' (below threshold)';
  const lines = [
    `  - ${f.resource.address} (${f.resource.type})${below}`,
    `      file: ${displayPath(f.source.file, options.cwd)}`,
  ];
  if (f.source.constructPath) lines.push(`      construct: ${f.source.constructPath}`);
  if (f.path) lines.push(`      property: ${f.path}`);
  if (f.kind === 'expired-waiver' && f.waiver) lines.push(`      expired waiver: ${describeWaiver(f.waiver)}`);
  lines.push(`      ${f.message}`);
  return lines;
}

function renderUnknowns(result: EvaluationResult, _rules: readonly Rule[], options: TextOptions): string | undefined {
  const unknowns = sortedFindings(result).filter((f) => f.status === 'unknown');
  if (unknowns.length === 0) return undefined;
  const lines = [`UNKNOWN (${unknowns.length}): could not be decided from the synthesized files`];
  for (const f of unknowns) {
    const where = `${f.resource.address} in ${displayPath(f.source.file, options.cwd)}`;
    lines.push(`  - ${f.ruleId} ${where}${f.path ? ` at ${f.path}` : ''}: ${f.message}`);
  }
  return lines.join('\n');
}

const STATE_LABEL = { applied: 'applied', expired: 'EXPIRED', unmatched: 'unmatched' } as const;

function renderWaivers(result: EvaluationResult, _rules: readonly Rule[], options: TextOptions): string | undefined {
  const waivers = sortedWaivers(result);
  if (waivers.length === 0) return 'WAIVERS: none';
  const lines = [`WAIVERS (${waivers.length}):`];
  for (const w of waivers) {
    const where = `${w.resource.address} in ${displayPath(w.source.file, options.cwd)}`;
    lines.push(`  - [${STATE_LABEL[waiverState(w)]}] ${w.ruleId} on ${where}: ${describeWaiver(w)}`);
    if (w.source.constructPath) lines.push(`      construct: ${w.source.constructPath}`);
  }
  return lines.join('\n');
}

function describeWaiver(w: AppliedWaiver): string {
  const expiry = w.expires ? `expires ${w.expires}` : 'no expiry';
  return `"${w.reason}" (${expiry}; from ${w.origin})`;
}

/** One line, e.g. "2 failing (1 critical, 1 high), 1 unknown, 3 waived, 40 passed, 2 n/a; 2 waiver(s), 1 expired". */
export function summaryLine(result: EvaluationResult, options: RenderOptions = {}): string {
  const failing = result.findings.filter((f) => f.status === 'fail');
  const gating = failing.filter((f) => isGating(f, options.threshold));
  const breakdown = failing.length > 0 ? ` (${severityBreakdown(failing)})` : '';
  const threshold =
    options.threshold && options.threshold !== 'low' ? `, ${gating.length} at or above ${options.threshold}` : '';
  const s = result.summary;
  const expired = result.waivers.filter((w) => w.expired).length;
  const verdict = gating.length > 0 ? 'FAILED' : 'PASSED';
  return (
    `${verdict}: ${failing.length} failing${breakdown}${threshold}, ${s.unknown} unknown, ${s.waived} waived, ` +
    `${s.pass} passed, ${s.notApplicable} n/a across ${s.resources} resource(s) in ${result.documents.length} ` +
    `document(s); ${result.waivers.length} waiver(s), ${expired} expired`
  );
}

/** For integrations' messages: "ZT-DATA-001 on Bucket (Main/Bucket/Resource)". */
export function findingLabel(f: Finding): string {
  return `${f.ruleId} on ${f.resource.address} (${qualifiedName(f)})`;
}
