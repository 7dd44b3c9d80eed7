import { createHash } from 'crypto';
import type { Log, ReportingDescriptor, Result, Suppression } from 'sarif';
import type { AppliedWaiver, EvaluationResult, Finding } from '../engine/finding';
import type { Rule, Severity } from '../engine/rule';
import { displayPath, isGating, qualifiedName, sortedFindings, type RenderOptions } from './common';
import { TOOL_NAME, TOOL_VERSION } from './tool';

/**
 * SARIF 2.1.0. One result per failing finding (including expired waivers); waived findings are
 * kept as results carrying a `suppressions` entry, so code-scanning UIs hide them while the audit
 * trail (who waived what, why) stays in the log. Unknown / pass / n/a findings are not results.
 */

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

const LEVELS: Record<Severity, Result.level> = { critical: 'error', high: 'error', medium: 'warning', low: 'note' };

export function sarifLevel(severity: Severity): Result.level {
  return LEVELS[severity];
}

export function toSarif(result: EvaluationResult, rules: readonly Rule[], options: RenderOptions = {}): Log {
  const reported = sortedFindings(result).filter((f) => f.status === 'fail' || f.status === 'waived');
  const descriptors = [...rules].sort((a, b) => a.id.localeCompare(b.id)).map(descriptor);
  const index = new Map(descriptors.map((d, i) => [d.id, i]));
  // A finding whose rule is not in the catalogue given (should not happen) still gets a descriptor.
  for (const f of reported) {
    if (!index.has(f.ruleId)) {
      index.set(f.ruleId, descriptors.length);
      descriptors.push({ id: f.ruleId, name: f.ruleId, shortDescription: { text: f.title } });
    }
  }
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: TOOL_NAME, version: TOOL_VERSION, semanticVersion: TOOL_VERSION, rules: descriptors } },
        results: reported.map((f) => toResult(f, index.get(f.ruleId) as number, options)),
        columnKind: 'unicodeCodePoints',
        properties: { summary: { ...result.summary }, threshold: options.threshold ?? 'low' },
      },
    ],
  };
}

function descriptor(rule: Rule): ReportingDescriptor {
  return {
    id: rule.id,
    name: pascalName(rule.title),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.rationale },
    help: { text: rule.remediation },
    defaultConfiguration: { level: sarifLevel(rule.severity) },
    properties: {
      severity: rule.severity,
      layer: rule.layer,
      controls: rule.controls.map((c) => `${c.framework}:${c.id}`),
      equivalents: rule.equivalents.map((e) => `${e.tool}:${e.id}`),
      resourceTypes: Object.keys(rule.checks).sort(),
      tags: ['security', 'zero-trust', rule.layer],
    },
  };
}

function toResult(f: Finding, ruleIndex: number, options: RenderOptions): Result {
  const uri = encodeURI(displayPath(f.source.file, options.cwd));
  const where = f.path ? ` (property ${f.path})` : '';
  const result: Result = {
    ruleId: f.ruleId,
    ruleIndex,
    level: sarifLevel(f.severity),
    kind: 'fail',
    message: { text: `${f.resource.address}: ${f.message}${where}` },
    locations: [
      {
        physicalLocation: { artifactLocation: { uri } },
        logicalLocations: [{ name: f.resource.address, fullyQualifiedName: qualifiedName(f), kind: 'resource' }],
      },
    ],
    partialFingerprints: { 'ztFinding/v1': fingerprint(f) },
    properties: {
      severity: f.severity,
      status: f.status,
      findingKind: f.kind,
      resourceType: f.resource.type,
      gating: isGating(f, options.threshold),
      ...(f.path ? { propertyPath: f.path } : {}),
      ...(f.source.stack ? { stack: f.source.stack } : {}),
    },
  };
  if (f.status === 'waived' && f.waiver) result.suppressions = [suppression(f.waiver)];
  return result;
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

/** Stable across runs and machines: rule, stack and address, never the absolute file path. */
function fingerprint(f: Finding): string {
  const stable = [f.ruleId, f.kind, f.source.stack ?? '', f.resource.address].join('|');
  return createHash('sha256').update(stable).digest('hex').slice(0, 32);
}

/** "S3 buckets use a customer-managed key" -> "S3BucketsUseACustomerManagedKey" (SARIF `name` is an identifier). */
function pascalName(title: string): string {
  return title
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
}

export function renderSarif(result: EvaluationResult, rules: readonly Rule[], options: RenderOptions = {}): string {
  return `${JSON.stringify(toSarif(result, rules, options), null, 2)}\n`;
}
