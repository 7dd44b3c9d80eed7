import { createHash } from 'crypto';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { ArtifactLocation, Log, Notification, ReportingDescriptor, Result, Suppression } from 'sarif';
import type { AppliedWaiver, EvaluationResult, Finding } from '../engine/finding';
import { SEVERITIES, type Rule } from '../engine/rule';
import {
  byRuleThenResource,
  displayPath,
  displayPaths,
  isGating,
  qualifiedName,
  ruleMap,
  skippedInputs,
  sortedWaivers,
  uncoveredTypes,
  verdictOf,
  waiverStates,
} from './common';
import { remediationFor } from './remediation';
import { descriptor, sarifLevel } from './sarif-rules';
import { collect, JsonObjectWriter, type Sink } from './sink';
import type { SummaryOptions } from './summary';
import { TOOL_NAME, TOOL_REPOSITORY_URL, TOOL_VERSION } from './tool';

/**
 * SARIF 2.1.0 for GitHub code scanning. Results: every failing finding (incl. expired waivers),
 * every unknown (level `note`, or the rule's level when --fail-on-unknown makes it a failure), and
 * waived findings with a `suppressions` entry. Every waiver, whatever its state, the uncovered
 * types and the skipped inputs are in the run's properties. Streamed result by result.
 */

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** GitHub rejects a run with more results (hard limit). */
export const GITHUB_MAX_RESULTS = 25_000;
export const SRCROOT = '%SRCROOT%';

export { sarifLevel };

interface Ctx {
  readonly options: SummaryOptions;
  readonly srcroot: string;
  readonly cwd: string;
}

export function writeSarif(
  result: EvaluationResult,
  rules: readonly Rule[],
  sink: Sink,
  options: SummaryOptions = {},
): void {
  const cwd = options.cwd ?? process.cwd();
  const ctx: Ctx = { options, cwd, srcroot: path.resolve(cwd, options.srcroot ?? cwd) };
  const catalogue = ruleMap(rules);
  // Not given: the package's own repository; given as undefined: no repository (relative docs paths).
  const repo = 'repositoryUrl' in options ? options.repositoryUrl : TOOL_REPOSITORY_URL;
  const descriptors: ReportingDescriptor[] = [...rules]
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((r) => descriptor(r, repo));
  const index = new Map(descriptors.map((d, i) => [d.id, i]));
  const { kept, total } = selectResults(result, options);
  for (const f of kept) {
    // A finding whose rule is not in the catalogue given (should not happen) still gets a descriptor.
    if (!index.has(f.ruleId)) {
      index.set(f.ruleId, descriptors.length);
      descriptors.push({ id: f.ruleId, name: f.ruleId, shortDescription: { text: f.title } });
    }
  }
  const notifications = notificationsOf(result, kept.length, total, ctx);
  const log = new JsonObjectWriter(sink).field('$schema', SARIF_SCHEMA).field('version', '2.1.0');
  log.objects('runs', [
    (run) => {
      run
        .field('tool', {
          driver: { name: TOOL_NAME, version: TOOL_VERSION, semanticVersion: TOOL_VERSION, rules: descriptors },
        })
        .field('automationDetails', { id: `${TOOL_NAME}/` })
        .field('originalUriBaseIds', { [SRCROOT]: { uri: directoryUri(ctx.srcroot) } })
        .field('invocations', [
          {
            executionSuccessful: true,
            ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}),
          },
        ])
        .array('results', kept, (f) => toResult(f, index.get(f.ruleId) as number, ctx, catalogue.get(f.ruleId)))
        .field('columnKind', 'unicodeCodePoints')
        .field('properties', runProperties(result, rules, ctx, kept.length, total));
    },
  ]);
  log.end();
  sink('\n');
}

/** Fail, unknown and waived findings; over the limit the most severe failing ones are kept. */
function selectResults(result: EvaluationResult, options: SummaryOptions): { kept: Finding[]; total: number } {
  const all = result.findings.filter((f) => f.status === 'fail' || f.status === 'waived' || f.status === 'unknown');
  const max = options.maxSarifResults ?? GITHUB_MAX_RESULTS;
  if (all.length <= max) return { kept: all.sort(byRuleThenResource), total: all.length };
  const rank = (f: Finding) =>
    (isGating(f, options) ? 0 : f.status === 'fail' ? 1 : f.status === 'unknown' ? 2 : 3) * 10 +
    (SEVERITIES.length - SEVERITIES.indexOf(f.severity));
  const kept = all.sort((a, b) => rank(a) - rank(b) || byRuleThenResource(a, b)).slice(0, max);
  return { kept: kept.sort(byRuleThenResource), total: all.length };
}

