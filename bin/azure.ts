import { App } from 'cdktf';
import { resolveConfig } from '../lib/core/config';
import { addZeroTrustValidation } from '../policies/integrations/cdktf-validation';
import { AzurePlatformStack } from '../stacks/azure-platform-stack';

// Entry point of cdktf.json: defaults + environment overrides, no credentials needed to synth.
const env = process.env;
const config = resolveConfig({
  azure: {
    subscriptionId: env.ZT_AZURE_SUBSCRIPTION_ID || undefined,
    tenantId: env.ZT_AZURE_TENANT_ID || undefined,
    location: env.ZT_AZURE_LOCATION || undefined,
    inferenceApiClientId: env.ZT_AZURE_INFERENCE_CLIENT_ID || undefined,
    // Validated by the constructs (SecureDataLake.deployerPrincipalType): a bad value fails synth.
    deployerPrincipalType: (env.ZT_AZURE_DEPLOYER_PRINCIPAL_TYPE || undefined) as 'ServicePrincipal' | undefined,
  },
});

const app = new App();
const stack = new AzurePlatformStack(app, 'azure-platform', config);
// The zero-trust pack gates `cdktf synth`: a failing finding aborts synthesis.
addZeroTrustValidation(stack, { print: (text) => process.stdout.write(text) });
app.synth();
