import * as v8 from 'v8';
import * as vm from 'vm';

/** Small timing helpers for the benchmark: medians over repeated in-process runs. */

export interface Stats {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function stats(values: readonly number[]): Stats {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** CPU time of this process (user + system, every thread), in ms: robust to other load on the machine. */
export function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Elapsed wall-clock and CPU time of one piece of work. */
export interface Times {
  readonly wall: number;
  readonly cpu: number;
}

export const ZERO: Times = { wall: 0, cpu: 0 };

/** Starts a stopwatch; calling the result returns the wall and CPU time elapsed since. */
export function stopwatch(): () => Times {
  const wall = nowMs();
  const cpu = cpuMs();
  return () => ({ wall: nowMs() - wall, cpu: cpuMs() - cpu });
}

export const add = (a: Times, b: Times): Times => ({ wall: a.wall + b.wall, cpu: a.cpu + b.cpu });
export const sub = (a: Times, b: Times): Times => ({ wall: a.wall - b.wall, cpu: a.cpu - b.cpu });

export function timeMs(fn: () => void): number {
  const t0 = nowMs();
  fn();
  return nowMs() - t0;
}

export function fmt(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;
}

export const pct = (ratio: number): string => `${((ratio - 1) * 100).toFixed(1)}%`;
export const perSecond = (n: number): string => Math.round(n).toLocaleString('en-US');

/**
 * A full GC, run (untimed) before each timed synth so every synth starts from a clean heap, as a
 * fresh `cdk synth` / `cdktf synth` process would, instead of paying for the previous run's garbage.
 * `--expose-gc` is switched on at run time, so `npm run bench` needs no extra node flags.
 */
export const collectGarbage: () => void = (() => {
  v8.setFlagsFromString('--expose-gc');
  const gc: unknown = vm.runInNewContext('gc');
  return typeof gc === 'function' ? (gc as () => void) : () => undefined;
})();
