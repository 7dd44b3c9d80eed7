import * as fs from 'fs';
import * as path from 'path';
import type { IConstruct } from 'constructs';
import type {
  IPolicyValidationContext,
  IPolicyValidationPlugin,
  PolicyValidationPluginReport,
  PolicyViolation,
} from 'aws-cdk-lib';
import { ZERO_TRUST_ACKNOWLEDGEMENT_PREFIX, ZERO_TRUST_PLUGIN_NAME } from '../../lib/core/waiver';
import { buildGraph, evaluate, loadCloudAssembly, loadFile, type Document } from '../engine';
import { ACKNOWLEDGED_RULES_METADATA } from '../engine/cdk-acknowledgements';
import type { Finding } from '../engine/finding';
import { gate, gatesFinding, type GateOptions } from '../engine/gate';
import type { Rule } from '../engine/rule';
import { render, summaryLine, TOOL_VERSION } from '../report';
import { gateOptionsOf, printNote, rulesOf, type ZeroTrustOptions } from './options';

/**
 * The pack as an aws-cdk-lib policy validation plugin:
 * `Validations.of(app).addPlugins(new ZeroTrustValidationPlugin())` fails `cdk synth` on violations.
 *
 * The CDK hands plugins only top-level stack templates; nested stacks are assets of the assembly.
 * So the plugin loads the assembly the templates live in through the engine (which follows nested
 * stacks and turns `Validations.of(x).acknowledge({ id: 'ZeroTrust::ZT-...' })` into waivers) and
 * keeps the given stacks and their nested stacks: synth and `zt-check cdk.out` see the same input.
 *
 * The engine alone applies waivers, so every gate reaches the same verdict. aws-cdk-lib 2.276 would
 * otherwise apply acknowledgements a second time: after the plugins ran, it moves every violation
 * whose rule id (`ZeroTrust::<ruleName>`) is acknowledged at or above the resource's construct path
 * into `suppressedViolations` and recomputes the report's success from the violations left. It knows
 * nothing of expiries, so the acknowledgement of an expired waiver hid the expired-waiver finding,
 * and an acknowledgement on an App or Stage (never written to the assembly, so invisible to
 * `zt-check`) hid real failures. CDK never suppresses a `fatal` violation, so every violation that
 * fails the gate is `fatal`; those below the threshold are `warning`s.
 */

export type ZeroTrustPluginOptions = ZeroTrustOptions;

/** CFN resource attributes outside Properties; every other finding path is a property path. */
const RESOURCE_ATTRIBUTES = new Set(['DeletionPolicy', 'UpdateReplacePolicy', 'Metadata', 'Condition', 'DependsOn']);

export class ZeroTrustValidationPlugin implements IPolicyValidationPlugin {
  /** Also the acknowledgement namespace: `ZeroTrust::ZT-DATA-001`. */
  public readonly name = ZERO_TRUST_PLUGIN_NAME;
  public readonly version = TOOL_VERSION;
  public readonly ruleIds: string[];
  private readonly rules: readonly Rule[];
  /** Remediation per rule id: a failing app reports hundreds of violations. */
  private readonly remediation: ReadonlyMap<string, string>;
  private readonly gate: GateOptions;

  constructor(private readonly options: ZeroTrustPluginOptions = {}) {
    this.rules = rulesOf(options, 'ZeroTrustValidationPlugin');
    this.ruleIds = this.rules.map((r) => r.id);
    this.remediation = new Map(this.rules.map((r) => [r.id, r.remediation]));
    this.gate = gateOptionsOf(options);
  }

