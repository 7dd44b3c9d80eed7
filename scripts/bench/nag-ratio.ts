/**
 * Validation overhead against cdk-nag v3 (npm run bench:nag, and the last step of npm run bench).
 * Two generated CDK apps, each synthesized as `cdk synth` does (nag-apps.ts): the reference platform
 * stack BENCH_PLATFORMS times (every AWS layer: the app our users deploy), and BENCH_STACKS stacks x
 * a data lake of BENCH_ZONES zones (many resources of few types). Each app is synthesized with the
 * ZeroTrust plugin and, separately, with cdk-nag's AwsSolutions and NIST 800-53 R5 packs, and each
 * arm's validate() is timed in process CPU (robust to other load) and wall clock:
 * - in one process, median of BENCH_RUNS synths after a warm-up (the deciding figure, by CPU);
 * - one synth per fresh process, median of BENCH_COLD_RUNS processes (nag-cold.ts): what a
 *   `cdk synth` pays, nothing compiled beforehand.
 * The arms take turns (one synth of each per round), so a machine that slows down mid-run slows
 * every arm alike; the spread of the per-round ratios is printed as the noise of the figure.
 * Printed: our overhead as a ratio to cdk-nag's, what each side evaluated (nag-counts.ts), and the
 * floor of a checker that reads the synthesized templates (reading and parsing them, nothing judged).
 */
import { fork } from 'child_process';
import * as path from 'path';
import { type BenchApp, dataLakeApp, platformApp } from './nag-apps';
import { type ArmName, nagPacks, synthTimed, type Times } from './nag-arms';
import { type Coverage, nagCoverage, nagRulesCovered, ourCoverage } from './nag-counts';
import { median } from './timing';

const PLATFORMS = Number(process.env.BENCH_PLATFORMS ?? 3);
const STACKS = Number(process.env.BENCH_STACKS ?? 40);
const ZONES = Number(process.env.BENCH_ZONES ?? 6);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 5);
const TARGET = 0.1;

const medianTimes = (samples: readonly Times[]): Times => ({
  cpu: median(samples.map((s) => s.cpu)),
  wall: median(samples.map((s) => s.wall)),
});

const ARM_NAMES: readonly ArmName[] = ['zero-trust', 'cdk-nag', 'read-and-parse'];

/** Each arm's samples, taken in rounds (one synth of every arm per round): drift hits all arms alike. */
type Samples = Record<ArmName, Times[]>;

function inProcess(bench: BenchApp): Samples {
  ARM_NAMES.forEach((arm) => synthTimed(bench, arm)); // warm-up: module loading, JIT
  const out: Samples = { 'zero-trust': [], 'cdk-nag': [], 'read-and-parse': [] };
  for (let i = 0; i < RUNS; i++) ARM_NAMES.forEach((arm) => out[arm].push(synthTimed(bench, arm)));
  return out;
}

function coldOnce(appName: string, arm: ArmName): Promise<Times> {
  const child = fork(path.join(__dirname, 'nag-cold.ts'), [appName, arm], {
    execArgv: ['-r', require.resolve('ts-node/register/transpile-only')],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    let result: Times | undefined;
    child.on('message', (m) => (result = m as Times));
    child.on('error', reject);
    child.on('exit', (code) =>
      result && code === 0
        ? resolve(result)
        : reject(new Error(`bench: nag-cold ${appName} ${arm} exited with ${code}`)),
    );
  });
}

async function cold(appName: string): Promise<Pick<Samples, 'zero-trust' | 'cdk-nag'>> {
  const out = { 'zero-trust': [] as Times[], 'cdk-nag': [] as Times[] };
  for (let i = 0; i < COLD_RUNS; i++) {
    out['zero-trust'].push(await coldOnce(appName, 'zero-trust'));
    out['cdk-nag'].push(await coldOnce(appName, 'cdk-nag'));
  }
  return out;
}

/** The CPU ratio of each round (ours / cdk-nag's, same round): its spread shows the machine's noise. */
function roundRatios(ours: readonly Times[], nag: readonly Times[]): string {
  const r = ours.map((t, i) => t.cpu / nag[i].cpu).sort((a, b) => a - b);
  return `per round ${r[0].toFixed(3)}-${r[r.length - 1].toFixed(3)}`;
}

const describe = (c: Coverage, applied: string): string =>
  `${c.applied} rules ${applied}, ${c.withVerdict} with a verdict (${c.distinct} distinct checks), ` +
  `${c.checks} rule x type checks, ` +
  `${c.typesJudged} of ${c.typesPresent} resource types judged`;

const ms = (t: Times): string => `${t.cpu.toFixed(0)} ms CPU / ${t.wall.toFixed(0)} ms wall`;
const ratio = (ours: Times, nag: Times): string =>
  `CPU ${(ours.cpu / nag.cpu).toFixed(3)}, wall ${(ours.wall / nag.wall).toFixed(3)}`;

/** Prints one app's figures; whether its in-process CPU ratio meets the target. */
async function compare(appName: string, bench: BenchApp): Promise<boolean> {
  const warm = inProcess(bench);
  const [ours, nag, floor] = ARM_NAMES.map((arm) => medianTimes(warm[arm]));
  const coldSamples = await cold(appName);
  const [oursCold, nagCold] = [medianTimes(coldSamples['zero-trust']), medianTimes(coldSamples['cdk-nag'])];
  const ourCount = ourCoverage(bench);
  const nagCount = nagCoverage(bench, nagPacks);
  const ok = ours.cpu / nag.cpu <= TARGET;
  console.log(`  ${bench.label}:`);
  console.log(`    zero-trust plugin: ${describe(ourCount, 'with a check for a present type')}`);
  console.log(`    cdk-nag AwsSolutions + NIST 800-53 R5: ${describe(nagCount, 'applied to every resource')}`);
  console.log(
    `    cdk-nag rules with a verdict that a zero-trust rule with a verdict names as its equivalent: ` +
      `${nagRulesCovered(ourCount, nagCount)} of ${nagCount.withVerdict}`,
  );
  console.log(
    `    in one process (median of ${RUNS} synths): ours ${ms(ours)}, cdk-nag ${ms(nag)}; ` +
      `ratio ${ratio(ours, nag)} (target <= ${TARGET} by CPU: ${ok ? 'met' : 'missed'}; ` +
      `${roundRatios(warm['zero-trust'], warm['cdk-nag'])})`,
  );
  console.log(
    `    floor, reading and parsing the templates only (in one process): ${ms(floor)} = CPU ${(floor.cpu / nag.cpu).toFixed(3)} of cdk-nag's`,
  );
  console.log(
    `    one synth per fresh process, as cdk synth (median of ${COLD_RUNS}): ours ${ms(oursCold)}, cdk-nag ${ms(nagCold)}; ` +
      `ratio ${ratio(oursCold, nagCold)} (${roundRatios(coldSamples['zero-trust'], coldSamples['cdk-nag'])})`,
  );
  return ok;
}

async function main(): Promise<void> {
  console.log('Validation overhead vs cdk-nag v3, apps synthesized as `cdk synth` does');
  const results = [
    await compare('platform', platformApp(PLATFORMS)),
    await compare('data-lake', dataLakeApp(STACKS, ZONES)),
  ];
  console.log(`  in-process CPU ratio <= ${TARGET} on both apps: ${results.every(Boolean) ? 'MET' : 'MISSED'}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
