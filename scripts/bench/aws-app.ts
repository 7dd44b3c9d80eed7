import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { SecureDataLake } from '../../lib/aws/data-lake';
import { waive } from '../../lib/aws/waive';
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
    const lake = new SecureDataLake(stack, 'Lake', {
      zones: Array.from({ length: zones }, (_, z) => `zone${z}`),
      lineage: `bench:${i}`,
    });
    // Stand-alone lakes: the account trail records their data events (the platform composes AuditTrail).
    for (const zone of lake.zones) {
      waive(lake.bucket(zone), {
        ruleId: 'ZT-MONITORING-002',
        reason: 'Benchmark app: S3 data events are recorded by the account-level trail, not by each stack.',
      });
    }
  }
  app.synth();
  return { outdir, times: elapsed() };
}
