import { buildGraph, evaluate, loadPaths } from '../../policies/engine';
import { ALL_RULES } from '../../policies/rules';
import { collectGarbage, fmt, median, perSecond, stats, stopwatch, timeMs, type Times } from './timing';

export interface Throughput {
  /** Resources per second of wall-clock time, from the median run. */
  readonly resourcesPerSecond: number;
}

const WARM_UP_RUNS = 3;

/**
 * Evaluation alone: load the synthesized output once, then time `runs` warm runs of
 * buildGraph + evaluate(ALL_RULES), as `zt-check` and both synth integrations run them.
 */
export function measureThroughput(label: string, dir: string, runs: number): Throughput {
  const load = stopwatch();
  const docs = loadPaths([dir]);
  const firstLoad = load().wall;
  const warmLoad = median(Array.from({ length: 5 }, () => timeMs(() => loadPaths([dir]))));
  const resources = docs.reduce((n, d) => n + d.resources.length, 0);
  const run = () => evaluate(buildGraph(docs), ALL_RULES);
  const findings = run().findings.length;
  for (let i = 1; i < WARM_UP_RUNS; i++) run();
  // From a clean heap, as each synth of the overhead A/B starts: not the collector's debt of the synths before.
  collectGarbage();
  const times: Times[] = Array.from({ length: runs }, () => {
    const elapsed = stopwatch();
    run();
    return elapsed();
  });
  const wall = stats(times.map((t) => t.wall));
  const cpu = stats(times.map((t) => t.cpu));
  const rate = (ms: number) => resources / (ms / 1000);
  console.log(
    `    ${label}: ${docs.length} documents, ${resources} resources, ${findings} findings; ` +
      `load ${fmt(firstLoad)} first, ${fmt(warmLoad)} warm (median of 5)`,
  );
  console.log(
    `    buildGraph+evaluate: wall median ${fmt(wall.median)} (min ${fmt(wall.min)}, max ${fmt(wall.max)}); ` +
      `CPU median ${fmt(cpu.median)}`,
  );
  console.log(
    `    = ${perSecond(rate(wall.median))} resources/s (wall median); ${perSecond(rate(cpu.median))}/s (CPU median); ` +
      `${perSecond(rate(wall.min))}/s (fastest run)`,
  );
  return { resourcesPerSecond: rate(wall.median) };
}
