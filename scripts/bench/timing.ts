/** Small timing helpers for the benchmark: medians over repeated in-process runs. */
export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function timeMs(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** Runs `fn` `runs` times after one warm-up and returns every timing in ms. */
export function repeat(runs: number, fn: () => void): number[] {
  fn();
  return Array.from({ length: runs }, () => timeMs(fn));
}

export function fmt(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;
}
