import { add, stopwatch, sub, ZERO, type Times } from './timing';

/**
 * In-process instrumentation of one validated synth: the time spent inside our validation, and,
 * for cdktf, which stack resolutions (`stack.toTerraform()`) happened inside it and whether the
 * write of `cdk.tf.json` resolved the stack again or reused the validated JSON (the hand-over).
 */
export class Probe {
  private validation: Times = ZERO;
  private depth = 0;
  private readonly inValidation = new Map<object, Times>();
  private readonly byWrite = new Set<object>();

  /** Runs (a part of) our validation, counting its time. */
  public time<T>(fn: () => T): T {
    const elapsed = stopwatch();
    this.depth++;
    try {
      return fn();
    } finally {
      this.depth--;
      if (this.depth === 0) this.validation = add(this.validation, elapsed());
    }
  }

  /** One resolution of `stack`, made by our validation or by the synthesizer's write. */
  public resolve<T>(stack: object, fn: () => T): T {
    if (this.depth === 0) {
      this.byWrite.add(stack);
      return fn();
    }
    const elapsed = stopwatch();
    try {
      return fn();
    } finally {
      this.inValidation.set(stack, add(this.inValidation.get(stack) ?? ZERO, elapsed()));
    }
  }

  /** Total time inside our validation. */
  public get validationTimes(): Times {
    return this.validation;
  }

  /** Stacks resolved inside the validation, and how many of them the write did not resolve again. */
  public get handOver(): { readonly validated: number; readonly handedOver: number } {
    const stacks = [...this.inValidation.keys()];
    return { validated: stacks.length, handedOver: stacks.filter((s) => !this.byWrite.has(s)).length };
  }

  /** Time spent resolving stacks inside the validation. */
  public get resolveTimes(): Times {
    return [...this.inValidation.values()].reduce(add, ZERO);
  }

  /**
   * Work the validation added to the synth: its time minus the resolutions the write reused
   * (work the synth performs anyway, with or without validation).
   */
  public get addedTimes(): Times {
    const reused = [...this.inValidation.entries()].filter(([s]) => !this.byWrite.has(s)).map(([, t]) => t);
    return sub(this.validation, reused.reduce(add, ZERO));
  }
}
