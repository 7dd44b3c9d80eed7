import type { App } from 'aws-cdk-lib';
import { type NagPack, NagRuleCompliance } from 'cdk-nag';
import { buildGraph, evaluate, loadCloudAssembly } from '../../policies/engine';
import { ALL_RULES } from '../../policies/rules';
import type { BenchApp } from './nag-apps';
import { synthWith } from './nag-arms';

/**
 * What each side evaluated on an app, counted in a synth of its own (never in a timed one): a rule
 * "with a verdict" judged at least one resource (cdk-nag: returned other than NOT_APPLICABLE; ours:
 * a finding other than not_applicable); a check is a (rule, resource type) pair with a verdict.
 */
export interface Coverage {
  /** Rules run on every resource (cdk-nag applies each rule to each resource) or with a check for a present type (ours). */
  readonly applied: number;
  readonly withVerdict: number;
  readonly checks: number;
  readonly typesJudged: number;
  readonly typesPresent: number;
  /** Ids of the rules with a verdict (cdk-nag: pack-prefixed, as its findings name them). */
  readonly verdictIds: ReadonlySet<string>;
  /**
   * Distinct checks among the rules with a verdict: cdk-nag's packs apply one rule function under
   * several ids (AwsSolutions-S1 and NIST S3BucketLoggingEnabled are one function), counted once;
   * each of our rules is its own check.
   */
  readonly distinct: number;
}

/**
 * cdk-nag rules with a verdict on the app that one of our rules with a verdict names as an
 * equivalent: how much of what cdk-nag judged our pack judges too.
 */
export function nagRulesCovered(ours: Coverage, nag: Coverage): number {
  const named = new Set(
    ALL_RULES.filter((r) => ours.verdictIds.has(r.id)).flatMap((r) =>
      r.equivalents.filter((e) => e.tool === 'cdk-nag').map((e) => e.id),
    ),
  );
  return [...nag.verdictIds].filter((id) => named.has(id)).length;
}

export function nagCoverage(bench: BenchApp, packs: (app: App) => NagPack[]): Coverage {
  const applied = new Set<string>();
  const checks = new Set<string>();
  const rules = new Set<string>();
  const judged = new Set<string>();
  const present = new Set<string>();
  const implementations = new Set<unknown>();
  const counted = (app: App): NagPack[] =>
    packs(app).map((pack) => {
      const p = pack as unknown as { applyRule: NagPack['applyRule'] };
      const apply = p.applyRule.bind(pack);
      p.applyRule = (params) => {
        const id = `${pack.readPackName}-${params.ruleSuffixOverride ?? params.rule.name}`;
        const type = params.node.cfnResourceType;
        applied.add(id);
        present.add(type);
        if (params.rule(params.node) !== NagRuleCompliance.NOT_APPLICABLE) {
          rules.add(id);
          checks.add(`${id} ${type}`);
          judged.add(type);
          implementations.add(params.rule);
        }
        return apply(params);
      };
      return pack;
    });
  return synthWith(bench, counted, () => ({
    applied: applied.size,
    withVerdict: rules.size,
    checks: checks.size,
    typesJudged: judged.size,
    typesPresent: present.size,
    verdictIds: rules,
    distinct: implementations.size,
  }));
}

export function ourCoverage(bench: BenchApp): Coverage {
  return synthWith(
    bench,
    () => [],
    (outdir) => {
      const graph = buildGraph(loadCloudAssembly(outdir));
      const present = new Set(graph.resources().map((r) => r.type));
      const judgedFindings = evaluate(graph, ALL_RULES).findings.filter((f) => f.status !== 'not_applicable');
      const verdictIds = new Set(judgedFindings.map((f) => f.ruleId));
      return {
        applied: ALL_RULES.filter((r) => Object.keys(r.checks).some((t) => present.has(t))).length,
        withVerdict: verdictIds.size,
        checks: new Set(judgedFindings.map((f) => `${f.ruleId} ${f.resource.type}`)).size,
        typesJudged: new Set(judgedFindings.map((f) => f.resource.type)).size,
        typesPresent: present.size,
        verdictIds,
        distinct: verdictIds.size,
      };
    },
  );
}
