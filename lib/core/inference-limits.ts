import { BlueprintConfigError } from './errors';
import { validateIntRange } from './validate';

/**
 * Per-caller limits of an inference gateway, one shape for both clouds: a call rate (the defence
 * against model extraction by volume), a call quota over a longer period, and for LLM APIs a
 * token rate. AWS maps them onto a usage plan, Azure onto APIM's rate-limit-by-key / quota-by-key
 * / token-limit policies.
 */
export interface CallerLimits {
  /** Calls a caller may make per `ratePeriodSeconds`. */
  readonly rate: number;
  /** Window of the rate, in seconds. */
  readonly ratePeriodSeconds: number;
  /** Calls a caller may make per `quotaPeriodSeconds`. */
  readonly quota: number;
  /** Window of the quota, in seconds (at least the rate's window). */
  readonly quotaPeriodSeconds: number;
}

/** Largest window APIM and usage plans accept for a quota: one year. */
export const MAX_QUOTA_PERIOD_SECONDS = 365 * 24 * 3600;

/**
 * Validates caller limits; errors name `<prefix>.<field>`. A quota below the rate is rejected: it
 * would make the rate meaningless (the caller runs dry inside the first rate window) and usually
 * means the two numbers were swapped.
 */
export function validateCallerLimits(prefix: string, l: CallerLimits): CallerLimits {
  const rate = validateIntRange(`${prefix}.rate`, l.rate, 1, 1_000_000);
  const ratePeriodSeconds = validateIntRange(`${prefix}.ratePeriodSeconds`, l.ratePeriodSeconds, 1, 3600);
  const quota = validateIntRange(`${prefix}.quota`, l.quota, 1, 2_000_000_000);
  const quotaPeriodSeconds = validateIntRange(
    `${prefix}.quotaPeriodSeconds`,
    l.quotaPeriodSeconds,
    ratePeriodSeconds,
    MAX_QUOTA_PERIOD_SECONDS,
  );
  if (quota < rate) {
    throw new BlueprintConfigError(
      `${prefix}.quota`,
      `at least the rate (${rate} calls per ${ratePeriodSeconds} s): a quota below the rate is exhausted inside one rate window`,
      quota,
    );
  }
  return { rate, ratePeriodSeconds, quota, quotaPeriodSeconds };
}

/**
 * A guardrail must screen what comes in: at least one input (prompt) filter, e.g. the
 * prompt-attack filter or a content category applied to prompts. `inputFilters` lists the names
 * of the enabled input filters; the error names `prop`.
 */
export function requireInputFilter(prop: string, inputFilters: readonly string[]): void {
  if (inputFilters.length === 0) {
    throw new BlueprintConfigError(
      prop,
      'at least one input filter (a prompt-attack filter or a content category applied to prompts)',
      'no input filter',
    );
  }
}
