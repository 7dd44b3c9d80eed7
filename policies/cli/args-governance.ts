import { MATRIX_FORMATS, type MatrixFormat } from '../report/matrix';
import { UsageError, oneOf, type Raw } from './args';
import { pairOutputs } from './outputs';

/** Parsing of the governance commands: `zt-check matrix` and `zt-check waivers`. */

interface Ids {
  readonly ruleIds?: readonly string[];
  readonly skipRuleIds?: readonly string[];
}

export interface MatrixCommand extends Ids {
  readonly command: 'matrix';
  readonly paths: readonly string[];
  readonly format: MatrixFormat;
  readonly output?: string;
}

export const WAIVER_FORMATS = ['text', 'md', 'json'] as const;
export type WaiverFormat = (typeof WAIVER_FORMATS)[number];

export interface WaiversCommand extends Ids {
  readonly command: 'waivers';
  readonly paths: readonly string[];
  readonly format: WaiverFormat;
  readonly output?: string;
  /** Also list, separately, the waivers in force that expire within this many days. */
  readonly expiringWithin?: number;
}

function one<T extends string>(raw: Raw, command: string, formats: readonly T[], fallback: T) {
  const outputs = pairOutputs(raw.sequence, (f) => oneOf('--format', f, formats), fallback, UsageError);
  if (outputs.length > 1) throw new UsageError(`"${command}" writes one report: give --format / --output once`);
  return outputs[0];
}

export function matrixCommand(raw: Raw, ids: Ids, _checked: Raw): MatrixCommand {
  const spec = one(raw, 'matrix', MATRIX_FORMATS, 'md');
  return {
    command: 'matrix',
    paths: raw.positionals.slice(1),
    format: spec.format,
    ...(spec.output !== undefined ? { output: spec.output } : {}),
    ...ids,
  };
}

export function waiversCommand(raw: Raw, ids: Ids, _checked: Raw): WaiversCommand {
  const spec = one(raw, 'waivers', WAIVER_FORMATS, 'text');
  const days = raw.values.get('--expiring-within');
  if (days !== undefined && !/^\d{1,5}$/.test(days))
    throw new UsageError(`--expiring-within needs a whole number of days (got "${days}")`);
  return {
    command: 'waivers',
    paths: raw.positionals.slice(1),
    format: spec.format,
    ...(spec.output !== undefined ? { output: spec.output } : {}),
    ...(days !== undefined ? { expiringWithin: Number(days) } : {}),
    ...ids,
  };
}
