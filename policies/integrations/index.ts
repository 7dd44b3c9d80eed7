/** Synth-time integrations: the CDK validation plugin and the CDKTF stack validation. */
export { ZeroTrustValidationPlugin, type ZeroTrustPluginOptions } from './cdk-plugin';
export { addZeroTrustValidation, synthesizedFile, type ZeroTrustValidationOptions } from './cdktf-validation';
export type { ZeroTrustOptions } from './options';
