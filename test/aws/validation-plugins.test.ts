import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks, HIPAASecurityChecks, NIST80053R5Checks } from 'cdk-nag';
import { acknowledgeNagRule } from '../../lib/aws/waive';
import { ZERO_TRUST_PLUGIN_NAME } from '../../lib/core/waiver';
import { resolveConfig } from '../../lib/core/config';
import { ZeroTrustValidationPlugin } from '../../policies/integrations/cdk-plugin';
import { AwsPlatformStack } from '../../stacks/aws-platform-stack';

// The CDK's built-in CloudFormation schema validation, off for other test files (test/support/jest-env.ts), is
// part of what this test proves: silent on the whole reference app, live on the control stack.
process.env.CDK_VALIDATION = 'true';

const NAG_REASON = 'Control bucket: acknowledged to prove acknowledgements reach the report.';

// One app, synthesized once: the reference stack plus a deliberately weak control stack, which
// proves that the plugins are live and that acknowledgements are honoured.
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ztai-validation-'));
const app = new App({ outdir });
const platform = new AwsPlatformStack(app, 'Platform', { config: resolveConfig() });
const control = new Stack(app, 'Control');
new s3.CfnBucket(control, 'Weak');
const acked = new s3.CfnBucket(control, 'Acked');
acknowledgeNagRule(acked, 'AwsSolutions-S1', NAG_REASON);
acked.addPropertyOverride('NotACloudFormationProperty', true);
let printed = '';
// The three cdk-nag packs bin/aws.ts registers, over the whole reference stack in one synth.
Validations.of(app).addPlugins(
  new AwsSolutionsChecks(app),
  new NIST80053R5Checks(app),
  new HIPAASecurityChecks(app),
  new ZeroTrustValidationPlugin({ print: (t) => (printed += t) }),
);
const NAG_PACKS = ['AwsSolutions', 'NIST.800.53.R5', 'HIPAA.Security'];

let synthError: Error | undefined;
try {
  app.synth();
} catch (e) {
  synthError = e as Error;
}

interface ReportViolation {
  ruleName: string;
  severity?: string;
  reason?: string;
  violatingConstructs: { constructPath: string }[];
}
interface PluginReport {
  pluginName: string;
  metadata?: Record<string, string>;
  violations: ReportViolation[];
  suppressedViolations?: ReportViolation[];
}
const report = JSON.parse(fs.readFileSync(path.join(outdir, 'validation-report.json'), 'utf8')) as {
  pluginReports: PluginReport[];
};
const pluginReport = (name: string) => report.pluginReports.find((r) => r.pluginName === name);
/** `[ruleName, constructPath]` pairs of a list of violations. */
const findings = (vs: ReportViolation[] = []) =>
  vs.flatMap((v) => v.violatingConstructs.map((c) => [v.ruleName, c.constructPath] as const));
const underPlatform = ([, p]: readonly [string, string]) => p.startsWith(`${platform.node.path}/`);

afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

