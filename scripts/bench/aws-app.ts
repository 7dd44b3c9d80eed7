import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { SecureDataLake } from '../../lib/aws/data-lake';
import { ZeroTrustValidationPlugin } from '../../policies/integrations/cdk-plugin';

/** A large, realistic CDK app: `stacks` stacks, each a data lake with `zones` zone buckets. */
export function synthAwsApp(stacks: number, zones: number, withValidation: boolean): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'zt-bench-cdk-'));
  const app = new App({ outdir });
  if (withValidation) Validations.of(app).addPlugins(new ZeroTrustValidationPlugin());
  for (let i = 0; i < stacks; i++) {
    const stack = new Stack(app, `Bench${i}`);
    new SecureDataLake(stack, 'Lake', {
      zones: Array.from({ length: zones }, (_, z) => `zone${z}`),
      lineage: `bench:${i}`,
    });
  }
  app.synth();
  return outdir;
}
