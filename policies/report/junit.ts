import type { EvaluationResult, Finding, Status } from '../engine/finding';
import type { Rule } from '../engine/rule';
import {
  displayPath,
  groupBy,
  isGating,
  requireEveryFinding,
  ruleMap,
  skippedInputs,
  sortedFindings,
  sortedWaivers,
  uncoveredTypes,
  waiverStates,
} from './common';
import { cleanText } from './sanitize';
import type { Sink } from './sink';
import type { SummaryOptions } from './summary';
import { TOOL_NAME } from './tool';

/**
 * JUnit XML for CI dashboards: one <testsuite> per rule that has findings, one <testcase> per
 * (rule, resource) with its `file`; fail (and unknown under --fail-on-unknown) -> <failure>; not
 * applicable, waived and unknown -> <skipped> with the reason. A last "zt-check" suite carries the
 * run's properties (every waiver with its state, uncovered types, skipped inputs) and a testcase
 * per uncovered type (a failure under --fail-on-uncovered) and per skipped input (an error).
 * Input text is neutralised (cleanText) before XML escaping: no forged lines in CI pages.
 */

/** When a rule has several findings for one resource (a check and an expired waiver), the worst wins. */
const PRECEDENCE: readonly Status[] = ['fail', 'unknown', 'waived', 'not_applicable', 'pass'];

interface Case {
  readonly ruleId: string;
  readonly name: string;
  readonly file: string;
  readonly status: Status;
  readonly failed: boolean;
  readonly findings: readonly Finding[];
}

export function writeJunit(
  result: EvaluationResult,
  rules: readonly Rule[],
  sink: Sink,
  options: SummaryOptions = {},
): void {
  requireEveryFinding(result, 'JUnit');
  const timestamp = (options.now ?? new Date()).toISOString().replace(/\.\d+Z$/, '');
  const byRule = groupBy(sortedFindings(result), (f) => f.ruleId);
  const catalogue = ruleMap(rules);
  const suites: { attrs: Record<string, string | number>; body: () => Iterable<string> }[] = [];
  for (const ruleId of [...byRule.keys()].sort()) {
    const cases = toCases(byRule.get(ruleId) ?? [], options);
    const title = catalogue.get(ruleId)?.title ?? byRule.get(ruleId)?.[0]?.title ?? '';
    suites.push({
      attrs: suiteAttrs(ruleId, cases, timestamp),
      body: function* () {
        yield `    <properties><property${attributes({ name: 'title', value: title })}/></properties>`;
        for (const c of cases) yield renderCase(c);
      },
    });
  }
  suites.push(runSuite(result, rules, options, timestamp));
  const totals = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  for (const s of suites)
    for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += Number(s.attrs[k]);
  const time = (result.durationMs / 1000).toFixed(3);
  sink(
    `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites${attributes({ name: TOOL_NAME, ...totals, time, timestamp })}>\n`,
  );
  // Case by case: a suite of 100k resources is never one string.
  for (const s of suites) {
    sink(`  <testsuite${attributes(s.attrs)}>\n`);
    for (const part of s.body()) sink(`${part}\n`);
    sink('  </testsuite>\n');
  }
  sink('</testsuites>\n');
}

function suiteAttrs(name: string, cases: readonly Case[], timestamp: string): Record<string, string | number> {
  const failures = cases.filter((c) => c.failed).length;
  const skipped = cases.filter((c) => !c.failed && c.status !== 'pass').length;
  return { name, tests: cases.length, failures, errors: 0, skipped, time: 0, timestamp };
}

function toCases(findings: readonly Finding[], options: SummaryOptions): Case[] {
  return [...groupBy(findings, (f) => f.resource.key).values()].map((list) => {
    const first = list[0];
    const status = PRECEDENCE.find((s) => list.some((f) => f.status === s)) ?? first.status;
    const file = displayPath(first.source.file, options.cwd);
    const chosen = list.filter((f) => f.status === status);
    const failed =
      (status === 'fail' && chosen.some((f) => !f.baselined)) ||
      (status === 'unknown' && chosen.some((f) => isGating(f, options)));
    return { ruleId: first.ruleId, name: `${file}#${first.resource.address}`, file, status, failed, findings: chosen };
  });
}

