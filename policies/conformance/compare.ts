import { buildGraph, evaluate } from '../engine';
import type { Equivalent, Finding, Rule, Verdict } from '../engine';
import { fixtureUnits } from './fixtures';
import { ExpectedEntry, ManifestCheck, readManifest, splitAddress } from './manifest';

/**
 * Our verdict vs Checkov's, per (check, rule, file, address). Our fail on their failed and our
 * pass on their passed agree. Anything else is a disagreement; where Checkov passes and we fail
 * or cannot decide, it counts as a documented semantic difference when the rule's equivalent
 * entry for that check carries a note saying why.
 */
export type Outcome = 'agree' | 'documented' | 'disagree';

export interface Comparison {
  readonly file?: string;
  readonly address: string;
  readonly ruleId: string;
  readonly expected: 'passed' | 'failed';
  /** Our verdict, or `missing` when the rule produced no finding for the resource. */
  readonly verdict: Verdict | 'missing';
  readonly message: string;
  readonly outcome: Outcome;
  readonly note?: string;
}

export interface CheckReport {
  readonly checkId: string;
  readonly framework: ManifestCheck['framework'];
  readonly description: string;
  readonly ruleIds: readonly string[];
  readonly comparisons: readonly Comparison[];
  /** Why (part of) the check could not be evaluated; its expected entries are then not scored. */
  readonly notEvaluated?: string;
  readonly notEvaluatedEntries: number;
}

export interface ConformanceTotals {
  readonly scored: number;
  readonly agree: number;
  readonly documented: number;
  readonly disagree: number;
  readonly notEvaluated: number;
  /** agree / scored. */
  readonly rawAgreement: number;
  /** agree / (agree + undocumented disagreements): the gate. */
  readonly agreement: number;
}

export interface ConformanceReport {
  readonly checks: readonly CheckReport[];
  readonly totals: ConformanceTotals;
}

interface Mapping {
  readonly rule: Rule;
  readonly equivalent: Equivalent;
}

/** Manifest records (id + framework) that some rule lists as an equivalent, with the rules listing them. */
export function mappedChecks(checks: readonly ManifestCheck[], rules: readonly Rule[]): [ManifestCheck, Mapping[]][] {
  const out: [ManifestCheck, Mapping[]][] = [];
  for (const check of checks) {
    const mappings: Mapping[] = [];
    for (const rule of rules) {
      for (const equivalent of rule.equivalents) {
        if (equivalent.tool !== 'checkov' || equivalent.id !== check.check_id) continue;
        const types = equivalent.resourceTypes ?? Object.keys(rule.checks);
        if (check.resource_types.some((t) => types.includes(t))) mappings.push({ rule, equivalent });
      }
    }
    if (mappings.length > 0) out.push([check, mappings]);
  }
  return out;
}

function compareCheck(dir: string, check: ManifestCheck, mappings: readonly Mapping[]): CheckReport {
  const expected: [ExpectedEntry, 'passed' | 'failed'][] = [
    ...check.expected.passed.map((e): [ExpectedEntry, 'passed'] => [e, 'passed']),
    ...check.expected.failed.map((e): [ExpectedEntry, 'failed'] => [e, 'failed']),
  ];
  const base = {
    checkId: check.check_id,
    framework: check.framework,
    description: check.description,
    ruleIds: mappings.map((m) => m.rule.id),
  };
  const units = fixtureUnits(dir, check);
  if (units.length === 0) {
    const notEvaluated = 'no Terraform JSON fixtures (.tf.json) for this check';
    return { ...base, comparisons: [], notEvaluated, notEvaluatedEntries: expected.length };
  }
  const comparisons: Comparison[] = [];
  const errors: string[] = [];
  let notEvaluatedEntries = 0;
  for (const unit of units) {
    // CloudFormation units are one file each; the Terraform unit is the whole module.
    const mine = expected.filter(([e]) => unit.file === undefined || e.file === unit.file);
    if (unit.kind === 'error') {
      errors.push(`fixture refused as invalid input: ${unit.error}`);
      notEvaluatedEntries += mine.length;
      continue;
    }
    const graph = buildGraph(unit.documents);
    for (const { rule, equivalent } of mappings) {
      const findings = evaluate(graph, [rule]).findings.filter((f) => f.kind === 'check');
      for (const [entry, want] of mine) {
        comparisons.push(judge(entry, want, rule, equivalent, findings, unit.file));
      }
    }
  }
  return {
    ...base,
    comparisons,
    ...(errors.length > 0 ? { notEvaluated: errors.join('; ') } : {}),
    notEvaluatedEntries,
  };
}

