/**
 * Benchmark (npm run bench): policy evaluation throughput and synth-time validation overhead on a
 * generated app, per cloud: the synth A/B in one process per cloud (scripts/bench/cloud.ts), the
 * evaluation alone in another, which has synthesized the app once (scripts/bench/evaluation.ts).
 * Env: BENCH_STACKS (default 40), BENCH_ZONES (6), BENCH_RUNS (A/B synth pairs, default 5;
 * evaluation runs are max(20, 4 x BENCH_RUNS)).
 */
import { fork } from 'child_process';
import * as os from 'os';
import * as path from 'path';
import { ALL_RULES } from '../policies/rules';
import type { CloudResult } from './bench/cloud';
import type { Throughput } from './bench/throughput';
import { pct, perSecond } from './bench/timing';

const STACKS = positive('BENCH_STACKS', 40);
const ZONES = positive('BENCH_ZONES', 6);
const PAIRS = positive('BENCH_RUNS', 5);
const EVAL_RUNS = Math.max(20, 4 * PAIRS);
const RATE_TARGET = 50_000;
const OVERHEAD_TARGET = 1.05;

function positive(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) {
    console.error(`bench: ${name} must be a positive integer, got "${process.env[name]}"`);
    process.exit(2);
  }
  return value;
}

/** Runs a benchmark script in a fresh node process (same ts-node transpile-only loader); its IPC report. */
function runChild<T>(script: string, args: readonly (string | number)[], what: string): Promise<T> {
  const child = fork(path.join(__dirname, 'bench', script), args.map(String), {
    execArgv: ['-r', require.resolve('ts-node/register/transpile-only')],
    stdio: 'inherit',
  });
  return new Promise((resolve, reject) => {
    let result: T | undefined;
    child.on('message', (m) => (result = m as T));
    child.on('error', reject);
    child.on('exit', (code) =>
      result && code === 0 ? resolve(result) : reject(new Error(`bench: the ${what} run exited with ${code}`)),
    );
  });
}

/** One cloud: the synth A/B (cloud.ts), then the evaluation alone in a process of its own (evaluation.ts). */
async function runCloud(cloud: 'aws' | 'azure'): Promise<CloudResult & { readonly alone: Throughput }> {
  const ab = await runChild<CloudResult>('cloud.ts', [cloud, STACKS, ZONES, PAIRS, EVAL_RUNS], cloud);
  const alone = await runChild<Throughput>('evaluation.ts', [cloud, STACKS, ZONES, EVAL_RUNS], `${cloud} evaluation`);
  return { ...ab, alone };
}

/** Last step: our plugin's overhead against cdk-nag v3 on the same generated apps (scripts/bench/nag-ratio.ts). */
function runNag(): Promise<void> {
  const child = fork(path.join(__dirname, 'bench', 'nag-ratio.ts'), [], {
    execArgv: ['-r', require.resolve('ts-node/register/transpile-only')],
    stdio: 'inherit',
    env: { ...process.env, BENCH_STACKS: String(STACKS), BENCH_ZONES: String(ZONES), BENCH_RUNS: String(PAIRS) },
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`bench: the cdk-nag run exited with ${code}`)),
    );
  });
}

async function main(): Promise<void> {
  const builtin = process.env.CDK_VALIDATION === 'false' ? 'OFF (CDK_VALIDATION=false)' : 'on in both arms';
  console.log(
    `Benchmark: ${STACKS} stacks x data lake with ${ZONES} zones, per cloud; node ${process.version}, ` +
      `${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)}; ${ALL_RULES.length} rules`,
  );
  console.log(`aws-cdk-lib built-in CloudFormation validation: ${builtin}`);
  const results = [await runCloud('aws'), await runCloud('azure')];

  console.log(`\nload average at the end ${os.loadavg()[0].toFixed(1)} (above ~0.5 per CPU, wall-clock A/B is noisy)`);
  console.log(`peak RSS: ${results.map((r) => `${r.label} ${r.maxRssMiB.toFixed(0)} MiB`).join(', ')}`);
  const rates = results
    .map((r) => {
      const ok = r.alone.resourcesPerSecond >= RATE_TARGET;
      return (
        `${r.label} ${perSecond(r.alone.resourcesPerSecond)}/s ${ok ? 'met' : 'MISSED'} ` +
        `(${perSecond(r.resourcesPerSecond)}/s in the A/B process after its synths)`
      );
    })
    .join(', ');
  const overheads = results
    .map(({ label, overhead: { instrumented, ab } }) => {
      const { wall, cpu } = instrumented;
      const verdict = wall.median < OVERHEAD_TARGET ? 'met' : 'MISSED';
      return `${label} ${pct(wall.median)} ${verdict} (CPU ${pct(cpu.median)}, A/B ${pct(ab.wall.median)})`;
    })
    .join(', ');
  console.log(`targets: >= ${perSecond(RATE_TARGET)} resources/s evaluated (wall median): ${rates}.`);
  console.log(`         validation overhead < 5% of synth (instrumented, wall median): ${overheads}.`);
  console.log('');
  await runNag();
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});
