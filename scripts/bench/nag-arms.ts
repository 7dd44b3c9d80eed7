import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, type IPolicyValidationPlugin, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, type NagPack, NIST80053R5Checks } from 'cdk-nag';
import { ZeroTrustValidationPlugin } from '../../policies/integrations/cdk-plugin';
import { type BenchApp, CDK_CLI_CONTEXT } from './nag-apps';
import { collectGarbage, cpuMs, nowMs } from './timing';

/** The two arms of the cdk-nag comparison, and one timed synth of an app with one of them. */

export type ArmName = 'zero-trust' | 'cdk-nag' | 'read-and-parse';

export const nagPacks = (app: App): NagPack[] => [new AwsSolutionsChecks(app), new NIST80053R5Checks(app)];

/**
 * The floor of any checker that reads what the synth wrote, as ours does: each template read and
 * JSON.parse'd, nothing judged. Printed beside the arms, so our figure can be read against it.
 */
const readAndParse: IPolicyValidationPlugin = {
  name: 'read-and-parse',
  validate: (ctx) => {
    let resources = 0;
    for (const file of ctx.templatePaths) {
      resources += Object.keys(JSON.parse(fs.readFileSync(file, 'utf8')).Resources ?? {}).length;
    }
    return { success: resources >= 0, violations: [] };
  },
};

export const ARMS: Readonly<Record<ArmName, (app: App) => IPolicyValidationPlugin[]>> = {
  'zero-trust': () => [new ZeroTrustValidationPlugin({ print: false })],
  'cdk-nag': nagPacks,
  'read-and-parse': () => [{ ...readAndParse }],
};

export interface Times {
  cpu: number;
  wall: number;
}

/**
 * Wraps validate() to time it (into `times`, when given). Findings are not the point: success lets
 * every synth of the comparison finish alike, whatever the packs find.
 */
function succeeding(plugin: IPolicyValidationPlugin, times?: Times): IPolicyValidationPlugin {
  const validate = plugin.validate.bind(plugin);
  plugin.validate = (ctx) => {
    const c = cpuMs();
    const w = nowMs();
    validate(ctx);
    if (times) {
      times.cpu += cpuMs() - c;
      times.wall += nowMs() - w;
    }
    return { success: true, violations: [] };
  };
  return plugin;
}

/**
 * One synth of `bench` as `cdk synth` builds it, with `plugins` registered, in an output directory
 * of its own; `after` reads that directory before it is removed.
 */
export function synthWith<T>(
  bench: BenchApp,
  plugins: (app: App) => readonly IPolicyValidationPlugin[],
  after: (outdir: string) => T,
  times?: Times,
): T {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'zt-bench-nag-'));
  try {
    const app = new App({ outdir, context: { ...CDK_CLI_CONTEXT } });
    Validations.of(app).addPlugins(...plugins(app).map((p) => succeeding(p, times)));
    bench.build(app);
    collectGarbage();
    app.synth();
    return after(outdir);
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** One synth of `bench` with the arm's plugins; the time spent in their validate(). */
export function synthTimed(bench: BenchApp, arm: ArmName): Times {
  const times: Times = { cpu: 0, wall: 0 };
  return synthWith(bench, ARMS[arm], () => times, times);
}
