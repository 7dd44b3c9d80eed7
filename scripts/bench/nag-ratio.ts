/**
 * Validation overhead against cdk-nag v3 (npm run bench:nag, and the last step of npm run bench): the
 * same generated CDK app (BENCH_STACKS stacks x a data lake of BENCH_ZONES zones) is synthesized with
 * the ZeroTrust plugin and, separately, with cdk-nag's AwsSolutions and NIST 800-53 R5 packs. Each
 * plugin's validate() is timed in process CPU (robust to other load) and wall clock, median of
 * BENCH_RUNS synths per arm after one warm-up each; the figures are our overhead as a ratio to
 * cdk-nag's, and the rules and resource types each evaluated.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, type IPolicyValidationPlugin, Stack, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, NIST80053R5Checks, type NagPack } from 'cdk-nag';
import { SecureDataLake } from '../../lib/aws/data-lake';
import { ZeroTrustValidationPlugin } from '../../policies/integrations/cdk-plugin';
import { ALL_RULES } from '../../policies/rules';
import { collectGarbage, cpuMs, median, nowMs } from './timing';

const STACKS = Number(process.env.BENCH_STACKS ?? 40);
const ZONES = Number(process.env.BENCH_ZONES ?? 6);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TARGET = 0.1;

interface Arm {
  readonly label: string;
  readonly plugins: (app: App) => IPolicyValidationPlugin[];
}

interface Sample {
  cpu: number;
  wall: number;
  types: Set<string>;
  rules: Set<string>;
}

/** Wraps validate() to time it; for cdk-nag also records every rule applied and resource type visited. */
function instrument(plugin: IPolicyValidationPlugin, sample: Sample): IPolicyValidationPlugin {
  const validate = plugin.validate.bind(plugin);
  plugin.validate = (ctx) => {
    const c = cpuMs();
    const w = nowMs();
    validate(ctx);
    sample.cpu += cpuMs() - c;
    sample.wall += nowMs() - w;
    // Findings are not the point here: report success so both arms finish the synth the same way.
    return { success: true, violations: [] };
  };
  const pack = plugin as unknown as { applyRule?: NagPack['applyRule'] } & { readPackName?: string };
  if (typeof pack.applyRule === 'function') {
    const apply = pack.applyRule.bind(plugin);
    (pack as { applyRule: NagPack['applyRule'] }).applyRule = (params) => {
      sample.rules.add(`${pack.readPackName}-${params.ruleSuffixOverride ?? params.rule.name}`);
      sample.types.add(params.node.cfnResourceType);
      return apply(params);
    };
  }
  return plugin;
}

function synth(arm: Arm): Sample {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'zt-bench-nag-'));
  const sample: Sample = { cpu: 0, wall: 0, types: new Set(), rules: new Set() };
  try {
    const app = new App({ outdir });
    Validations.of(app).addPlugins(...arm.plugins(app).map((p) => instrument(p, sample)));
    for (let i = 0; i < STACKS; i++) {
      const stack = new Stack(app, `Bench${i}`);
      new SecureDataLake(stack, 'Lake', {
        zones: Array.from({ length: ZONES }, (_, z) => `zone${z}`),
        lineage: `b:${i}`,
      });
    }
    collectGarbage();
    app.synth();
    return sample;
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

function measure(arm: Arm): { cpu: number; wall: number; sample: Sample } {
  synth(arm); // warm-up: module loading, JIT
  const samples = Array.from({ length: RUNS }, () => synth(arm));
  return { cpu: median(samples.map((s) => s.cpu)), wall: median(samples.map((s) => s.wall)), sample: samples[0] };
}

function main(): void {
  const zeroTrust = measure({ label: 'zero-trust', plugins: () => [new ZeroTrustValidationPlugin({ print: false })] });
  const nag = measure({
    label: 'cdk-nag',
    plugins: (app) => [new AwsSolutionsChecks(app), new NIST80053R5Checks(app)],
  });
  // Our rules and types: those with a check for a resource type present in the synthesized app.
  const app = new App();
  const stack = new Stack(app, 'Types');
  new SecureDataLake(stack, 'Lake', { zones: ['zone0'], lineage: 'b:types' });
  const present = new Set(
    stack.node
      .findAll()
      .map((c) => (c as { cfnResourceType?: string }).cfnResourceType)
      .filter((t): t is string => typeof t === 'string'),
  );
  const ourRules = ALL_RULES.filter((r) => Object.keys(r.checks).some((t) => present.has(t)));
  const ourTypes = new Set(ALL_RULES.flatMap((r) => Object.keys(r.checks)).filter((t) => present.has(t)));
  const ratioCpu = zeroTrust.cpu / nag.cpu;
  const ratioWall = zeroTrust.wall / nag.wall;
  console.log(
    `Validation overhead vs cdk-nag v3: ${STACKS} stacks x data lake (${ZONES} zones), ${RUNS} synths per arm`,
  );
  console.log(
    `  zero-trust plugin: validate ${zeroTrust.cpu.toFixed(0)} ms CPU / ${zeroTrust.wall.toFixed(0)} ms wall (median); ` +
      `${ourRules.length} rules with a check for the app's types, ${ourTypes.size} resource types of ${ALL_RULES.length} rules' catalogue`,
  );
  console.log(
    `  cdk-nag AwsSolutions + NIST 800-53 R5: validate ${nag.cpu.toFixed(0)} ms CPU / ${nag.wall.toFixed(0)} ms wall; ` +
      `${nag.sample.rules.size} rules applied, ${nag.sample.types.size} resource types visited`,
  );
  const ok = ratioCpu <= TARGET;
  console.log(
    `  ratio (ours / cdk-nag): CPU ${ratioCpu.toFixed(3)}, wall ${ratioWall.toFixed(3)} (target <= ${TARGET}: ${ok ? 'MET' : 'MISSED'})`,
  );
}

main();