function notificationsOf(result: EvaluationResult, kept: number, total: number, ctx: Ctx): Notification[] {
  const out: Notification[] = [];
  if (kept < total) {
    out.push({
      level: 'warning',
      descriptor: { id: 'results-truncated' },
      message: {
        text:
          `${total - kept} of ${total} results omitted: GitHub code scanning accepts at most ${kept} results per run; ` +
          'the failing findings that gate and the most severe were kept. The JSON report lists every finding.',
      },
    });
  }
  for (const s of skippedInputs(result)) {
    out.push({
      level: 'warning',
      descriptor: { id: 'input-skipped' },
      message: { text: `${displayPath(s.path, ctx.cwd)}: ${s.reason}` },
    });
  }
  return out;
}

function runProperties(
  result: EvaluationResult,
  rules: readonly Rule[],
  ctx: Ctx,
  kept: number,
  total: number,
): Record<string, unknown> {
  const { options } = ctx;
  const stateOf = waiverStates(result, options, rules);
  const rel = displayPaths(ctx.cwd);
  return {
    summary: { ...result.summary },
    threshold: options.threshold ?? 'low',
    failOnUnknown: options.failOnUnknown === true,
    failOnUncovered: options.failOnUncovered === true,
    passed: !verdictOf(result, options).failed,
    complete: options.incomplete !== true,
    ...(kept < total ? { truncated: { results: total, kept, omitted: total - kept } } : {}),
    waivers: sortedWaivers(result).map((w) => waiverProperty(w, stateOf(w), rel)),
    uncovered: uncoveredTypes(result),
    skipped: skippedInputs(result).map((s) => ({ path: rel(s.path), reason: s.reason })),
  };
}

function waiverProperty(w: AppliedWaiver, state: string, rel: (file: string) => string): Record<string, unknown> {
  return {
    ruleId: w.ruleId,
    state,
    reason: w.reason,
    ...(w.expires ? { expires: w.expires } : {}),
    origin: w.origin,
    resource: w.resource.address,
    resourceType: w.resource.type,
    file: rel(w.source.file),
    ...(w.source.line !== undefined ? { line: w.source.line } : {}),
  };
}

function toResult(f: Finding, ruleIndex: number, ctx: Ctx, rule: Rule | undefined): Result {
  const location = artifactLocation(f.source.file, ctx);
  const where = f.path ? ` (property ${f.path})` : '';
  const gating = isGating(f, ctx.options);
  const unknown = f.status === 'unknown';
  const result: Result = {
    ruleId: f.ruleId,
    ruleIndex,
    // Unknowns are notes unless --fail-on-unknown makes them failures of the rule's severity.
    level: unknown && !gating ? 'note' : sarifLevel(f.severity),
    kind: 'fail',
    message: { text: `${unknown ? 'Could not decide: ' : ''}${f.resource.address}: ${f.message}${where}` },
    locations: [
      {
        physicalLocation: { artifactLocation: location, region: { startLine: f.source.line ?? 1 } },
        logicalLocations: [{ name: f.resource.address, fullyQualifiedName: qualifiedName(f), kind: 'resource' }],
      },
    ],
    partialFingerprints: { 'ztFinding/v2': fingerprint(f, location.uri as string) },
    properties: {
      severity: f.severity,
      status: f.status,
      findingKind: f.kind,
      resourceType: f.resource.type,
      gating,
      ...(f.path ? { propertyPath: f.path } : {}),
      ...(f.source.stack ? { stack: f.source.stack } : {}),
      ...(rule ? { remediation: remediationFor(rule, f) } : {}),
    },
  };
  if (f.status === 'waived' && f.waiver) result.suppressions = [suppression(f.waiver)];
  // Compared with an adoption baseline (--baseline): recorded findings are "unchanged", others "new".
  if (f.baselined !== undefined) result.baselineState = f.baselined ? 'unchanged' : 'new';
  return result;
}

/** Relative to %SRCROOT% when inside it (what GitHub resolves against the checkout), else a file: URI. */
function artifactLocation(file: string, ctx: Ctx): ArtifactLocation {
  const absolute = path.resolve(ctx.cwd, file);
  const rel = path.relative(ctx.srcroot, absolute);
  if (rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel)) {
    return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
  }
  return { uri: pathToFileURL(absolute).href };
}

function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/**
 * Waivers written into the synthesized template are part of the analysed artifact (`inSource`);
 * CDK acknowledgements live in the assembly manifest beside it (`external`).
 */
function suppression(w: AppliedWaiver): Suppression {
  return {
    kind: w.origin === 'cdk-acknowledgement' ? 'external' : 'inSource',
    status: 'accepted',
    justification: w.reason,
    properties: { origin: w.origin, ...(w.expires ? { expires: w.expires } : {}) },
  };
}

/**
 * Stable across checkouts (the srcroot-relative URI, never an absolute path) and unique per file,
 * resource and property: two templates with the same logical ID do not collide.
 */
function fingerprint(f: Finding, uri: string): string {
  const stable = [uri, f.ruleId, f.kind, f.resource.address, f.path ?? ''].join('\u0000');
  return createHash('sha256').update(stable).digest('hex').slice(0, 32);
}

export function toSarif(result: EvaluationResult, rules: readonly Rule[], options: SummaryOptions = {}): Log {
  return JSON.parse(collect((sink) => writeSarif(result, rules, sink, options))) as Log;
}
