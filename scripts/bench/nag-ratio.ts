/**
 * Validation overhead against cdk-nag v3 (npm run bench:nag, and the last step of npm run bench).
 * Two generated CDK apps, each synthesized as `cdk synth` does (nag-apps.ts): the reference platform
 * stack BENCH_PLATFORMS times (every AWS layer: the app our users deploy), and BENCH_STACKS stacks x
 * a data lake of BENCH_ZONES zones (many resources of few types). Each app is synthesized with the
 * ZeroTrust plugin and, separately, with cdk-nag's AwsSolutions and NIST 800-53 R5 packs; each
 * plugin's validate() is timed in process CPU (robust to other load, the deciding figure) and wall
 * clock, median of BENCH_RUNS synths per arm after one warm-up each. Printed: our overhead as a
 * ratio to cdk-nag's, and what each side evaluated (counted in synths of their own, nag-counts.ts).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, type IPolicyValidationPlugin, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, NIST80053R5Checks } from 'cdk-nag';
import { ZeroTrustValidationPlugin } from '../../policies/integrations/cdk-plugin';
import { type BenchApp, CDK_CLI_CONTEXT, dataLakeApp, platformApp } from './nag-apps';
import { type Coverage, nagCoverage, ourCoverage } from './nag-counts';
import { collectGarbage, cpuMs, median, nowMs } from './timing';

const PLATFORMS = Number(process.env.BENCH_PLATFORMS ?? 3);
const STACKS = Number(process.env.BENCH_STACKS ?? 40);
const ZONES = Number(process.env.BENCH_ZONES ?? 6);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TARGET = 0.1;

type Plugins = (app: App) => IPolicyValidationPlugin[];

const zeroTrust: Plugins = () => [new ZeroTrustValidationPlugin({ print: false })];
const nagPacks = (app: App) => [new AwsSolutionsChecks(app), new NIST80053R5Checks(app)];

interface Times {
  cpu: number;
  wall: number;
}

/** Wraps validate() to time it. Findings are not the point: success lets both arms finish the synth alike. */
function timed(plugin: IPolicyValidationPlugin, into: Times): IPolicyValidationPlugin {
  const validate = plugin.validate.bind(plugin);
  plugin.validate = (ctx) => {
    const c = cpuMs();
    const w = nowMs();
    validate(ctx);
    into.cpu += cpuMs() - c;
    into.wall += nowMs() - w;
    return { success: true, violations: [] };
  };
  return plugin;
}

function synth(bench: BenchApp, plugins: Plugins): Times {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'zt-bench-nag-'));
  const times: Times = { cpu: 0, wall: 0 };
  try {
    const app = new App({ outdir, context: { ...CDK_CLI_CONTEXT } });
    Validations.of(app).addPlugins(...plugins(app).map((p) => timed(p, times)));
    bench.build(app);
    collectGarbage();
    app.synth();
    return times;
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

function measure(bench: BenchApp, plugins: Plugins): Times {
  synth(bench, plugins); // warm-up: module loading, JIT
  const samples = Array.from({ length: RUNS }, () => synth(bench, plugins));
  return { cpu: median(samples.map((s) => s.cpu)), wall: median(samples.map((s) => s.wall)) };
}

const describe = (c: Coverage, applied: string): string =>
  `${c.applied} rules ${applied}, ${c.withVerdict} with a verdict, ${c.checks} rule x type checks, ` +
  `${c.typesJudged} of ${c.typesPresent} resource types judged`;

/** Prints one app's figures; whether its CPU ratio meets the target. */
function compare(bench: BenchApp): boolean {
  const ours = measure(bench, zeroTrust);
  const nag = measure(bench, nagPacks);
  const ourCount = ourCoverage(bench);
  const nagCount = nagCoverage(bench, nagPacks);
  const ratioCpu = ours.cpu / nag.cpu;
  const ratioWall = ours.wall / nag.wall;
  const ok = ratioCpu <= TARGET;
  console.log(`  ${bench.label}, ${RUNS} synths per arm:`);
  console.log(
    `    zero-trust plugin: validate ${ours.cpu.toFixed(0)} ms CPU / ${ours.wall.toFixed(0)} ms wall (median); ` +
      describe(ourCount, 'with a check for a present type'),
  );
  console.log(
    `    cdk-nag AwsSolutions + NIST 800-53 R5: validate ${nag.cpu.toFixed(0)} ms CPU / ${nag.wall.toFixed(0)} ms wall; ` +
      describe(nagCount, 'applied to every resource'),
  );
  console.log(
    `    ratio (ours / cdk-nag): CPU ${ratioCpu.toFixed(3)}, wall ${ratioWall.toFixed(3)} (target <= ${TARGET}: ${ok ? 'met' : 'missed'})`,
  );
  return ok;
}

function main(): void {
  console.log('Validation overhead vs cdk-nag v3, apps synthesized as `cdk synth` does');
  const results = [compare(platformApp(PLATFORMS)), compare(dataLakeApp(STACKS, ZONES))];
  const met = results.every(Boolean);
  console.log(`  CPU ratio <= ${TARGET} on both apps: ${met ? 'MET' : 'MISSED'}`);
}

main();
