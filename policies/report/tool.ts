import * as pkg from '../../package.json';

/** Identity of the policy pack as every reporter and integration announces it. */
export const TOOL_NAME = 'zt-check';
export const TOOL_VERSION: string = pkg.version;
