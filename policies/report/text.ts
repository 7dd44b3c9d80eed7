import type { AppliedWaiver, EvaluationResult, Finding } from '../engine/finding';
import type { Rule } from '../engine/rule';
import {
  displayPath,
  displayPaths,
  groupBy,
  isGating,
  qualifiedName,
  ruleMap,
  skippedInputs,
  sortedFindingsWhere,
  sortedWaivers,
  uncoveredTypes,
  waiverStates,
} from './common';
import { remediationFor } from './remediation';
import { cleanText as c } from './sanitize';
import { collect, type Sink } from './sink';
import { summaryLine, type SummaryOptions } from './summary';
import { TOOL_NAME, TOOL_VERSION } from './tool';

/**
 * Human report: failures grouped by rule, unknowns with their reason, uncovered types, skipped
 * inputs, every waiver, one summary line. Every string from the input goes through cleanText.
 */

export type TextSection = 'failures' | 'unknowns' | 'coverage' | 'skipped' | 'waivers' | 'summary';

export interface TextOptions extends SummaryOptions {
  /** Sections to print, in this order. Integrations that show failures themselves print only waivers. */
  readonly sections?: readonly TextSection[];
  /** Only what fails the gate (and skipped inputs) plus the summary line. */
  readonly quiet?: boolean;
  /** One line per finding, waiver, uncovered type and skipped input. */
  readonly compact?: boolean;
  /** ANSI colour (the CLI sets it only for a TTY without NO_COLOR / --no-color). @default false */
  readonly color?: boolean;
}

const ALL_SECTIONS: readonly TextSection[] = ['failures', 'unknowns', 'coverage', 'skipped', 'waivers', 'summary'];
const QUIET_SECTIONS: readonly TextSection[] = ['failures', 'unknowns', 'coverage', 'skipped', 'summary'];

type Paint = (code: number, text: string) => string;

interface Ctx {
  readonly result: EvaluationResult;
  readonly rules: readonly Rule[];
  readonly options: TextOptions;
  readonly paint: Paint;
  readonly where: (f: Pick<Finding, 'source'>) => string;
  readonly sink: Sink;
}

export function writeText(
  result: EvaluationResult,
  rules: readonly Rule[],
  sink: Sink,
  options: TextOptions = {},
): void {
  const sections = options.sections ?? (options.quiet ? QUIET_SECTIONS : ALL_SECTIONS);
  const paint: Paint = options.color ? (code, text) => `\u001b[${code}m${text}\u001b[0m` : (_code, text) => text;
  const rel = displayPaths(options.cwd);
  const where = (f: Pick<Finding, 'source'>) =>
    c(rel(f.source.file)) + (f.source.line !== undefined ? `:${f.source.line}` : '');
  const ctx: Ctx = { result, rules, options, paint, where, sink };
  let first = true;
  const block = (text: string | undefined) => {
    if (text === undefined) return;
    sink(first ? text : `\n\n${text}`);
    first = false;
  };
  if (options.sections === undefined && !options.quiet) {
    block(
      `${TOOL_NAME} ${TOOL_VERSION}: ${result.documents.length} document(s), ${result.summary.resources} resource(s), ${rules.length} rule(s)`,
    );
  }
  for (const section of sections) {
    if (section === 'failures') writeFailures(ctx, block);
    else block(RENDERERS[section](ctx));
  }
  sink('\n');
}

export function renderText(result: EvaluationResult, rules: readonly Rule[], options: TextOptions = {}): string {
  return collect((sink) => writeText(result, rules, sink, options));
}

const RENDERERS: Record<Exclude<TextSection, 'failures'>, (ctx: Ctx) => string | undefined> = {
  unknowns: renderUnknowns,
  coverage: renderCoverage,
  skipped: renderSkipped,
  waivers: renderWaivers,
  summary: ({ result, options, paint }) => {
    const line = summaryLine(result, options);
    return line.startsWith('PASSED') ? paint(32, line) : paint(31, line);
  },
};

/** One block per rule (or one line per finding when compact), written finding by finding. */
function writeFailures(ctx: Ctx, block: (text: string | undefined) => void): void {
  const { result, rules, options, paint } = ctx;
  const failing = sortedFindingsWhere(result, (f) => f.status === 'fail' && (!options.quiet || isGating(f, options)));
  if (failing.length === 0) return;
  if (options.compact) {
    block(compactLine(ctx, 'FAIL', failing[0], 31));
    for (let i = 1; i < failing.length; i++) ctx.sink(`\n${compactLine(ctx, 'FAIL', failing[i], 31)}`);
    return;
  }
  const catalogue = ruleMap(rules);
  for (const [ruleId, findings] of groupBy(failing, (f) => f.ruleId)) {
    const rule = catalogue.get(ruleId);
    const head = findings[0];
    block(`${paint(31, 'FAIL')} ${c(ruleId)} [${head.severity}] ${c(rule?.title ?? head.title)}`);
    const fixes = new Set<string>();
    for (const f of findings) {
      ctx.sink(`\n${findingLines(ctx, f).join('\n')}`);
      if (rule) fixes.add(remediationFor(rule, f));
    }
    for (const fix of fixes) ctx.sink(`\n  Remediation: ${c(fix)}`);
  }
}

