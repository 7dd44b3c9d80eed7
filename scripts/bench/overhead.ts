import * as fs from 'fs';
import type { SynthRun } from './aws-app';
import { Probe } from './probe';
import { collectGarbage, fmt, pct, stats, type Stats, type Times } from './timing';

/** Synth time with validation as a ratio to synth time without it (1.05 = 5% overhead). */
export interface Overhead {
  readonly label: string;
  /** validated / plain synth, per A/B pair: includes the machine's noise. */
  readonly ab: Record<keyof Times, Stats>;
  /** synth / (synth - work our validation added), per validated synth: the precise figure. */
  readonly instrumented: Record<keyof Times, Stats>;
}

type Synth = (probe?: Probe) => SynthRun;

/** One synth from a clean heap; its output directory is removed afterwards (untimed). */
function once(synth: Synth, probe?: Probe): Times {
  collectGarbage();
  const run = synth(probe);
  fs.rmSync(run.outdir, { recursive: true, force: true });
  return run.times;
}

const ratio = (s: Stats) => `median ${s.median.toFixed(3)} (min ${s.min.toFixed(3)}, max ${s.max.toFixed(3)})`;
const percent = (s: Stats) => `median ${pct(s.median)} (min ${pct(s.min)}, max ${pct(s.max)})`;
const both = <T>(fn: (k: keyof Times) => T): Record<keyof Times, T> => ({ wall: fn('wall'), cpu: fn('cpu') });

/**
 * Synth without and with validation in `pairs` alternating pairs (ABBA order, so drift hits both
 * arms alike), after one untimed pair that absorbs module loading, JIT and one-time initialisation
 * (aws-cdk-lib's CloudFormation schema validator). Wall-clock and process CPU time are both kept:
 * on a busy machine CPU time is the steadier of the two.
 */
export function measureOverhead(label: string, synth: Synth, pairs: number): Overhead {
  const coldProbe = new Probe();
  const warm = [once(synth), once(synth, coldProbe)];
  const plain: Times[] = [];
  const checked: Times[] = [];
  const probes: Probe[] = [];
  const validated = () => {
    const probe = new Probe();
    checked.push(once(synth, probe));
    probes.push(probe);
  };
  for (let i = 0; i < pairs; i++) {
    if (i % 2 === 0) {
      plain.push(once(synth));
      validated();
    } else {
      validated();
      plain.push(once(synth));
    }
  }
  const ab = both((k) => stats(plain.map((p, i) => checked[i][k] / p[k])));
  const added = probes.map((p) => p.addedTimes);
  const instrumented = both((k) => stats(checked.map((c, i) => c[k] / (c[k] - added[i][k]))));
  const med = (values: Times[], k: keyof Times) => fmt(stats(values.map((t) => t[k])).median);
  const spread = (values: Times[], k: keyof Times) => {
    const s = stats(values.map((t) => t[k]));
    return `${fmt(s.median)} (${fmt(s.min)}..${fmt(s.max)})`;
  };

  console.log(
    `    ${label}: warm-up pair ${fmt(warm[0].wall)} without, ${fmt(warm[1].wall)} with validation (untimed; ` +
      `first validation in this process, cold JIT: ${fmt(coldProbe.addedTimes.wall)} added)`,
  );
  console.log(`    A/B, ${pairs} pairs, synth without -> with validation:`);
  for (const k of ['wall', 'cpu'] as const) {
    const fastest = Math.min(...checked.map((t) => t[k])) / Math.min(...plain.map((t) => t[k]));
    console.log(
      `      ${k.padEnd(4)} median ${spread(plain, k)} -> ${spread(checked, k)}; ` +
        `per-pair ratio ${ratio(ab[k])} = ${pct(ab[k].median)}; fastest/fastest ${pct(fastest)}`,
    );
  }
  const inside = probes.map((p) => p.validationTimes);
  const stacks = probes[0].handOver.validated;
  const handedOver = Math.min(...probes.map((p) => p.handOver.handedOver));
  const resolving = med(
    probes.map((p) => p.resolveTimes),
    'wall',
  );
  const moved = stacks
    ? `, of which ${resolving} resolving stacks, handed to the cdk.tf.json write for ` +
      `${handedOver}/${stacks} stacks (fewest of the runs; work the synth does anyway)`
    : '';
  console.log(`    instrumented, per validated synth: inside our validation ${med(inside, 'wall')} wall${moved}`);
  console.log(
    `      added work ${med(added, 'wall')} wall, ${med(added, 'cpu')} CPU; overhead = added / (synth - added):`,
  );
  console.log(`      wall ${percent(instrumented.wall)}; cpu ${percent(instrumented.cpu)}`);
  return { label, ab, instrumented };
}
