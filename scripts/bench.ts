/**
 * Benchmark (npm run bench): policy evaluation throughput and synth-time validation overhead on a
 * generated app. Env: BENCH_STACKS (default 40), BENCH_ZONES (6), BENCH_RUNS (5).
 */
import * as fs from 'fs';
import { ALL_RULES } from '../policies/rules';
import { buildGraph, evaluate, loadPaths } from '../policies/engine';
import { synthAwsApp } from './bench/aws-app';
import { synthAzureApp } from './bench/azure-app';
import { fmt, median, repeat, timeMs } from './bench/timing';

const STACKS = Number(process.env.BENCH_STACKS ?? 40);
const ZONES = Number(process.env.BENCH_ZONES ?? 6);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

function evaluation(label: string, dir: string): number {
  let docs = loadPaths([dir]);
  const loadMs = median(repeat(RUNS, () => (docs = loadPaths([dir]))));
  const resources = docs.reduce((n, d) => n + d.resources.length, 0);
  const evalMs = median(repeat(RUNS, () => evaluate(buildGraph(docs), ALL_RULES)));
  const rate = resources / (evalMs / 1000);
  console.log(
    `${label}: ${docs.length} documents, ${resources} resources; load ${fmt(loadMs)}, ` +
      `graph+evaluate ${fmt(evalMs)} = ${Math.round(rate).toLocaleString('en-US')} resources/s`,
  );
  return rate;
}

function overhead(label: string, synth: (withValidation: boolean) => string): number {
  const dirs: string[] = [];
  const run = (v: boolean) => () => dirs.push(synth(v));
  run(false)();
  run(true)(); // warm-up both paths (module loading, JIT)
  const plain: number[] = [];
  const checked: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    plain.push(timeMs(run(false)));
    checked.push(timeMs(run(true)));
  }
  const ratio = median(checked) / median(plain);
  console.log(
    `${label}: synth ${fmt(median(plain))} without validation, ${fmt(median(checked))} with ` +
      `-> overhead ${((ratio - 1) * 100).toFixed(1)}% (ratio ${ratio.toFixed(3)})`,
  );
  dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
  return ratio;
}

function main(): void {
  console.log(`Benchmark: ${STACKS} stacks x data lake with ${ZONES} zones per cloud, median of ${RUNS} runs`);
  const awsDir = synthAwsApp(STACKS, ZONES, false);
  const tfDir = synthAzureApp(STACKS, ZONES, false);
  const rates = [evaluation('AWS cloud assembly', awsDir), evaluation('Azure cdktf.out', tfDir)];
  fs.rmSync(awsDir, { recursive: true, force: true });
  fs.rmSync(tfDir, { recursive: true, force: true });
  const ratios = [
    overhead('AWS cdk synth', (v) => synthAwsApp(STACKS, ZONES, v)),
    overhead('Azure cdktf synth', (v) => synthAzureApp(STACKS, ZONES, v)),
  ];
  console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
  const okRate = Math.min(...rates) >= 20000;
  const okOverhead = Math.max(...ratios) < 1.1;
  console.log(
    `targets: >= 20,000 resources/s ${okRate ? 'met' : 'MISSED'}; overhead < 10% ${okOverhead ? 'met' : 'MISSED'}`,
  );
}

main();
