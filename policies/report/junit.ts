import type { EvaluationResult, Finding, Status } from '../engine/finding';
import type { Rule } from '../engine/rule';
import { displayPath, groupBy, ruleMap, sortedFindings, type RenderOptions } from './common';
import { TOOL_NAME } from './tool';

/**
 * JUnit XML for CI dashboards: one <testsuite> per rule, one <testcase> per (rule, resource).
 * fail -> <failure>; not applicable, waived and unknown -> <skipped> with the reason.
 */

/** When a rule has several findings for one resource (a check and an expired waiver), the worst wins. */
const PRECEDENCE: readonly Status[] = ['fail', 'unknown', 'waived', 'not_applicable', 'pass'];

interface Case {
  readonly ruleId: string;
  readonly name: string;
  readonly status: Status;
  readonly findings: readonly Finding[];
}

export function renderJunit(result: EvaluationResult, rules: readonly Rule[], options: RenderOptions = {}): string {
  const findings = sortedFindings(result);
  const byRule = groupBy(findings, (f) => f.ruleId);
  const ruleIds = [...new Set([...rules.map((r) => r.id), ...byRule.keys()])].sort();
  const catalogue = ruleMap(rules);
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let skipped = 0;
  for (const ruleId of ruleIds) {
    const cases = toCases(byRule.get(ruleId) ?? [], options);
    const f = cases.filter((c) => c.status === 'fail').length;
    const s = cases.filter((c) => c.status !== 'fail' && c.status !== 'pass').length;
    tests += cases.length;
    failures += f;
    skipped += s;
    const title = catalogue.get(ruleId)?.title ?? byRule.get(ruleId)?.[0]?.title ?? '';
    const attrs = { name: ruleId, tests: cases.length, failures: f, errors: 0, skipped: s, time: 0 };
    suites.push(
      [
        `  <testsuite${attributes(attrs)}>`,
        `    <properties><property${attributes({ name: 'title', value: title })}/></properties>`,
        ...cases.map(renderCase),
        '  </testsuite>',
      ].join('\n'),
    );
  }
  const root = { name: TOOL_NAME, tests, failures, errors: 0, skipped, time: 0 };
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attributes(root)}>`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

function toCases(findings: readonly Finding[], options: RenderOptions): Case[] {
  const byResource = groupBy(findings, (f) => f.resource.key);
  return [...byResource.values()].map((list) => {
    const first = list[0];
    const status = PRECEDENCE.find((s) => list.some((f) => f.status === s)) ?? first.status;
    const name = `${displayPath(first.source.file, options.cwd)}#${first.resource.address}`;
    return { ruleId: first.ruleId, name, status, findings: list.filter((f) => f.status === status) };
  });
}

function renderCase(c: Case): string {
  const open = `    <testcase${attributes({ classname: c.ruleId, name: c.name, time: 0 })}`;
  const details = c.findings.map(detail).join('\n');
  switch (c.status) {
    case 'pass':
      return `${open}/>`;
    case 'fail': {
      const f = c.findings[0];
      const failure = `<failure${attributes({ message: f.message, type: f.severity })}>${escapeText(details)}</failure>`;
      return `${open}>\n      ${failure}\n    </testcase>`;
    }
    default:
      return `${open}>\n      <skipped${attributes({ message: skipMessage(c) })}/>\n    </testcase>`;
  }
}

function skipMessage(c: Case): string {
  const f = c.findings[0];
  if (c.status === 'waived') return `waived: ${f.waiver?.reason ?? f.message}`;
  if (c.status === 'unknown') return `unknown: ${f.message}`;
  return `not applicable: ${f.message}`;
}

function detail(f: Finding): string {
  const lines = [`${f.resource.address} (${f.resource.type}): ${f.message}`];
  if (f.path) lines.push(`property: ${f.path}`);
  if (f.source.constructPath) lines.push(`construct: ${f.source.constructPath}`);
  if (f.kind === 'expired-waiver' && f.waiver) lines.push(`expired waiver (${f.waiver.expires}): ${f.waiver.reason}`);
  return lines.join('\n');
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

export function escapeAttribute(text: string): string {
  return escapeText(text)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}
