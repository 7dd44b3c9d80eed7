import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, NestedStack, Stack, Stage, Validations, aws_kms as kms, aws_s3 as s3 } from 'aws-cdk-lib';
import type { IPolicyValidationContext } from 'aws-cdk-lib';
import { waive } from '../../lib/aws/waive';
import { ZeroTrustValidationPlugin } from '../../policies/integrations/cdk-plugin';
import { TOOL_VERSION } from '../../policies/report';

/** Each app below is synthesized once (module scope / beforeAll); the tests read the outcome. */

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zt-cdk-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
// `cdk synth` turns on path metadata; plain `new App()` does not. Our apps behave like the CLI's.
const CONTEXT = { 'aws:cdk:enable-path-metadata': true };
const REASON = 'Key material is re-keyed yearly by the HSM process instead.';

interface Synth {
  readonly error?: Error;
  readonly printed: string;
  readonly outdir: string;
}

function synth(
  name: string,
  build: (app: App) => void,
  options: ConstructorParameters<typeof ZeroTrustValidationPlugin>[0] = {},
): Synth {
  const outdir = path.join(tmp, name);
  const app = new App({ outdir, context: CONTEXT });
  let printed = '';
  Validations.of(app).addPlugins(new ZeroTrustValidationPlugin({ ...options, print: (t) => (printed += t) }));
  build(app);
  try {
    app.synth();
    return { printed, outdir };
  } catch (e) {
    return { error: e as Error, printed, outdir };
  }
}

const report = (s: Synth) => JSON.parse(fs.readFileSync(path.join(s.outdir, 'validation-report.json'), 'utf8'));

describe('ZeroTrustValidationPlugin in cdk synth', () => {
  let failing: Synth;
  let passing: Synth;
  let belowThreshold: Synth;
  let warnings = '';

  beforeAll(() => {
    failing = synth('failing', (app) => {
      const stack = new Stack(app, 'Bad');
      new s3.CfnBucket(stack, 'Raw');
      new kms.Key(new NestedStack(stack, 'Inner'), 'Key', { enableKeyRotation: false });
      // A stage is a nested assembly: its stacks reach the plugin too, and are loaded once.
      new s3.CfnBucket(new Stack(new Stage(app, 'Prod'), 'Data'), 'Raw');
    });
    passing = synth('passing', (app) => {
      const stack = new Stack(app, 'Good');
      new kms.Key(stack, 'Rotating', { enableKeyRotation: true });
      waive(new kms.Key(stack, 'Waived', { enableKeyRotation: false }), { ruleId: 'ZT-DATA-002', reason: REASON });
      const acked = new kms.Key(stack, 'Acknowledged', { enableKeyRotation: false });
      Validations.of(acked).acknowledge({ id: 'ZeroTrust::ZT-DATA-002', reason: REASON });
    });
    // A medium failure under a high threshold is reported as a warning and does not fail synth.
    const spy = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      warnings += args.join(' ');
    });
    belowThreshold = synth(
      'threshold',
      (app) => new kms.Key(new Stack(app, 'Medium'), 'Key', { enableKeyRotation: false }),
      {
        severityThreshold: 'high',
      },
    );
    spy.mockRestore();
  });

  it('fails synth with our rules, resources and fixes', () => {
    const message = failing.error?.message ?? '';
    expect(message).toContain('(ZeroTrust)');
    expect(message).toContain('No public or anonymous access to data: PublicAccessBlockConfiguration is not set');
    expect(message).toContain('Bad/Raw');
    // Fatal: CDK offers no acknowledgement for it; the engine alone applies waivers.
    expect(message).toContain('FATAL No public or anonymous access to data');
    expect(message).toContain('Rule ZeroTrust::ZT-DATA-005');
    expect(message).not.toContain("Acknowledge with 'ZeroTrust::");
    expect(message).toContain('Suggested fix: AWS CDK: s3.Bucket({ blockPublicAccess');
  });

  it('checks nested stacks, which the CDK does not pass to plugins', () => {
    const message = failing.error?.message ?? '';
    expect(message).toContain('Customer-managed keys rotate automatically: EnableKeyRotation is false');
    expect(message).toContain('Bad/Inner/Key');
    const zt = report(failing).pluginReports.find((r: { pluginName: string }) => r.pluginName === 'ZeroTrust');
    expect(zt).toMatchObject({ pluginVersion: TOOL_VERSION, conclusion: 'failure' });
    const templates = new Set(
      zt.violations.flatMap((v: { violatingConstructs: { cloudFormationResource?: { templatePath: string } }[] }) =>
        v.violatingConstructs.map((c) => c.cloudFormationResource?.templatePath),
      ),
    );
    expect([...templates].some((t) => String(t).endsWith('.nested.template.json'))).toBe(true);
    expect(zt.metadata.summary).toMatch(/^FAILED: \d+ failing/);
  });

  it('checks the stacks of a stage (nested assembly), each resource once', () => {
    expect(failing.error?.message ?? '').toContain('Prod/Data/Raw');
    const zt = report(failing).pluginReports.find((r: { pluginName: string }) => r.pluginName === 'ZeroTrust');
    type Violation = {
      ruleName: string;
      violatingConstructs: { constructPath: string; cloudFormationResource?: { templatePath: string } }[];
    };
    const where = zt.violations
      .filter((v: Violation) => v.ruleName === 'ZT-DATA-005')
      .flatMap((v: Violation) =>
        v.violatingConstructs.map((c) => `${c.constructPath} ${c.cloudFormationResource?.templatePath}`),
      );
    expect(where.sort()).toEqual([
      expect.stringMatching(/^\/?Bad\/Raw\b.* Bad\.template\.json$/),
      expect.stringMatching(/^\/?Prod\/Data\/Raw\b.* assembly-Prod\/ProdData\w+\.template\.json$/),
    ]);
  });

  it('passes a compliant app and honours waivers from waive() and from CDK acknowledgements', () => {
    expect(passing.error).toBeUndefined();
    expect(passing.printed).toContain('[ZeroTrust policy pack]');
    expect(passing.printed).toMatch(/\[applied\] ZT-DATA-002 on Waived\w+ .*from template-metadata/);
    expect(passing.printed).toMatch(/\[applied\] ZT-DATA-002 on Acknowledged\w+ .*from cdk-acknowledgement/);
    expect(passing.printed).toContain(REASON);
    expect(passing.printed).toMatch(/PASSED: 0 failing, 0 unknown, 2 waived/);
  });

  it('reports failures below the threshold as warnings without failing synth', () => {
    expect(belowThreshold.error).toBeUndefined();
    expect(warnings).toContain('Customer-managed keys rotate automatically');
    const zt = report(belowThreshold).pluginReports.find((r: { pluginName: string }) => r.pluginName === 'ZeroTrust');
    expect(zt.conclusion).toBe('success');
    expect(zt.violations.map((v: { ruleName: string; severity: string }) => [v.ruleName, v.severity])).toEqual([
      ['ZT-DATA-002', 'warning'],
    ]);
  });
});

