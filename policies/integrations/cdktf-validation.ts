import * as path from 'path';
import type { TerraformStack } from 'cdktf';
import { buildGraph, evaluate, loadTerraformObject } from '../engine';
import type { EvaluationResult, Finding } from '../engine/finding';
import type { Rule, Severity } from '../engine/rule';
import { enableTerraformHandoff, offerTerraform } from './cdktf-handoff';
import { gates, printNote, selectRules, type ZeroTrustOptions } from './options';

/**
 * The pack as a CDKTF stack validation: `addZeroTrustValidation(stack)` makes `cdktf synth` (and
 * `app.synth()`) fail with one message per violation. cdktf runs stack validations after aspects
 * and `prepareStack`, right before it writes `cdk.tf.json`, so the JSON evaluated here is the JSON
 * written (tokens resolve the same way), and no file needs to exist yet. When the stack passes, that
 * JSON is handed to the write (cdktf-handoff.ts) instead of being resolved a second time.
 */

export type ZeroTrustValidationOptions = ZeroTrustOptions;

export function addZeroTrustValidation(stack: TerraformStack, options: ZeroTrustValidationOptions = {}): void {
  const rules = selectRules(options.rules, `addZeroTrustValidation(${stack.node.path})`);
  const threshold = options.severityThreshold ?? 'low';
  enableTerraformHandoff(stack);
  stack.node.addValidation({
    validate: () => {
      const json: unknown = stack.toTerraform();
      const result = evaluateTerraform(stack, json, rules, options.now);
      const belowThreshold = result.findings.some((f) => f.status === 'fail' && !gates(f, threshold));
      // Failures below the threshold do not fail synth, so they are printed instead.
      const sections = belowThreshold ? (['failures', 'unknowns', 'waivers', 'summary'] as const) : undefined;
      printNote(result, rules, options, `ZeroTrust policy pack: ${stack.node.id}`, sections);
      const errors = result.findings
        .filter((f) => gates(f, threshold))
        .map((f) => violationMessage(f, rules, threshold));
      if (errors.length === 0) offerTerraform(stack, json);
      return errors;
    },
  });
}

/** The stack's Terraform JSON, in memory, evaluated as the file cdktf is about to write. */
export function evaluateStack(stack: TerraformStack, rules: readonly Rule[], now?: Date): EvaluationResult {
  return evaluateTerraform(stack, stack.toTerraform(), rules, now);
}

function evaluateTerraform(stack: TerraformStack, json: unknown, rules: readonly Rule[], now?: Date): EvaluationResult {
  const document = loadTerraformObject(json, { file: synthesizedFile(stack), stack: stack.node.id });
  return evaluate(buildGraph([document]), rules, { now });
}

/** `<app outdir>/stacks/<stack id>/cdk.tf.json`, relative to cwd (`cdktf.out/stacks/...`) when inside it. */
export function synthesizedFile(stack: TerraformStack): string {
  const file = path.resolve(appOutdir(stack) ?? 'cdktf.out', 'stacks', stack.node.id, 'cdk.tf.json');
  const rel = path.relative(process.cwd(), file);
  return (rel.startsWith('..') || path.isAbsolute(rel) ? file : rel).split(path.sep).join('/');
}

function appOutdir(stack: TerraformStack): string | undefined {
  const root = stack.node.root as { outdir?: unknown };
  return typeof root.outdir === 'string' ? root.outdir : undefined;
}

function violationMessage(f: Finding, rules: readonly Rule[], threshold: Severity): string {
  const rule = rules.find((r) => r.id === f.ruleId);
  const where = [
    f.path ? `property ${f.path}` : undefined,
    f.source.constructPath ? `construct ${f.source.constructPath}` : undefined,
  ]
    .filter(Boolean)
    .join(', ');
  const fix = rule ? ` Fix: ${rule.remediation}` : '';
  const gate = threshold === 'low' ? '' : ` (threshold ${threshold})`;
  return `${f.ruleId} [${f.severity}]${gate} ${f.resource.address}: ${f.title}: ${f.message}${where ? ` (${where})` : ''}.${fix}`;
}