function compactLine(ctx: Ctx, label: string, f: Finding, colour: number): string {
  const below = f.baselined
    ? ' (baselined)'
    : label === 'FAIL' && !isGating(f, ctx.options)
      ? ' (below threshold)'
      : '';
  const at = f.path ? ` at ${c(f.path)}` : '';
  return (
    `${ctx.paint(colour, label)} ${c(f.ruleId)} [${f.severity}] ${ctx.where(f)} ` +
    `${c(f.resource.address)} (${c(f.resource.type)})${at}${below}: ${c(f.message)}`
  );
}

function findingLines(ctx: Ctx, f: Finding): string[] {
  const below = f.baselined ? ' (baselined)' : isGating(f, ctx.options) ? '' : ' (below threshold)';
  const lines = [`  - ${c(f.resource.address)} (${c(f.resource.type)})${below}`, `      file: ${ctx.where(f)}`];
  if (f.source.constructPath) lines.push(`      construct: ${c(f.source.constructPath)}`);
  if (f.path) lines.push(`      property: ${c(f.path)}`);
  if (f.kind === 'expired-waiver' && f.waiver) lines.push(`      expired waiver: ${describeWaiver(f.waiver)}`);
  lines.push(`      ${c(f.message)}`);
  return lines;
}

function renderUnknowns(ctx: Ctx): string | undefined {
  const { result, options, paint } = ctx;
  const unknowns = sortedFindingsWhere(result, (f) => f.status === 'unknown');
  const gating = unknowns.filter((f) => isGating(f, options));
  // Quiet shows only what fails: unknowns only when --fail-on-unknown makes them failures.
  const shown = options.quiet ? gating : unknowns;
  if (shown.length === 0) return undefined;
  if (options.compact) return shown.map((f) => compactLine(ctx, 'UNKNOWN', f, 33)).join('\n');
  const note = gating.length > 0 ? `; ${gating.length} fail the gate (--fail-on-unknown)` : '';
  const lines = [
    `${paint(33, 'UNKNOWN')} (${unknowns.length}): could not be decided from the synthesized files${note}`,
  ];
  for (const f of shown) {
    const at = f.path ? ` at ${c(f.path)}` : '';
    lines.push(`  - ${c(f.ruleId)} ${c(f.resource.address)} in ${ctx.where(f)}${at}: ${c(f.message)}`);
  }
  return lines.join('\n');
}

function renderCoverage({ result, options, paint }: Ctx): string | undefined {
  const uncovered = uncoveredTypes(result);
  if (uncovered.length === 0 || (options.quiet && !options.failOnUncovered)) return undefined;
  const label = options.failOnUncovered ? paint(31, 'UNCOVERED') : paint(33, 'UNCOVERED');
  if (options.compact) return uncovered.map((u) => `${label} ${c(u.type)} x${u.count}`).join('\n');
  const total = uncovered.reduce((n, u) => n + u.count, 0);
  const gate = options.failOnUncovered ? ' (failing the gate: --fail-on-uncovered)' : '';
  const lines = [`${label} (${uncovered.length} type(s), ${total} resource(s)): no selected rule checks them${gate}`];
  for (const u of uncovered) lines.push(`  - ${c(u.type)}: ${u.count}`);
  return lines.join('\n');
}

function renderSkipped({ result, options, paint }: Ctx): string | undefined {
  const skipped = skippedInputs(result);
  if (skipped.length === 0) return undefined;
  const label = paint(33, 'SKIPPED');
  const rel = (p: string) => c(displayPath(p, options.cwd));
  if (options.compact) return skipped.map((s) => `${label} ${rel(s.path)}: ${c(s.reason)}`).join('\n');
  const lines = [`${label} (${skipped.length}): input(s) not evaluated`];
  for (const s of skipped) lines.push(`  - ${rel(s.path)}: ${c(s.reason)}`);
  return lines.join('\n');
}

const STATE_LABEL = {
  applied: 'applied',
  unused: 'unused',
  expired: 'EXPIRED',
  unmatched: 'unmatched',
  'not-selected': 'not selected',
} as const;

function renderWaivers(ctx: Ctx): string | undefined {
  const { result, paint } = ctx;
  const waivers = sortedWaivers(result);
  if (waivers.length === 0) return 'WAIVERS: none';
  const stateOf = waiverStates(result, ctx.options, ctx.rules);
  const line = (w: AppliedWaiver) => {
    const state = stateOf(w);
    const label = state === 'expired' ? paint(31, STATE_LABEL[state]) : STATE_LABEL[state];
    return `[${label}] ${c(w.ruleId)} on ${c(w.resource.address)} in ${ctx.where(w)}: ${describeWaiver(w)}`;
  };
  if (ctx.options.compact) return waivers.map((w) => `WAIVER ${line(w)}`).join('\n');
  const lines = [`WAIVERS (${waivers.length}):`];
  for (const w of waivers) {
    lines.push(`  - ${line(w)}`);
    if (w.source.constructPath) lines.push(`      construct: ${c(w.source.constructPath)}`);
  }
  return lines.join('\n');
}

function describeWaiver(w: AppliedWaiver): string {
  const expiry = w.expires ? `expires ${c(w.expires)}` : 'no expiry';
  return `"${c(w.reason)}" (${expiry}; from ${c(w.origin)})`;
}

/** For integrations' messages: "ZT-DATA-001 on Bucket (Main/Bucket/Resource)". */
export function findingLabel(f: Finding): string {
  return `${c(f.ruleId)} on ${c(f.resource.address)} (${c(qualifiedName(f))})`;
}

export { summaryLine };
