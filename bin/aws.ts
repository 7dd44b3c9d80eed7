#!/usr/bin/env node
// cdk.json `app`: synthesizes the AWS reference stack with working defaults and no credentials.
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, HIPAASecurityChecks, NIST80053R5Checks } from 'cdk-nag';
import { ZeroTrustValidationPlugin } from '../policies/integrations/cdk-plugin';
import { AwsPlatformStack, awsPlatformStackName } from '../stacks/aws-platform-stack';
import { configFromContext } from '../stacks/aws-context';

const app = new App();
// These packs gate `cdk synth`: our zero-trust rules, and cdk-nag's AWS Solutions, NIST 800-53 rev 5 and
// HIPAA Security checks as second opinions. Every acknowledged cdk-nag finding carries its reason.
Validations.of(app).addPlugins(
  new ZeroTrustValidationPlugin(),
  new AwsSolutionsChecks(app),
  new NIST80053R5Checks(app),
  new HIPAASecurityChecks(app),
);
const config = configFromContext(app);
new AwsPlatformStack(app, awsPlatformStackName(config), { config });
