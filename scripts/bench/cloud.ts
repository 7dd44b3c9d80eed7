/**
 * One cloud's half of the benchmark, in its own process (forked by scripts/bench.ts) so each cloud
 * is measured the way its synth runs: `cdk synth` and `cdktf synth` are separate processes, and a
 * heap holding the other cloud's leftovers would slow one arm of the comparison and blur it.
 * Usage: cloud.ts aws|azure <stacks> <zones> <pairs> <evaluation runs>; reports via IPC.
 */
import * as fs from 'fs';
import { synthAwsApp, type SynthRun } from './aws-app';
import { synthAzureApp } from './azure-app';
import { measureOverhead, type Overhead } from './overhead';
import type { Probe } from './probe';
import { measureThroughput } from './throughput';
import { fmt } from './timing';

export interface CloudResult {
  readonly label: string;
  /** Evaluation alone in this (A/B) process, after all its synths: printed for reference. */
  readonly resourcesPerSecond: number;
  readonly overhead: Overhead;
  readonly maxRssMiB: number;
}

const CLOUDS: Record<string, { label: string; output: string; synth: string; app: typeof synthAwsApp }> = {
  aws: { label: 'AWS', output: 'cloud assembly', synth: 'cdk synth', app: synthAwsApp },
  azure: { label: 'Azure', output: 'cdktf.out', synth: 'cdktf synth', app: synthAzureApp },
};

function main(): void {
  const [name, ...numbers] = process.argv.slice(2);
  const cloud = CLOUDS[name];
  const [stacks, zones, pairs, evalRuns] = numbers.map(Number);
  if (!cloud || [stacks, zones, pairs, evalRuns].some((n) => !Number.isInteger(n) || n < 1)) {
    throw new Error(`usage: cloud.ts aws|azure <stacks> <zones> <pairs> <evaluation runs>, got ${process.argv}`);
  }
  const synth = (probe?: Probe): SynthRun => cloud.app(stacks, zones, probe);

  console.log(`\n${cloud.label} (own process)`);
  const first = synth();
  const init = name === 'aws' ? ", including the CDK's CloudFormation schema validator's one-time initialisation" : '';
  console.log(`  first synth in the process (no validation): ${fmt(first.times.wall)}${init}`);

  // Overhead first, so the warm-up pair shows the validation's cost with cold (not yet optimised) code.
  console.log('  synth overhead of validation (synth = build the construct tree + app.synth(); full GC before each)');
  const overhead = measureOverhead(`${cloud.label} ${cloud.synth}`, synth, pairs);

  // For reference only: this heap holds what aws-cdk-lib retains of every synth above (evaluation.ts).
  console.log(
    `  evaluation in this process after its ${2 * pairs + 3} synths (reference, not the target's figure): ` +
      `${evalRuns} warm runs after 3 warm-up runs`,
  );
  const { resourcesPerSecond } = measureThroughput(`${cloud.label} ${cloud.output}`, first.outdir, evalRuns);
  fs.rmSync(first.outdir, { recursive: true, force: true });
  const maxRssMiB = process.resourceUsage().maxRSS / 1024;
  console.log(`  peak RSS of this process ${maxRssMiB.toFixed(0)} MiB`);
  const result: CloudResult = { label: cloud.label, resourcesPerSecond, overhead, maxRssMiB };
  process.send?.(result);
}

main();
