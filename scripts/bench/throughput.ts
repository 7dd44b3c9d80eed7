import { buildGraph, evaluate, loadPaths } from '../../policies/engine';
import { ALL_RULES } from '../../policies/rules';
import { collectGarbage, fmt, median, perSecond, stats, stopwatch, timeMs, type Stats, type Times } from './timing';

export interface Throughput {
  /** Resources per second of wall-clock time, from the median run. */
  readonly resourcesPerSecond: number;
}

const WARM_UP_RUNS = 3;

/**
 * Evaluation alone: load the synthesized output once, then time `runs` warm runs of
 * buildGraph + evaluate(ALL_RULES) as `zt-check` (text / SARIF reports) and both synth
 * integrations run them: passing findings counted, not listed (`findings: 'actionable'`). The
 * same with every finding listed (what a JSON or JUnit report needs) is printed for reference.
 */
export function measureThroughput(label: string, dir: string, runs: number): Throughput {
  const load = stopwatch();
  const docs = loadPaths([dir]);
  const firstLoad = load().wall;
  const warmLoad = median(Array.from({ length: 5 }, () => timeMs(() => loadPaths([dir]))));
  const resources = docs.reduce((n, d) => n + d.resources.length, 0);
  const gate = () => evaluate(buildGraph(docs), ALL_RULES, { findings: 'actionable' });
  const listed = () => evaluate(buildGraph(docs), ALL_RULES);
  const findings = listed().findings.length;
  console.log(
    `    ${label}: ${docs.length} documents, ${resources} resources, ${findings} findings; ` +
      `load ${fmt(firstLoad)} first, ${fmt(warmLoad)} warm (median of 5)`,
  );
  const rate = (ms: number) => resources / (ms / 1000);
  const all = timeRuns(listed, runs);
  const actionable = timeRuns(gate, runs);
  const line = (what: string, t: { wall: Stats; cpu: Stats }) =>
    `    ${what}: wall median ${fmt(t.wall.median)} (min ${fmt(t.wall.min)}, max ${fmt(t.wall.max)}); ` +
    `CPU median ${fmt(t.cpu.median)} = ${perSecond(rate(t.wall.median))} resources/s (wall median); ` +
    `${perSecond(rate(t.cpu.median))}/s (CPU median); ${perSecond(rate(t.wall.min))}/s (fastest run)`;
  console.log(line("buildGraph+evaluate, as the gates run it (findings: 'actionable')", actionable));
  console.log(line('every finding listed (a JSON / JUnit report), for reference', all));
  return { resourcesPerSecond: rate(actionable.wall.median) };
}

/** `runs` timed runs after the warm-up, from a clean heap (as each synth of the overhead A/B starts). */
function timeRuns(run: () => unknown, runs: number): { wall: Stats; cpu: Stats } {
  for (let i = 0; i < WARM_UP_RUNS; i++) run();
  collectGarbage();
  const times: Times[] = Array.from({ length: runs }, () => {
    const elapsed = stopwatch();
    run();
    return elapsed();
  });
  return { wall: stats(times.map((t) => t.wall)), cpu: stats(times.map((t) => t.cpu)) };
}