  public validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    const documents = loadStacks(context.templatePaths);
    // Violations, the note and the waiver list show no passing finding: those are only counted.
    const result = evaluate(buildGraph(documents), this.rules, { now: this.options.now, findings: 'actionable' });
    const ignored = acknowledgementsOutsideStacks(context);
    const extra = ignored.map((a) => `IGNORED ${a}\n`).join('');
    printNote(result, this.rules, this.options, 'ZeroTrust policy pack', undefined, extra);
    const reported = result.findings.filter((f) => f.status === 'fail' || gatesFinding(f, this.gate));
    return {
      success: !gate(result, this.gate).failed,
      violations: reported.map((f) => this.violation(f)),
      pluginVersion: TOOL_VERSION,
      metadata: {
        summary: summaryLine(result, { threshold: this.gate.threshold }),
        // Recorded in the CDK's validation report file as well as printed.
        waivers: render(result, this.rules, 'text', { sections: ['waivers'] }).trimEnd(),
        ...(ignored.length > 0 ? { ignoredAcknowledgements: ignored.join('\n') } : {}),
      },
    };
  }

  private violation(f: Finding): PolicyViolation {
    return {
      ruleName: f.ruleId,
      description: `${f.title}: ${f.message}`,
      fix: this.remediation.get(f.ruleId),
      severity: gatesFinding(f, this.gate) ? 'fatal' : 'warning',
      violatingResources: [
        {
          resourceLogicalId: f.resource.address,
          templatePath: f.source.file,
          locations: f.path ? [cfnLocation(f.path)] : [],
        },
      ],
      ruleMetadata: { severity: f.severity, layer: f.layer, kind: f.kind, status: f.status },
    };
  }
}

/**
 * ZeroTrust acknowledgements on constructs outside every stack (the App, a Stage): the CDK does not
 * write them to the cloud assembly, so `zt-check` cannot see them and no gate honours them. Said
 * out loud so nobody believes such an acknowledgement waives anything.
 */
function acknowledgementsOutsideStacks(context: IPolicyValidationContext): string[] {
  if (!context.appConstruct) return [];
  const stacks = new Set((context.stackTemplates ?? []).map((s) => s.stackConstructPath));
  const out: string[] = [];
  // Only the constructs above the stacks are visited: the App, stages, and what sits beside stacks.
  const visit = (c: IConstruct): void => {
    if (stacks.has(c.node.path)) return;
    for (const entry of c.node.metadata) {
      if (entry.type !== ACKNOWLEDGED_RULES_METADATA || typeof entry.data !== 'object' || !entry.data) continue;
      for (const id of Object.keys(entry.data as object)) {
        if (!id.startsWith(ZERO_TRUST_ACKNOWLEDGEMENT_PREFIX)) continue;
        out.push(
          `acknowledgement ${id} on ${c.node.path || 'the App'}: outside every stack, so not in the cloud assembly; ` +
            'it waives nothing in any gate (waive() the resources inside a stack instead)',
        );
      }
    }
    c.node.children.forEach(visit);
  };
  visit(context.appConstruct);
  return out;
}

/**
 * "EnableKeyRotation" -> "Properties.EnableKeyRotation" (how the CDK matches property mutations).
 * Resource attributes and paths into a companion resource ("AWS::S3::BucketPolicy.PolicyDocument")
 * are not properties of this resource and stay as they are.
 */
function cfnLocation(p: string): string {
  const head = p.split('.')[0];
  return RESOURCE_ATTRIBUTES.has(head) || head === 'Properties' || head.includes('::') ? p : `Properties.${p}`;
}

/** The given templates plus their nested stacks, with acknowledgements applied, via the engine. */
function loadStacks(templatePaths: readonly string[]): Document[] {
  const wanted = new Set(templatePaths.map((p) => path.resolve(p)));
  const byDir = new Map<string, string[]>();
  wanted.forEach((p) => byDir.set(path.dirname(p), [...(byDir.get(path.dirname(p)) ?? []), p]));
  const out = new Map<string, Document>();
  const add = (d: Document) => out.set(path.resolve(d.file), d);
  // Parents first: loading an assembly also loads its nested (stage) assemblies, which are then skipped.
  for (const dir of [...byDir.keys()].sort((a, b) => a.length - b.length)) {
    const files = byDir.get(dir) ?? [];
    if (files.every((p) => out.has(p))) continue;
    if (!fs.existsSync(path.join(dir, 'manifest.json'))) {
      files.forEach((p) => add(loadFile(p)));
      continue;
    }
    // The CDK wrote these templates moments ago (JSON.stringify): no repeated keys, and no line is reported.
    const all = loadCloudAssembly(dir, [], { positions: false });
    const kept = new Set(all.filter((d) => wanted.has(path.resolve(d.file))));
    const parents = [...kept].map((d) => `${d.stack}/`);
    const nested = all.filter((d) => !kept.has(d) && parents.some((p) => d.stack?.startsWith(p)));
    [...kept, ...nested].forEach(add);
  }
  return [...out.values()];
}
