export * from './classification';
export * from './compute';
export * from './config';
export * from './data-lake';
export * from './errors';
export * from './governance';
export * from './network';
export * from './operations';
export * from './pipeline';
export * from './secrets';
export * from './tags';
export * from './validate';
export * from './waiver';
// compute.ts (families -> instance types) and pipeline.ts (a minimal family list) both declare
// SAGEMAKER_GPU_FAMILIES; the package exports the compute one. Converge the two to drop this line.
export { SAGEMAKER_GPU_FAMILIES } from './compute';
