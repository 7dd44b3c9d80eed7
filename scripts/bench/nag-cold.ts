/**
 * One synth in a fresh process, as `cdk synth` runs an app: nothing compiled or warmed before the
 * plugins' validate(). Forked by nag-ratio.ts with `<app> <arm>`; reports its Times over IPC.
 */
import { type BenchApp, dataLakeApp, platformApp } from './nag-apps';
import { type ArmName, ARMS, synthTimed } from './nag-arms';

const [appName, arm] = process.argv.slice(2);
const apps: Record<string, () => BenchApp> = {
  platform: () => platformApp(Number(process.env.BENCH_PLATFORMS ?? 3)),
  'data-lake': () => dataLakeApp(Number(process.env.BENCH_STACKS ?? 40), Number(process.env.BENCH_ZONES ?? 6)),
};
if (!(appName in apps) || !(arm in ARMS)) {
  console.error(`nag-cold: expected <${Object.keys(apps).join('|')}> <${Object.keys(ARMS).join('|')}>`);
  process.exit(2);
}
process.send?.(synthTimed(apps[appName](), arm as ArmName));
