import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, HIPAASecurityChecks, NIST80053R5Checks } from 'cdk-nag';
import { realisticStack } from './training-compute.fixture';

/**
 * cdk-nag v3 AwsSolutions, NIST 800-53 R5 and HIPAA Security over the construct, run as CDK
 * validation plugins (as bin/aws.ts runs them). The fixture network and data lake are not ours:
 * only findings under the construct's path count. Acknowledged findings must carry a reason.
 */
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ztai-compute-nag-'));
const app = new App({ outdir, builtinCloudFormationValidation: false });
const { compute } = realisticStack(app);
Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new NIST80053R5Checks(app), new HIPAASecurityChecks(app));
let synthError: Error | undefined;
try {
  app.synth();
} catch (e) {
  synthError = e as Error;
}

interface ReportViolation {
  ruleName: string;
  reason?: string;
  violatingConstructs: { constructPath: string }[];
}
interface PluginReport {
  pluginName: string;
  violations: ReportViolation[];
  suppressedViolations?: ReportViolation[];
}
const report = JSON.parse(fs.readFileSync(path.join(outdir, 'validation-report.json'), 'utf8')) as {
  pluginReports: PluginReport[];
};
const ours = (vs: ReportViolation[] = []) =>
  vs.flatMap((v) =>
    v.violatingConstructs
      .filter((c) => c.constructPath.startsWith(`${compute.node.path}/`))
      .map((c) => ({ rule: v.ruleName, path: c.constructPath, reason: v.reason })),
  );

afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

describe('cdk-nag over TrainingCompute', () => {
  test('the packs ran (the fixture network draws findings, so the plugins are live)', () => {
    expect(report.pluginReports.map((r) => r.pluginName).sort()).toEqual(
      expect.arrayContaining(['AwsSolutions', 'HIPAA.Security', 'NIST.800.53.R5']),
    );
    expect(synthError).toBeDefined();
    expect(report.pluginReports.flatMap((r) => r.violations).length).toBeGreaterThan(0);
  });

  test.each(['AwsSolutions', 'NIST.800.53.R5', 'HIPAA.Security'])('%s: no unacknowledged finding', (pack) => {
    const r = report.pluginReports.find((p) => p.pluginName === pack)!;
    expect(ours(r.violations)).toEqual([]);
  });

  test('every acknowledgement names a specific reason', () => {
    const acked = report.pluginReports.flatMap((r) => ours(r.suppressedViolations));
    for (const a of acked) expect(a.reason?.length ?? 0).toBeGreaterThan(80);
    // Only wildcard-resource findings are acknowledged, one by one, nothing else.
    expect(acked.length).toBeGreaterThan(0);
    expect(acked.filter((a) => !a.rule.startsWith('AwsSolutions-IAM5[Resource::'))).toEqual([]);
    // The isolation (deny) policies draw no finding at all.
    expect(acked.filter((a) => /IsolationPolicy/.test(a.path))).toEqual([]);
  });
});
