/** Package entry `./cdk`: the zero-trust pack as an aws-cdk-lib policy validation plugin. */
export { ZeroTrustValidationPlugin, type ZeroTrustPluginOptions } from './cdk-plugin';
export type { ZeroTrustOptions } from './options';
