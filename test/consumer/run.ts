import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkPack, type Packed } from './pack';
import { checkCdkApp, checkCdktfApp, checkCli, type Consumer } from './consumers';
import { run, Tally, writeJson } from './support';

/**
 * npm run test:consumer: the package as a consumer gets it. Packs the tarball, installs it into
 * throw-away apps in a temp directory (from the npm cache/registry) and checks each one:
 *   cli      production dependencies only: `zt-check` runs, `./policies` loads no IaC framework
 *   aws      CDK app (aws-cdk-lib 2.276, NodeNext), tsc + `node app.js`: instanceof, gate, waiver
 *   aws-min  the same app on the lowest aws-cdk-lib minor of the peer range (node10 resolution)
 *   azure    CDKTF app, tsc + `app.synth()` in node: instanceof, gate
 * Options: --no-build (dist/ is fresh), --keep (leave the temp directory).
 * CONSUMER_NODE=/path/to/node runs the apps, tsc and zt-check under another Node binary.
 */

const ROOT = path.resolve(__dirname, '..', '..');

const TS = { typescript: '5.9.3', '@types/node': '20.19.25' };
const CONSUMERS: readonly Consumer[] = [
  { name: 'cli', kind: 'cli', deps: {} },
  {
    name: 'aws',
    kind: 'cdk',
    deps: { 'aws-cdk-lib': '2.276.0', constructs: '10.5.1', ...TS },
    tsconfig: 'tsconfig.json',
  },
  {
    name: 'aws-min',
    kind: 'cdk',
    // The floor of the peer range: Validations.of().acknowledge() arrived in 2.252.0.
    deps: { 'aws-cdk-lib': '2.252.0', constructs: '10.5.0', ...TS },
    tsconfig: 'tsconfig.node10.json',
  },
  {
    name: 'azure',
    kind: 'cdktf',
    deps: { cdktf: '0.21.0', '@cdktf/provider-azurerm': '14.23.1', constructs: '10.5.1', ...TS },
    tsconfig: 'tsconfig.json',
  },
];

function main(argv: readonly string[]): number {
  const started = Date.now();
  const tally = new Tally();
  const node = process.env.CONSUMER_NODE ?? process.execPath;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zt-consumer-'));
  const only = argv
    .find((a) => a.startsWith('--only='))
    ?.slice('--only='.length)
    .split(',');
  console.log(`consumer test in ${tmp} (node ${run(node, ['--version'], tmp).output.trim()})`);
  try {
    if (!argv.includes('--no-build')) {
      console.log('\n== build');
      if (!tally.ran('npm run build', run('npm', ['run', 'build'], ROOT))) return finish(tally, started);
    }
    console.log('\n== pack');
    const packed: Packed | undefined = checkPack(tally, ROOT, tmp);
    if (!packed) return finish(tally, started);
    for (const consumer of CONSUMERS) {
      if (only && !only.includes(consumer.name)) {
        // Only on explicit request, and said aloud: never a silent skip.
        console.log(`\n== ${consumer.name}: not run (--only=${only.join(',')})`);
        continue;
      }
      console.log(`\n== consumer ${consumer.name}`);
      const dir = path.join(tmp, consumer.name);
      fs.mkdirSync(dir);
      writeJson(path.join(dir, 'package.json'), {
        name: `zt-consumer-${consumer.name}`,
        version: '0.0.0',
        private: true,
        dependencies: { '@zt-ai/blueprint': `file:${packed.tarball}`, ...consumer.deps },
      });
      const install = run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--omit=dev'], dir);
      if (!tally.ran(`${consumer.name}: npm install`, install)) continue;
      const env = { PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH ?? ''}` };
      const check = consumer.kind === 'cli' ? checkCli : consumer.kind === 'cdk' ? checkCdkApp : checkCdktfApp;
      check(tally, { dir, node, env, consumer, sources: path.join(__dirname, 'apps', consumer.kind) });
    }
  } finally {
    if (argv.includes('--keep')) console.log(`\nkept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }
  return finish(tally, started);
}

function finish(tally: Tally, started: number): number {
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  console.log(`\nconsumer tests: ${tally.passed} passed, ${tally.failed} failed (${seconds} s)`);
  return tally.failed === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
