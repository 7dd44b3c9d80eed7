import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { App as CdkApp } from 'aws-cdk-lib';
import { App as TfApp } from 'cdktf';
import { DEFAULT_CONFIG, resolveConfig } from '../../lib/core/config';
import { buildGraph, evaluate, loadCdktfOut, loadCloudAssembly } from '../../policies/engine';
import type { EvaluationResult } from '../../policies/engine';
import { ALL_RULES } from '../../policies/rules';
import { AwsPlatformStack, awsPlatformStackName } from '../../stacks/aws-platform-stack';
import { AzurePlatformStack } from '../../stacks/azure-platform-stack';

/**
 * The real pack on the real reference stacks, as `npm run synth` runs it: every rule, zero failing
 * and zero unknown findings, and exactly the expected waivers (each one applied to a failing finding).
 * Each stack is synthesized once for the file.
 */

const dirs: string[] = [];
const tmp = (prefix: string) => {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function awsResult(): EvaluationResult {
  const outdir = tmp('zt-ref-aws-');
  const app = new CdkApp({ outdir, builtinCloudFormationValidation: false });
  new AwsPlatformStack(app, awsPlatformStackName(DEFAULT_CONFIG), { config: DEFAULT_CONFIG });
  app.synth();
  return evaluate(buildGraph(loadCloudAssembly(outdir)), ALL_RULES);
}

function azureResult(): EvaluationResult {
  const outdir = tmp('zt-ref-azure-');
  const app = new TfApp({ outdir, stackTraces: false });
  new AzurePlatformStack(app, 'azure-platform', resolveConfig({}));
  app.synth();
  return evaluate(buildGraph(loadCdktfOut(outdir)), ALL_RULES);
}

const bad = (r: EvaluationResult) =>
  r.findings
    .filter((f) => f.status === 'fail' || f.status === 'unknown')
    .map((f) => `${f.ruleId} ${f.resource.address}: ${f.message}`);
const waived = (r: EvaluationResult) =>
  r.findings.filter((f) => f.status === 'waived').map((f) => [f.ruleId, f.source.constructPath ?? f.resource.address]);

describe.each([
  [
    'AWS',
    awsResult,
    [
      ['ZT-DATA-001', expect.stringMatching(/DataLake\/AccessLogs/)],
      ['ZT-DATA-006', expect.stringMatching(/DataLake\/AccessLogs/)],
      ['ZT-IDENTITY-009', expect.stringMatching(/TrainingPipeline\/ApproverPolicy/)],
    ],
    // The composed training layers are judged, not skipped: [resource type, address pattern].
    [
      ['AWS::SageMaker::Domain', /^TrainingCompute/],
      ['AWS::EC2::LaunchTemplate', /^TrainingCompute/],
      ['AWS::IAM::ManagedPolicy', /^TrainingPipeline/],
    ],
  ],
  [
    'Azure',
    azureResult,
    [
      ['ZT-DATA-007', expect.stringMatching(/data-lake/)],
      ['ZT-MONITORING-007', expect.stringMatching(/inference\/gateway/)],
    ],
    [
      ['azurerm_storage_account', /workspace-storage/],
      ['azurerm_machine_learning_compute_cluster', /training-compute/],
    ],
  ],
] as const)('%s reference stack under the whole pack', (_cloud, run, expectedWaivers, judged) => {
  let result: EvaluationResult;
  beforeAll(() => {
    result = run();
  });

  test('every rule ran and judged something', () => {
    expect(result.summary.rulesEvaluated).toBe(ALL_RULES.length);
    expect(result.summary.pass).toBeGreaterThan(10);
  });

  test('zero failing and zero unknown findings', () => {
    expect(bad(result)).toEqual([]);
  });

  test.each(judged.map(([type, address]) => [type, address] as const))(
    'the training layers are judged: %s %s passes',
    (type, address) => {
      const hits = result.findings.filter(
        (f) => f.resource.type === type && address.test(f.resource.address.split('.').pop() ?? ''),
      );
      expect(hits.length).toBeGreaterThan(0);
      // Judged, not skipped: a waived finding is a failing result with its reason on record.
      expect(hits.every((f) => ['pass', 'not_applicable', 'waived'].includes(f.status))).toBe(true);
      expect(hits.some((f) => f.status === 'pass')).toBe(true);
    },
  );

  test('exactly the expected waivers, each applied', () => {
    expect(waived(result)).toEqual(expectedWaivers);
    expect(result.waivers.map((w) => w.state)).toEqual(expectedWaivers.map(() => 'applied'));
  });
});