describe('validation plugins over the AWS reference stack', () => {
  test('synth fails only because of the control stack', () => {
    expect(synthError?.message).toMatch(/ERROR [\s\S]*A copy of this report can be found in/);
    const unsuppressed = report.pluginReports.flatMap((r) => findings(r.violations));
    expect(unsuppressed.length).toBeGreaterThan(0);
    expect(unsuppressed.filter(underPlatform)).toEqual([]);
  });

  test('cdk-nag AwsSolutions: live on the control stack (S1, S10 errors)', () => {
    const nag = findings(pluginReport('AwsSolutions')?.violations);
    expect(nag).toEqual(expect.arrayContaining([['AwsSolutions-S1', 'Control/Weak']]));
    expect(nag).toEqual(expect.arrayContaining([['AwsSolutions-S10', 'Control/Weak']]));
  });

  test.each(NAG_PACKS)('cdk-nag %s: no unacknowledged finding, error or warning, on the platform', (pack) => {
    const nag = pluginReport(pack)!;
    expect(nag).toBeDefined();
    expect(findings(nag.violations).filter(underPlatform)).toEqual([]);
  });

  test('cdk-nag: the platform acknowledges exactly these findings, each with its own reason', () => {
    const acked = NAG_PACKS.flatMap((pack) =>
      (pluginReport(pack)!.suppressedViolations ?? []).flatMap((v) =>
        v.violatingConstructs
          .filter((c) => c.constructPath.startsWith('Platform/'))
          .map((c) => ({ rule: v.ruleName, path: c.constructPath.replace('Platform/', ''), reason: v.reason ?? '' })),
      ),
    );
    const bucketPaths = ['raw', 'curated', 'features', 'AccessLogs'].map((b) => `DataLake/${b}/Resource`);
    const expected = [
      ['AwsSolutions-IAM5[Resource::*]', 'TrainingNetwork/DefaultSecurityGroupRemediationPolicy/Resource'],
      ...['NIST.800.53.R5', 'HIPAA.Security'].flatMap((pack) => [
        ...[...bucketPaths, 'ModelRegistry/Artifacts/Resource'].map((p) => [`${pack}-S3BucketReplicationEnabled`, p]),
        [`${pack}-S3DefaultEncryptionKMS`, 'DataLake/AccessLogs/Resource'],
        [`${pack}-VPCDefaultSecurityGroupClosed`, 'TrainingNetwork/Vpc/Resource'],
        // The audit layer: the trail bucket is not replicated (the trail itself is multi-region).
        [`${pack}-S3BucketReplicationEnabled`, 'Audit/Bucket/Resource'],
        [
          `${pack}-EC2RestrictedCommonPorts`,
          expect.stringMatching(/^TrainingNetwork\/WorkloadSecurityGroup\/from .*ALL TRAFFIC$/),
        ],
      ]),
    ];
    // The training layers' own acknowledgements are pinned by their construct tests; here: the kind.
    const layer = (a: { path: string }) =>
      /^(TrainingCompute|TrainingPipeline|Secrets)\//.test(a.path) || /^ModelRegistry\/\w+Policy\//.test(a.path);
    const inference = (a: { path: string }) => /^(Inference|ApiGatewayAccountLogging)\//.test(a.path);
    const base = acked.filter((a) => !layer(a) && !inference(a));
    expect(base.map((a) => [a.rule, a.path])).toEqual(expect.arrayContaining(expected));
    expect(base).toHaveLength(expected.length);
    for (const a of base) expect(a.reason.length).toBeGreaterThan(80);
    const layers = acked.filter(layer);
    expect(layers.length).toBeGreaterThan(0);
    for (const a of layers) {
      expect(a.rule).toMatch(/^AwsSolutions-(IAM5|L1)/);
      expect(a.reason.length).toBeGreaterThan(40);
    }
  });

  test('cdk-nag: the inference layers acknowledge exactly these findings, each with its reason', () => {
    const acked = NAG_PACKS.flatMap((pack) =>
      (pluginReport(pack)!.suppressedViolations ?? []).flatMap((v) =>
        v.violatingConstructs
          .filter((c) => /^Platform\/(Inference|ApiGatewayAccountLogging)\//.test(c.constructPath))
          .map((c) => ({ rule: v.ruleName, path: c.constructPath.replace('Platform/', ''), reason: v.reason ?? '' })),
      ),
    );
    const stages = ['Model', 'Llm'].map((api) => `Inference/${api}/Api/DeploymentStage.v1/Resource`);
    const expected = [
      ['AwsSolutions-IAM5[Resource::*]', 'Inference/Model/ExecutionPolicy/Resource'],
      ...['network-interface', 'subnet', 'security-group'].map((t) => [
        `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:ec2:<AWS::Region>:<AWS::AccountId>:${t}/*]`,
        'Inference/Model/ExecutionPolicy/Resource',
      ]),
      [
        expect.stringMatching(/^AwsSolutions-IAM5\[Resource::<InferenceCaptureBucket\w+\.Arn>\/capture\/.*\*\]$/),
        'Inference/Model/ExecutionPolicy/Resource',
      ],
      [
        expect.stringMatching(/^AwsSolutions-IAM5\[Resource::.*\/aws\/sagemaker\/Endpoints\/.*:\*\]$/),
        'Inference/Model/ExecutionPolicy/Resource',
      ],
      ...['', ':*'].map((tail) => [
        `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:logs:<AWS::Region>:<AWS::AccountId>:log-group:API-Gateway-Execution-Logs_*${tail}]`,
        'ApiGatewayAccountLogging/Policy/Resource',
      ]),
      ['AwsSolutions-COG4', 'Inference/Model/Api/Default/predict/POST/Resource'],
      ['AwsSolutions-COG4', 'Inference/Llm/Api/Default/chat/POST/Resource'],
      ...['NIST.800.53.R5', 'HIPAA.Security'].flatMap((pack) => [
        [`${pack}-S3BucketReplicationEnabled`, 'Inference/CaptureBucket/Resource'],
        // ml.g4dn has NVMe instance storage: SageMaker rejects a KmsKeyId for it.
        [`${pack}-SageMakerEndpointConfigurationKMSKeyConfigured`, 'Inference/Model/EndpointConfig'],
        ...stages.flatMap((s) => [
          [`${pack}-APIGWCacheEnabledAndEncrypted`, s],
          [`${pack}-APIGWSSLEnabled`, s],
        ]),
      ]),
    ];
    expect(acked.map((a) => [a.rule, a.path])).toEqual(expect.arrayContaining(expected));
    expect(acked).toHaveLength(expected.length);
    for (const a of acked) expect(a.reason.length).toBeGreaterThan(80);
    const nvme = acked.find((a) => a.rule.endsWith('SageMakerEndpointConfigurationKMSKeyConfigured'));
    expect(nvme?.reason).toMatch(/NVMe instance storage.*rejects a KmsKeyId/);
  });

  test('acknowledgeNagRule moves the finding to suppressedViolations with its reason', () => {
    const suppressed = (pluginReport('AwsSolutions')!.suppressedViolations ?? []).filter((v) =>
      v.violatingConstructs.some((c) => c.constructPath.startsWith('Control/')),
    );
    expect(suppressed.map((v) => [v.ruleName, v.reason, v.violatingConstructs.map((c) => c.constructPath)])).toEqual([
      ['AwsSolutions-S1', NAG_REASON, ['Control/Acked']],
    ]);
    expect(findings(pluginReport('AwsSolutions')!.violations)).not.toContainEqual(['AwsSolutions-S1', 'Control/Acked']);
  });

  test('built-in CloudFormation schema validation: live on the control stack, silent on the data lake', () => {
    const cfn = pluginReport('CloudFormation Validate');
    expect(findings(cfn?.violations)).toContainEqual(['F3002', 'Control/Acked']);
    expect(findings(cfn?.violations).filter(underPlatform)).toEqual([]);
    expect(findings(cfn?.suppressedViolations).filter(underPlatform)).toEqual([]);
  });

  test('ZeroTrust: live on the control stack, every violation fatal so CDK cannot acknowledge it away', () => {
    const zt = pluginReport(ZERO_TRUST_PLUGIN_NAME)!;
    expect(findings(zt.violations)).toEqual(expect.arrayContaining([['ZT-DATA-005', 'Control/Weak']]));
    expect(new Set(zt.violations.map((v) => v.severity))).toEqual(new Set(['fatal']));
    expect(findings(zt.violations).filter(underPlatform)).toEqual([]);
  });

  test("ZeroTrust: the data lake's waiver is applied by the engine and listed, not suppressed by CDK", () => {
    const zt = pluginReport(ZERO_TRUST_PLUGIN_NAME)!;
    expect(zt.suppressedViolations ?? []).toEqual([]);
    const logBucket = platform.dataLake.accessLogBucket.node.path;
    expect(zt.metadata?.waivers).toMatch(/\[applied\] ZT-DATA-006 on \S+ .*server access log destination/);
    expect(printed).toContain(`construct: ${logBucket}/Resource`);
  });
});
