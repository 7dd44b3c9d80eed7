import * as fs from 'fs';
import * as path from 'path';
import type { AppContext } from './consumers';
import { diskMb, installed, loadedPackages, median, run, type Tally } from './support';

/**
 * The CLI-only consumer (`npm install @zt-ai/blueprint` for `npx zt-check`): production
 * dependencies only, no IaC framework installed, no ts-node, no type packages.
 */

/** A one-bucket template: the smallest input that exercises load, graph, rules and report. */
const TINY = { Resources: { Data: { Type: 'AWS::S3::Bucket', Properties: {} } } };
const STARTUP_RUNS = 9;
const WILDCARD_GRANT = {
  Resources: {
    Read: {
      Type: 'AWS::IAM::ManagedPolicy',
      Properties: {
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
        },
      },
    },
  },
};

/** The status of `ruleId`'s finding in a JSON report, or what went wrong reading it. */
function judged(output: string, ruleId: string): string {
  try {
    const report = JSON.parse(output) as { findings?: { ruleId: string; status: string }[] };
    return report.findings?.find((f) => f.ruleId === ruleId)?.status ?? 'no finding';
  } catch {
    return 'no JSON report';
  }
}

export function checkCli(tally: Tally, ctx: AppContext): void {
  const { dir, node, env } = ctx;
  for (const pkg of ['ts-node', 'typescript', '@types/node', '@types/sarif', 'aws-cdk-lib', 'cdktf']) {
    tally.check(`${pkg} is not installed`, !installed(dir, pkg));
  }
  tally.check(
    'zt-check is linked in node_modules/.bin',
    fs.existsSync(path.join(dir, 'node_modules', '.bin', 'zt-check')),
  );

  const rules = run('npx', ['--no-install', 'zt-check', 'rules'], dir, env);
  tally.ran('npx zt-check rules', rules);
  tally.check('  lists the catalogue', /ZT-DATA-001/.test(rules.output), rules.output);

  const template = path.join(dir, 'tiny.template.json');
  fs.writeFileSync(template, JSON.stringify(TINY));
  const bin = path.join(dir, 'node_modules', '.bin', 'zt-check');
  const bad = run(bin, [template], dir, env);
  tally.ran('zt-check fails an unencrypted bucket', bad, 1);
  tally.check('  names ZT-DATA-001', /ZT-DATA-001/.test(bad.output), bad.output);
  // The IAM action table ships in the package (its source data is a dev dependency only).
  const grant = path.join(dir, 'grant.template.json');
  fs.writeFileSync(grant, JSON.stringify(WILDCARD_GRANT));
  const scoped = run(bin, [grant, '--format', 'json'], dir, env);
  tally.check(
    'zt-check judges IAM actions from the shipped table (ZT-IDENTITY-009 fails s3:GetObject on "*")',
    judged(scoped.output, 'ZT-IDENTITY-009') === 'fail',
    scoped.output,
  );
  const usage = run(bin, [path.join(dir, 'missing.json')], dir, env);
  tally.ran('zt-check on a missing file exits 2', usage, 2);
  tally.check('  one line, no stack trace', !/\n\s+at /.test(usage.output), usage.output);

  // Start-up as a pipeline sees it: the bin link, a fresh process each time, a tiny template.
  // Bare `node -e 0` interleaved as the baseline: on a loaded machine both rise together.
  const times: number[] = [];
  const baseline: number[] = [];
  for (let i = 0; i < STARTUP_RUNS; i++) {
    times.push(run(bin, [template, '--format', 'json'], dir, env).seconds);
    baseline.push(run(node, ['-e', '0'], dir, env).seconds);
  }
  console.log(
    `  zt-check start-up on a tiny template: median ${median(times).toFixed(3)} s over ${STARTUP_RUNS} runs ` +
      `(bare node -e 0: ${median(baseline).toFixed(3)} s)`,
  );

  const policies = loadedPackages(node, dir, '@zt-ai/blueprint/policies');
  const frameworks = ['aws-cdk-lib', 'constructs', 'cdktf', '@cdktf/provider-azurerm'];
  tally.check(
    `./policies loads no CDK framework (loaded: ${policies})`,
    Array.isArray(policies) && !policies.some((p) => frameworks.includes(p)),
    String(policies),
  );
  // The library use shown in docs/install.md, as a consumer's plain Node script.
  const api = run(
    node,
    [
      '-e',
      `const { loadPaths, buildGraph, evaluate, ALL_RULES, render } = require('@zt-ai/blueprint/policies');
       const result = evaluate(buildGraph(loadPaths([${JSON.stringify(template)}])), ALL_RULES);
       process.stdout.write(render(result, ALL_RULES, 'text'));`,
    ],
    dir,
    env,
  );
  tally.ran('the documented ./policies API evaluates a template', api);
  tally.check('  and reports ZT-DATA-001', /ZT-DATA-001/.test(api.output), api.output);
  // The second bin: the installed zt-model verifies a signature made by sigstore's model_signing.
  const fixtures = path.resolve(__dirname, '..', 'fixtures', 'model-signing', 'model-transparency');
  const zm = path.join(dir, 'node_modules', '.bin', 'zt-model');
  const pub = path.join(fixtures, 'signing-key-pub.pem');
  const ok = run(
    zm,
    ['verify', '--public-key', pub, '--ignore-paths', 'ignore-me', path.join(fixtures, 'v1.1.0-elliptic-key')],
    dir,
    env,
  );
  tally.ran('zt-model verifies a model_signing signature', ok);
  const model = path.join(dir, 'model');
  fs.cpSync(path.join(fixtures, 'v1.1.0-elliptic-key'), model, { recursive: true });
  fs.writeFileSync(path.join(model, 'signme-1'), 'changed');
  tally.ran('zt-model rejects a changed file', run(zm, ['verify', '--public-key', pub, model], dir, env), 1);
  console.log(`  install size (node_modules): ${diskMb(path.join(dir, 'node_modules'))} MB`);
}
