/**
 * Where one `zt-check` run's time goes, phase by phase, in one process (npm run bench:phases -- file):
 * read, JSON.parse, key scan (lines + duplicate keys), document build, buildGraph + evaluate, and
 * the text report to /dev/null. Wall and CPU per phase, median of PHASE_RUNS (default 3) runs; the
 * first run (cold JIT, as the CLI's only run is) is printed on its own.
 */
import * as os from 'os';
import { buildGraph, evaluate } from '../../policies/engine';
import { loadCloudFormationObject } from '../../policies/engine/cfn-loader';
import { withKeyPositions } from '../../policies/engine/json-positions';
import { readText } from '../../policies/engine/parse';
import { writeReport } from '../../policies/report';
import { ALL_RULES } from '../../policies/rules';
import { fmt, median, stopwatch, type Times } from './timing';

const file = process.argv[2];
const RUNS = Number(process.env.PHASE_RUNS ?? 3);

function once(): Record<string, Times> {
  const t: Record<string, Times> = {};
  const time = <T>(name: string, fn: () => T): T => {
    const elapsed = stopwatch();
    const out = fn();
    t[name] = elapsed();
    return out;
  };
  const text = time('read', () => readText(file));
  const value = time('JSON.parse', () => JSON.parse(text) as unknown);
  const parsed = time('key scan', () => withKeyPositions(text, value));
  const doc = time('document', () => loadCloudFormationObject(value, { file, lines: parsed.lines }));
  const result = time('evaluate', () => evaluate(buildGraph([doc]), ALL_RULES));
  time('text report', () => {
    let n = 0;
    writeReport(result, ALL_RULES, 'text', (s) => (n += s.length), {});
    return n;
  });
  return t;
}

const runs = Array.from({ length: RUNS }, once);
console.log(`${file}: ${RUNS} runs, load average ${os.loadavg()[0].toFixed(1)}`);
for (const phase of Object.keys(runs[0])) {
  const wall = median(runs.map((r) => r[phase].wall));
  const cpu = median(runs.map((r) => r[phase].cpu));
  console.log(`  ${phase.padEnd(12)} first ${fmt(runs[0][phase].wall)}; median wall ${fmt(wall)}, CPU ${fmt(cpu)}`);
}
