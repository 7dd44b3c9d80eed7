import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { SecureDataLake } from '../../lib/aws/data-lake';
import { ZeroTrustValidationPlugin } from '../../policies/integrations/cdk-plugin';
import type { Probe } from './probe';
import { stopwatch, type Times } from './timing';

export interface SynthRun {
  readonly outdir: string;
  /** Building the construct tree plus `app.synth()`: what the app process does under `cdk synth`. */
  readonly times: Times;
}

/**
 * A large, realistic CDK app: `stacks` stacks, each a data lake with `zones` zone buckets. With a
 * probe, the ZeroTrust plugin is registered and its validate() timed; without, no plugin. The
 * CDK's built-in CloudFormation validation stays at its default (on) either way.
 */
export function synthAwsApp(stacks: number, zones: number, probe?: Probe): SynthRun {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'zt-bench-cdk-'));
  const elapsed = stopwatch();
  const app = new App({ outdir });
  if (probe) {
    const plugin = new ZeroTrustValidationPlugin({ print: false });
    const validate = plugin.validate.bind(plugin);
    plugin.validate = (context) => probe.time(() => validate(context));
    Validations.of(app).addPlugins(plugin);
  }
  for (let i = 0; i < stacks; i++) {
    const stack = new Stack(app, `Bench${i}`);
    new SecureDataLake(stack, 'Lake', {
      zones: Array.from({ length: zones }, (_, z) => `zone${z}`),
      lineage: `bench:${i}`,
    });
  }
  app.synth();
  return { outdir, times: elapsed() };
}
