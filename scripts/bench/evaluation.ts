/**
 * Evaluation alone, in a process of its own (forked by scripts/bench.ts): the app is synthesized
 * once, without validation, and its output evaluated warm. One synth is what a `cdk synth` /
 * `cdktf synth` process holds when its validation runs, and `zt-check` holds none. The A/B process
 * (cloud.ts) has synthesized the app a dozen times by its end, and aws-cdk-lib keeps about 9 MB
 * of every synth alive in the process (measured: heap after a full GC grows 54.7 -> 118.9 MB over
 * 8 synths with no plugin registered), so its figure is printed as well, labelled, not judged.
 * Usage: evaluation.ts aws|azure <stacks> <zones> <evaluation runs>; reports via IPC.
 */
import * as fs from 'fs';
import { synthAwsApp } from './aws-app';
import { synthAzureApp } from './azure-app';
import { measureThroughput, type Throughput } from './throughput';

const APPS = {
  aws: { label: 'AWS cloud assembly', app: synthAwsApp },
  azure: { label: 'Azure cdktf.out', app: synthAzureApp },
} as const;

function main(): void {
  const [name, ...numbers] = process.argv.slice(2);
  const [stacks, zones, runs] = numbers.map(Number);
  if ((name !== 'aws' && name !== 'azure') || [stacks, zones, runs].some((n) => !Number.isInteger(n) || n < 1)) {
    throw new Error(`usage: evaluation.ts aws|azure <stacks> <zones> <evaluation runs>, got ${process.argv}`);
  }
  const { label, app } = APPS[name];
  const run = app(stacks, zones);
  console.log(`  evaluation alone (own process, after one synth of the app): ${runs} warm runs after 3 warm-up runs`);
  const result: Throughput = measureThroughput(label, run.outdir, runs);
  fs.rmSync(run.outdir, { recursive: true, force: true });
  process.send?.(result);
}

main();
