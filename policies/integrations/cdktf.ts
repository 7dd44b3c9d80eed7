/** Package entry `./cdktf`: the zero-trust pack as a CDKTF stack validation. */
export { addZeroTrustValidation, synthesizedFile, type ZeroTrustValidationOptions } from './cdktf-validation';
export type { ZeroTrustOptions } from './options';
