#!/usr/bin/env node
// cdk.json `app`: synthesizes the AWS reference stack with working defaults and no credentials.
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ZeroTrustValidationPlugin } from '../policies/integrations/cdk-plugin';
import { AwsPlatformStack, awsPlatformStackName } from '../stacks/aws-platform-stack';
import { configFromContext } from '../stacks/aws-context';

const app = new App();
// Both packs gate `cdk synth`: our zero-trust rules, and cdk-nag's AWS Solutions checks as a second opinion.
Validations.of(app).addPlugins(new ZeroTrustValidationPlugin(), new AwsSolutionsChecks(app));
const config = configFromContext(app);
new AwsPlatformStack(app, awsPlatformStackName(config), { config });