function renderCase(c: Case): string {
  const line = c.findings[0].source.line;
  const open = `    <testcase${attributes({ classname: c.ruleId, name: c.name, file: c.file, ...(line !== undefined ? { line } : {}), time: 0 })}`;
  if (c.status === 'pass') return `${open}/>`;
  const f = c.findings[0];
  if (c.failed) {
    const details = c.findings.map(detail).join('\n');
    const type = c.status === 'unknown' ? 'unknown' : f.severity;
    const message = c.status === 'unknown' ? `unknown: ${f.message}` : f.message;
    const failure = `<failure${attributes({ message, type })}>${escapeText(details)}</failure>`;
    return `${open}>\n      ${failure}\n    </testcase>`;
  }
  return `${open}>\n      <skipped${attributes({ message: skipMessage(c) })}/>\n    </testcase>`;
}

function skipMessage(c: Case): string {
  const f = c.findings[0];
  if (c.status === 'waived') return `waived: ${f.waiver?.reason ?? f.message}`;
  if (c.status === 'unknown') return `unknown: ${f.message}`;
  return `not applicable: ${f.message}`;
}

function detail(f: Finding): string {
  const lines = [`${clean(f.resource.address)} (${clean(f.resource.type)}): ${clean(f.message)}`];
  if (f.path) lines.push(`property: ${clean(f.path)}`);
  if (f.source.constructPath) lines.push(`construct: ${clean(f.source.constructPath)}`);
  if (f.kind === 'expired-waiver' && f.waiver)
    lines.push(`expired waiver (${clean(f.waiver.expires ?? '')}): ${clean(f.waiver.reason)}`);
  return lines.join('\n');
}

function runSuite(result: EvaluationResult, rules: readonly Rule[], options: SummaryOptions, timestamp: string) {
  const stateOf = waiverStates(result, options, rules);
  const props: [string, string][] = [
    ['threshold', options.threshold ?? 'low'],
    ['failOnUnknown', String(options.failOnUnknown === true)],
    ['failOnUncovered', String(options.failOnUncovered === true)],
    ['documents', String(result.documents.length)],
    ['resources', String(result.summary.resources)],
  ];
  for (const w of sortedWaivers(result)) {
    const where = `${w.resource.address} in ${displayPath(w.source.file, options.cwd)}`;
    const expiry = w.expires ? `; expires ${w.expires}` : '';
    props.push([`waiver:${stateOf(w)}`, `${w.ruleId} on ${where}: ${w.reason}${expiry}`]);
  }
  const uncovered = uncoveredTypes(result);
  for (const u of uncovered) props.push([`uncovered:${u.type}`, String(u.count)]);
  const skipped = skippedInputs(result);
  for (const s of skipped) props.push([`skipped:${displayPath(s.path, options.cwd)}`, s.reason]);
  const cases: string[] = [];
  let failures = 0;
  for (const u of uncovered) {
    const open = `    <testcase${attributes({ classname: `${TOOL_NAME}.coverage`, name: u.type, time: 0 })}>`;
    const message = `no selected rule checks ${u.count} resource(s) of type ${u.type}`;
    if (options.failOnUncovered) failures++;
    const tag = options.failOnUncovered
      ? `<failure${attributes({ message, type: 'uncovered' })}/>`
      : `<skipped${attributes({ message })}/>`;
    cases.push(`${open}\n      ${tag}\n    </testcase>`);
  }
  for (const s of skipped) {
    const file = displayPath(s.path, options.cwd);
    const open = `    <testcase${attributes({ classname: `${TOOL_NAME}.inputs`, name: file, file, time: 0 })}>`;
    cases.push(`${open}\n      <error${attributes({ message: s.reason, type: 'skipped-input' })}/>\n    </testcase>`);
  }
  // The suite is never empty: a passing case records what was loaded.
  const loaded = `${result.documents.length} document(s), ${result.summary.resources} resource(s) loaded`;
  cases.push(`    <testcase${attributes({ classname: `${TOOL_NAME}.inputs`, name: loaded, time: 0 })}/>`);
  const attrs = {
    name: TOOL_NAME,
    tests: cases.length,
    failures,
    errors: skipped.length,
    skipped: options.failOnUncovered ? 0 : uncovered.length,
    time: 0,
    timestamp,
  };
  const properties = props.map(([name, value]) => `      <property${attributes({ name, value })}/>`);
  return { attrs, body: () => ['    <properties>', ...properties, '    </properties>', ...cases] };
}

function clean(text: string): string {
  return cleanText(text);
}

function attributes(attrs: Record<string, string | number>): string {
  return Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${escapeAttribute(String(v))}"`)
    .join('');
}

/** Characters XML 1.0 cannot carry at all (C0 controls except tab/LF/CR, lone surrogates, FFFE/FFFF). */
const INVALID_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeText(text: string): string {
  return text.replace(INVALID_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Attribute values are single-line by construction: input text is neutralised before escaping. */
export function escapeAttribute(text: string): string {
  return escapeText(cleanText(text)).replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}