describe('ZeroTrustValidationPlugin.validate on its own', () => {
  it('announces name, version and rule ids, and rejects unknown rule ids', () => {
    const plugin = new ZeroTrustValidationPlugin({ rules: ['ZT-DATA-002', 'ZT-DATA-008'] });
    expect([plugin.name, plugin.version, plugin.ruleIds]).toEqual([
      'ZeroTrust',
      TOOL_VERSION,
      ['ZT-DATA-002', 'ZT-DATA-008'],
    ]);
    expect(() => new ZeroTrustValidationPlugin({ rules: ['ZT-NOPE-001'] })).toThrow(
      /unknown rule id\(s\) ZT-NOPE-001 in ZeroTrustValidationPlugin options\.rules/,
    );
  });

  it('maps findings to violations with property locations (template outside an assembly)', () => {
    const file = path.join(tmp, 'plain.template.json');
    const key = { Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: false, KeyPolicy: {} } };
    fs.writeFileSync(file, JSON.stringify({ Resources: { Key: key } }));
    const plugin = new ZeroTrustValidationPlugin({ print: false, severityThreshold: 'high' });
    const result = plugin.validate({ templatePaths: [file] } as unknown as IPolicyValidationContext);
    expect(result.success).toBe(false); // ZT-DATA-008 (high): no DeletionPolicy
    const byRule = Object.fromEntries(result.violations.map((v) => [v.ruleName, v]));
    // Each property at fault is its own finding: no DeletionPolicy and no UpdateReplacePolicy.
    const retain = result.violations.filter((v) => v.ruleName === 'ZT-DATA-008');
    expect(retain.map((v) => v.violatingResources[0].locations)).toEqual([['DeletionPolicy'], ['UpdateReplacePolicy']]);
    expect(byRule['ZT-DATA-002']).toMatchObject({
      severity: 'warning',
      description: expect.stringMatching(/^Customer-managed keys rotate automatically: EnableKeyRotation is false/),
      fix: expect.stringContaining('enableKeyRotation: true'),
      violatingResources: [
        { resourceLogicalId: 'Key', templatePath: file, locations: ['Properties.EnableKeyRotation'] },
      ],
    });
    expect(byRule['ZT-DATA-008']).toMatchObject({ severity: 'fatal' });
  });

  it('fails on unknown findings only with failOnUnknown, as zt-check --fail-on-unknown', () => {
    const file = path.join(tmp, 'unknown.template.json');
    const key = {
      Type: 'AWS::KMS::Key',
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: { EnableKeyRotation: { Ref: 'Rotate' }, KeyPolicy: {} },
    };
    fs.writeFileSync(file, JSON.stringify({ Parameters: { Rotate: { Type: 'String' } }, Resources: { Key: key } }));
    const context = { templatePaths: [file] } as unknown as IPolicyValidationContext;
    const lenient = new ZeroTrustValidationPlugin({ print: false, rules: ['ZT-DATA-002'] }).validate(context);
    expect([lenient.success, lenient.violations]).toEqual([true, []]);
    const strict = new ZeroTrustValidationPlugin({ print: false, rules: ['ZT-DATA-002'], failOnUnknown: true });
    const report = strict.validate(context);
    expect(report.success).toBe(false);
    expect(report.violations.map((v) => [v.ruleName, v.severity, v.ruleMetadata?.status])).toEqual([
      ['ZT-DATA-002', 'fatal', 'unknown'],
    ]);
  });
});
