import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks, HIPAASecurityChecks, NIST80053R5Checks } from 'cdk-nag';
import { ZeroTrustValidationPlugin } from '../../policies/integrations/cdk-plugin';

/**
 * Minimal network inputs for the secrets and pipeline constructs (the real ones come from the
 * training-network construct): a VPC with isolated subnets only and a Secrets Manager endpoint.
 */
export interface NetworkFixture {
  readonly vpc: ec2.Vpc;
  readonly endpoint: ec2.InterfaceVpcEndpoint;
  readonly trainingSg: ec2.SecurityGroup;
}

export function networkFixture(stack: Stack): NetworkFixture {
  const vpc = new ec2.Vpc(stack, 'Vpc', {
    maxAzs: 2,
    natGateways: 0,
    subnetConfiguration: [{ name: 'isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 }],
  });
  const endpoint = vpc.addInterfaceEndpoint('SecretsManager', {
    service: ec2.InterfaceVpcEndpointAwsService.SECRETS_MANAGER,
    privateDnsEnabled: true,
    open: false,
    securityGroups: [new ec2.SecurityGroup(stack, 'EndpointSg', { vpc, allowAllOutbound: false })],
  });
  const trainingSg = new ec2.SecurityGroup(stack, 'TrainingSg', { vpc, allowAllOutbound: false });
  return { vpc, endpoint, trainingSg };
}

export function readerRole(stack: Stack, id: string): iam.Role {
  return new iam.Role(stack, id, { assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com') });
}

export interface NagFinding {
  readonly pack: string;
  readonly rule: string;
  readonly path: string;
  readonly reason?: string;
}

interface ReportViolation {
  ruleName: string;
  reason?: string;
  violatingConstructs: { constructPath: string }[];
}

/**
 * Synthesizes `app` with cdk-nag's AwsSolutions, NIST 800-53 R5 and HIPAA Security packs and the
 * zero-trust pack as CDK validation plugins (as bin/aws.ts does) and returns every plugin's
 * unsuppressed and suppressed findings.
 */
export function synthWithNag(app: App): { open: NagFinding[]; acknowledged: NagFinding[] } {
  Validations.of(app).addPlugins(
    new AwsSolutionsChecks(app),
    new NIST80053R5Checks(app),
    new HIPAASecurityChecks(app),
    new ZeroTrustValidationPlugin({ print: false }),
  );
  try {
    app.synth();
  } catch {
    // A failing report is read below; the test decides which findings matter.
  }
  const file = path.join(app.outdir, 'validation-report.json');
  const report = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    pluginReports: { pluginName: string; violations: ReportViolation[]; suppressedViolations?: ReportViolation[] }[];
  };
  const flat = (pack: string, vs: ReportViolation[] = []) =>
    vs.flatMap((v) =>
      v.violatingConstructs.map((c) => ({ pack, rule: v.ruleName, path: c.constructPath, reason: v.reason })),
    );
  return {
    open: report.pluginReports.flatMap((r) => flat(r.pluginName, r.violations)),
    acknowledged: report.pluginReports.flatMap((r) => flat(r.pluginName, r.suppressedViolations)),
  };
}

export function tempApp(prefix: string): { app: App; remove: () => void } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `zt-${prefix}-`));
  return { app: new App({ outdir }), remove: () => fs.rmSync(outdir, { recursive: true, force: true }) };
}
