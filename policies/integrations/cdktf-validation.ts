import * as path from 'path';
import type { TerraformStack } from 'cdktf';
import { buildGraph, evaluate, InputError, loadTerraformObject } from '../engine';
import type { EvaluationResult, Finding } from '../engine/finding';
import { gate, gatesFinding, type GateOptions } from '../engine/gate';
import type { Rule } from '../engine/rule';
import { gateOptionsOf, printNote, rulesOf, type ZeroTrustOptions } from './options';

/**
 * The pack as a CDKTF stack validation: `addZeroTrustValidation(stack)` makes `cdktf synth` (and
 * `app.synth()`) fail with one message per violation. cdktf runs stack validations after aspects
 * and `prepareStack`, right before it writes `cdk.tf.json`, so the JSON evaluated here is the JSON
 * written (tokens resolve the same way), and no file needs to exist yet. A malformed waiver fails
 * the validation with the engine's message naming file, resource and field, as `zt-check` exits 2.
 */

export type ZeroTrustValidationOptions = ZeroTrustOptions;

export function addZeroTrustValidation(stack: TerraformStack, options: ZeroTrustValidationOptions = {}): void {
  const rules = rulesOf(options, `addZeroTrustValidation(${stack.node.path})`);
  const gating = gateOptionsOf(options);
  stack.node.addValidation({
    validate: () => {
      let result: EvaluationResult;
      try {
        result = evaluateStack(stack, rules, options.now);
      } catch (e) {
        if (e instanceof InputError) return [e.message];
        throw e;
      }
      const belowThreshold = result.findings.some((f) => f.status === 'fail' && !gatesFinding(f, gating));
      // Failures below the threshold do not fail synth, so they are printed instead.
      const sections = belowThreshold ? (['failures', 'unknowns', 'waivers', 'summary'] as const) : undefined;
      printNote(result, rules, options, `ZeroTrust policy pack: ${stack.node.id}`, sections);
      return gate(result, gating).gating.map((f) => violationMessage(f, rules, gating));
    },
  });
}

/** The stack's Terraform JSON, in memory, evaluated as the file cdktf is about to write. */
function evaluateStack(stack: TerraformStack, rules: readonly Rule[], now?: Date): EvaluationResult {
  const file = synthesizedFile(stack);
  const json = stack.toTerraform();
  const document = loadTerraformObject(json, { file, stack: stack.node.id });
  handOver(stack, json);
  // The gate and its note show no passing finding: those are only counted.
  return evaluate(buildGraph([document]), rules, { now, findings: 'actionable' });
}

/**
 * cdktf builds the stack's JSON a second time right after the validations, to write cdk.tf.json;
 * measured, that second build was ~90% of this gate's cost (it is most of what synth itself does).
 * The JSON just evaluated is handed to that one call: an own property on this stack instance that
 * removes itself on first use, or on the next microtask when synth stopped (a failed validation),
 * so any later synth builds afresh. Nothing of cdktf is modified, and the loader never mutates it.
 */
function handOver(stack: TerraformStack, json: Record<string, unknown>): void {
  if (Object.prototype.hasOwnProperty.call(stack, 'toTerraform')) return; // overridden elsewhere: leave it
  const target = stack as unknown as { toTerraform?: () => Record<string, unknown> };
  let done = false;
  const restore = () => {
    if (done) return;
    done = true;
    delete target.toTerraform;
  };
  target.toTerraform = () => {
    restore();
    return json;
  };
  queueMicrotask(restore);
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

function violationMessage(f: Finding, rules: readonly Rule[], gating: GateOptions): string {
  const rule = rules.find((r) => r.id === f.ruleId);
  const where = [
    f.path ? `property ${f.path}` : undefined,
    f.source.constructPath ? `construct ${f.source.constructPath}` : undefined,
  ]
    .filter(Boolean)
    .join(', ');
  const fix = rule ? ` Fix: ${rule.remediation}` : '';
  const threshold =
    gating.threshold === undefined || gating.threshold === 'low' ? '' : ` (threshold ${gating.threshold})`;
  const unknown = f.status === 'unknown' ? ' (unknown; failOnUnknown)' : '';
  return `${f.ruleId} [${f.severity}]${threshold}${unknown} ${f.resource.address}: ${f.title}: ${f.message}${where ? ` (${where})` : ''}.${fix}`;
}
