import type { ISynthesisSession, TerraformStack } from 'cdktf';

/**
 * Hands the Terraform JSON a passing validation evaluated to the write of `cdk.tf.json`, so a synth
 * resolves the stack (`stack.toTerraform()`, the largest single cost of a cdktf synth) once, not twice.
 *
 * cdktf 0.21 `StackSynthesizer.synthesize()` runs, in order: aspects, `stack.runAllValidations()`
 * (throws if any validation in the stack reports an error), mkdir of the stack directory, custom
 * synthesis hooks (only `TerraformAsset` in cdktf: it copies files), annotation collection (throws
 * on error annotations), then `stack.toTerraform()` and the write. Nothing after the validations touches the construct
 * tree, so the JSON resolved during validation is the JSON the write would resolve. Validations
 * themselves are read-only checks; ours still hands its JSON over only once all of them returned.
 *
 * Scope, so nothing stale can survive: the stack's `synthesize()` is wrapped once; inside it, a
 * validation may offer its JSON, and only when `runAllValidations()` returns without error is a
 * one-shot `toTerraform` installed on the stack instance. Its first call restores the original
 * method and returns the JSON. Whatever happens (a failing validation, error annotations, HCL output
 * that never calls toTerraform, an exception), the `finally` of `synthesize()` restores the method
 * and drops the JSON. Outside `synthesize()` (Testing.synth, direct calls, skipped validation)
 * nothing is offered, so every other call resolves the stack afresh.
 */

interface Handoff {
  inSynth: boolean;
  offered?: unknown;
  restore?: () => void;
}

const HANDOFFS = new WeakMap<TerraformStack, Handoff>();

/** Wraps the stack's synthesize() and runAllValidations() once; both behave as before otherwise. */
export function enableTerraformHandoff(stack: TerraformStack): void {
  if (HANDOFFS.has(stack)) return;
  const state: Handoff = { inSynth: false };
  HANDOFFS.set(stack, state);

  const synthesizer = stack.synthesizer;
  const synthesize = synthesizer.synthesize.bind(synthesizer);
  synthesizer.synthesize = (session: ISynthesisSession) => {
    state.inSynth = true;
    try {
      synthesize(session);
    } finally {
      state.inSynth = false;
      state.offered = undefined;
      state.restore?.();
    }
  };

  const runAllValidations = stack.runAllValidations.bind(stack);
  stack.runAllValidations = () => {
    state.offered = undefined; // only JSON offered by this run counts
    runAllValidations(); // throws if any validation of the stack fails: nothing is handed over then
    const json = state.offered;
    state.offered = undefined;
    if (state.inSynth && json !== undefined) installOneShot(stack, state, json);
  };
}

/** Called by a validation that passed: `json` is what `stack.toTerraform()` returned to it. */
export function offerTerraform(stack: TerraformStack, json: unknown): void {
  const state = HANDOFFS.get(stack);
  if (state?.inSynth) state.offered = json;
}

function installOneShot(stack: TerraformStack, state: Handoff, json: unknown): void {
  const own = Object.getOwnPropertyDescriptor(stack, 'toTerraform');
  if (own && !own.configurable) return; // someone pinned the method: leave it alone
  state.restore = () => {
    state.restore = undefined;
    if (own) Object.defineProperty(stack, 'toTerraform', own);
    else Reflect.deleteProperty(stack, 'toTerraform');
  };
  Object.defineProperty(stack, 'toTerraform', {
    configurable: true,
    writable: true,
    value: () => {
      state.restore?.();
      return json;
    },
  });
}
