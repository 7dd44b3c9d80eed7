import * as fs from 'fs';
import * as path from 'path';
import { diskMb, installed, loadedPackages, run, type Ran, type Tally } from './support';

export { checkCli } from './cli';

/** The CDK and CDKTF consumer apps: compile with tsc, synthesize, and check what a user would rely on. */

export interface Consumer {
  readonly name: string;
  readonly kind: 'cli' | 'cdk' | 'cdktf';
  readonly deps: Readonly<Record<string, string>>;
  /** The app's tsconfig (in apps/<kind>/), copied as tsconfig.json. */
  readonly tsconfig?: string;
}

export interface AppContext {
  readonly dir: string;
  readonly node: string;
  /** PATH with the chosen Node first, so bin links (`#!/usr/bin/env node`) run under it too. */
  readonly env: NodeJS.ProcessEnv;
  readonly consumer: Consumer;
  readonly sources: string;
}

const RULE_ID = /ZT-[A-Z]+-\d{3}/g;

function prepare(tally: Tally, ctx: AppContext, entry: string): boolean {
  const { dir, node, consumer, sources } = ctx;
  fs.copyFileSync(path.join(sources, entry), path.join(dir, entry));
  fs.copyFileSync(path.join(sources, consumer.tsconfig ?? 'tsconfig.json'), path.join(dir, 'tsconfig.json'));
  const tsc = run(node, [path.join(dir, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], dir);
  return tally.ran(`${consumer.name}: tsc (${consumer.tsconfig})`, tsc);
}

/** The app prints `CONSUMER-CHECKS {...}` (instanceof results) before it synthesizes. */
function appChecks(tally: Tally, name: string, r: Ran): void {
  const line = r.output.split('\n').find((l) => l.startsWith('CONSUMER-CHECKS '));
  const checks = line ? (JSON.parse(line.slice('CONSUMER-CHECKS '.length)) as Record<string, boolean>) : {};
  tally.check(`${name}: app reported its instanceof checks`, line !== undefined, r.output);
  for (const [check, ok] of Object.entries(checks)) tally.check(`${name}: ${check}`, ok === true);
}

function zt(ctx: AppContext, args: readonly string[]): Ran {
  return run(path.join(ctx.dir, 'node_modules', '.bin', 'zt-check'), args, ctx.dir, ctx.env);
}

function absent(tally: Tally, ctx: AppContext, pkgs: readonly string[]): void {
  for (const pkg of pkgs) {
    tally.check(`${ctx.consumer.name}: optional peer ${pkg} was not installed`, !installed(ctx.dir, pkg));
  }
}

function loads(tally: Tally, ctx: AppContext, specifier: string, forbidden: readonly string[]): void {
  const loaded = loadedPackages(ctx.node, ctx.dir, specifier);
  const bad = Array.isArray(loaded) ? loaded.filter((p) => forbidden.includes(p)) : [loaded];
  tally.check(
    `${ctx.consumer.name}: ${specifier} loads none of ${forbidden.join(', ')}`,
    bad.length === 0,
    bad.join('\n'),
  );
}

export function checkCdkApp(tally: Tally, ctx: AppContext): void {
  const { dir, node, env, consumer } = ctx;
  const name = consumer.name;
  absent(tally, ctx, ['cdktf', '@cdktf/provider-azurerm']);
  if (!prepare(tally, ctx, 'app.ts')) return;

  const good = run(node, ['app.js'], dir, { ...env, CONSUMER_OUTDIR: 'cdk.out' });
  if (!tally.ran(`${name}: node app.js synthesizes the lake`, good)) return;
  appChecks(tally, name, good);
  const template = path.join(dir, 'cdk.out', 'ConsumerLake.template.json');
  const body = fs.existsSync(template) ? fs.readFileSync(template, 'utf8') : '';
  tally.check(
    `${name}: template has the lake's buckets and key`,
    /AWS::S3::Bucket/.test(body) && /AWS::KMS::Key/.test(body),
  );
  tally.ran(`${name}: installed zt-check passes cdk.out`, zt(ctx, ['cdk.out']));

  const bad = run(node, ['app.js'], dir, { ...env, CONSUMER_OUTDIR: 'bad.out', CONSUMER_NONCOMPLIANT: '1' });
  tally.ran(`${name}: the ZeroTrust plugin fails synth on a plain bucket`, bad, 'nonzero');
  const failed = [...new Set(bad.output.match(RULE_ID) ?? [])];
  tally.check(
    `${name}:   reports ZT-DATA-001 for PlainBucket`,
    failed.includes('ZT-DATA-001') && /PlainBucket/.test(bad.output),
    bad.output,
  );

  // Waiving exactly the rules it broke lets the same bucket through, and every report lists the waivers.
  const waived = run(node, ['app.js'], dir, {
    ...env,
    CONSUMER_OUTDIR: 'waived.out',
    CONSUMER_WAIVED: '1',
    CONSUMER_WAIVE_RULES: failed.join(','),
  });
  tally.ran(`${name}: waive() on those ${failed.length} rules lets synth pass`, waived);
  const report = zt(ctx, ['waived.out', '--format', 'json']);
  tally.ran(`${name}: zt-check passes the waived assembly`, report);
  tally.check(
    `${name}:   and lists ${failed.length} waivers`,
    countWaivers(report.output) >= failed.length,
    report.output,
  );

  loads(tally, ctx, '@zt-ai/blueprint/aws', ['cdktf', '@cdktf/provider-azurerm']);
  loads(tally, ctx, '@zt-ai/blueprint/cdk', ['cdktf', '@cdktf/provider-azurerm']);
  console.log(`  install size (node_modules): ${diskMb(path.join(dir, 'node_modules'))} MB`);
}

function countWaivers(json: string): number {
  try {
    const report = JSON.parse(json) as { waivers?: unknown[] };
    return report.waivers?.length ?? 0;
  } catch {
    return 0;
  }
}

export function checkCdktfApp(tally: Tally, ctx: AppContext): void {
  const { dir, node, env, consumer } = ctx;
  const name = consumer.name;
  absent(tally, ctx, ['aws-cdk-lib']);
  if (!prepare(tally, ctx, 'main.ts')) return;

  const good = run(node, ['main.js'], dir, { ...env, CONSUMER_OUTDIR: 'cdktf.out' });
  if (!tally.ran(`${name}: node main.js synthesizes the lake (app.synth())`, good)) return;
  appChecks(tally, name, good);
  const file = path.join(dir, 'cdktf.out', 'stacks', 'consumer-lake', 'cdk.tf.json');
  const body = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  tally.check(
    `${name}: cdk.tf.json has the storage account and key vault`,
    /azurerm_storage_account/.test(body) && /azurerm_key_vault"/.test(body),
  );
  tally.ran(`${name}: installed zt-check passes cdktf.out`, zt(ctx, ['cdktf.out']));

  const bad = run(node, ['main.js'], dir, { ...env, CONSUMER_OUTDIR: 'bad.out', CONSUMER_NONCOMPLIANT: '1' });
  tally.ran(`${name}: the stack validation fails synth on a default storage account`, bad, 'nonzero');
  const failed = [...new Set(bad.output.match(RULE_ID) ?? [])];
  tally.check(
    `${name}:   names the account and a rule (${failed.join(', ')})`,
    failed.length > 0 && /plain/.test(bad.output),
    bad.output,
  );
  tally.check(
    `${name}:   and writes no cdk.tf.json for it`,
    !fs.existsSync(path.join(dir, 'bad.out', 'stacks', 'consumer-lake', 'cdk.tf.json')),
  );

  loads(tally, ctx, '@zt-ai/blueprint/azure', ['aws-cdk-lib']);
  loads(tally, ctx, '@zt-ai/blueprint/cdktf', ['aws-cdk-lib', 'cdktf', '@cdktf/provider-azurerm']);
  console.log(`  install size (node_modules): ${diskMb(path.join(dir, 'node_modules'))} MB`);
}