function judge(
  entry: ExpectedEntry,
  want: 'passed' | 'failed',
  rule: Rule,
  equivalent: Equivalent,
  findings: readonly Finding[],
  file: string | undefined,
): Comparison {
  const { type, address } = splitAddress(entry.address);
  const mine = findings.filter((f) => f.resource.type === type && f.resource.address === address);
  const verdict = verdictAt(mine, rule, equivalent);
  const agrees = (want === 'failed' && verdict === 'fail') || (want === 'passed' && verdict === 'pass');
  // Only a stricter or undecided verdict can be documented, case by case.
  const difference = equivalent.differences?.find((d) => d.resource === entry.address || d.resource === address);
  // An honest unknown where Checkov fails is documentable too; a pass where it fails never is.
  const excusable =
    difference !== undefined &&
    ((want === 'passed' && verdict !== 'pass') || (want === 'failed' && verdict === 'unknown'));
  const outcome: Outcome = agrees ? 'agree' : excusable ? 'documented' : 'disagree';
  const finding = mine.find((f) => f.verdict === verdict) ?? mine[0];
  return {
    file: file ?? entry.file,
    address: entry.address,
    ruleId: rule.id,
    expected: want,
    verdict,
    message: finding?.message ?? `${rule.id} produced no finding for ${entry.address}`,
    outcome,
    ...(outcome === 'documented' ? { note: difference!.reason } : {}),
  };
}

/**
 * Our verdict at the equivalent's granularity: with `paths`, a finding about another property
 * the rule judges one by one (another public-access-block flag) does not count; findings about
 * the whole (a missing block, no companion) concern every property. The worst verdict wins.
 */
function verdictAt(findings: readonly Finding[], rule: Rule, equivalent: Equivalent): Verdict | 'missing' {
  if (findings.length === 0) return 'missing';
  const paths = equivalent.paths;
  // Properties judged one by one elsewhere in the rule, and those the equivalent says it ignores.
  const other = [...rule.equivalents.flatMap((e) => e.paths ?? []), ...(equivalent.ignores ?? [])];
  const names = (f: Finding, p: string) =>
    f.path === p || (f.path ?? '').endsWith(`.${p}`) || (f.path ?? '').includes(`.${p}.`);
  const relevant =
    paths || equivalent.ignores
      ? findings.filter((f) => (paths ?? []).some((p) => names(f, p)) || !other.some((p) => names(f, p)))
      : findings;
  for (const v of ['fail', 'unknown', 'pass', 'not_applicable'] as const) {
    if (relevant.some((f) => f.verdict === v)) return v;
  }
  return 'pass'; // every finding concerns other properties than the one the equivalent judges
}

export function runConformance(dir: string, rules: readonly Rule[]): ConformanceReport {
  const manifest = readManifest(dir);
  const checks = mappedChecks(manifest.checks, rules).map(([check, mappings]) => compareCheck(dir, check, mappings));
  const all = checks.flatMap((c) => c.comparisons);
  const count = (o: Outcome): number => all.filter((c) => c.outcome === o).length;
  const agree = count('agree');
  const disagree = count('disagree');
  return {
    checks,
    totals: {
      scored: all.length,
      agree,
      documented: count('documented'),
      disagree,
      notEvaluated: checks.reduce((n, c) => n + c.notEvaluatedEntries, 0),
      rawAgreement: all.length === 0 ? 0 : agree / all.length,
      agreement: agree + disagree === 0 ? 0 : agree / (agree + disagree),
    },
  };
}
