import * as fs from 'fs';
import * as path from 'path';
import type {
  IPolicyValidationContext,
  IPolicyValidationPlugin,
  PolicyValidationPluginReport,
  PolicyViolation,
} from 'aws-cdk-lib';
import { buildGraph, evaluate, loadCloudAssembly, loadFile, type Document } from '../engine';
import type { Finding } from '../engine/finding';
import type { Rule, Severity } from '../engine/rule';
import { render, summaryLine, TOOL_VERSION } from '../report';
import { gates, printNote, selectRules, type ZeroTrustOptions } from './options';

/**
 * The pack as an aws-cdk-lib policy validation plugin:
 * `Validations.of(app).addPlugins(new ZeroTrustValidationPlugin())` fails `cdk synth` on violations.
 *
 * The CDK hands plugins only top-level stack templates; nested stacks are assets of the assembly.
 * So the plugin loads the assembly the templates live in through the engine (which follows nested
 * stacks and turns `Validations.of(x).acknowledge({ id: 'ZeroTrust::ZT-...' })` into waivers) and
 * keeps the given stacks and their nested stacks: synth and `zt-check cdk.out` see the same input.
 */

export type ZeroTrustPluginOptions = ZeroTrustOptions;

/** CFN resource attributes outside Properties; every other finding path is a property path. */
const RESOURCE_ATTRIBUTES = new Set(['DeletionPolicy', 'UpdateReplacePolicy', 'Metadata', 'Condition', 'DependsOn']);

export class ZeroTrustValidationPlugin implements IPolicyValidationPlugin {
  /** Also the acknowledgement namespace: `ZeroTrust::ZT-DATA-001`. */
  public readonly name = 'ZeroTrust';
  public readonly version = TOOL_VERSION;
  public readonly ruleIds: string[];
  private readonly rules: readonly Rule[];
  private readonly threshold: Severity;

  constructor(private readonly options: ZeroTrustPluginOptions = {}) {
    this.rules = selectRules(options.rules, 'ZeroTrustValidationPlugin');
    this.ruleIds = this.rules.map((r) => r.id);
    this.threshold = options.severityThreshold ?? 'low';
  }

  public validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    const documents = loadStacks(context.templatePaths);
    const result = evaluate(buildGraph(documents), this.rules, { now: this.options.now });
    printNote(result, this.rules, this.options, 'ZeroTrust policy pack');
    const failing = result.findings.filter((f) => f.status === 'fail');
    return {
      success: !failing.some((f) => gates(f, this.threshold)),
      violations: failing.map((f) => this.violation(f)),
      pluginVersion: TOOL_VERSION,
      metadata: {
        summary: summaryLine(result, { threshold: this.threshold }),
        // Recorded in the CDK's validation report file as well as printed.
        waivers: render(result, this.rules, 'text', { sections: ['waivers'] }).trimEnd(),
      },
    };
  }

  private violation(f: Finding): PolicyViolation {
    const rule = this.rules.find((r) => r.id === f.ruleId);
    return {
      ruleName: f.ruleId,
      description: `${f.title}: ${f.message}`,
      fix: rule?.remediation,
      severity: gates(f, this.threshold) ? 'error' : 'warning',
      violatingResources: [
        {
          resourceLogicalId: f.resource.address,
          templatePath: f.source.file,
          locations: f.path ? [cfnLocation(f.path)] : [],
        },
      ],
      ruleMetadata: { severity: f.severity, layer: f.layer, kind: f.kind },
    };
  }
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
export function loadStacks(templatePaths: readonly string[]): Document[] {
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
    const all = loadCloudAssembly(dir);
    const kept = new Set(all.filter((d) => wanted.has(path.resolve(d.file))));
    const parents = [...kept].map((d) => `${d.stack}/`);
    const nested = all.filter((d) => !kept.has(d) && parents.some((p) => d.stack?.startsWith(p)));
    [...kept, ...nested].forEach(add);
  }
  return [...out.values()];
}
