export * from './data-lake';
export * from './guardrails';
export * from './inference';
export * from './training-network';
export * from './training-compute';
export * from './secrets';
export * from './pipeline';
export * from './audit';
export * from './monitoring';
export * from './waive';
// Both training-compute and pipeline declare ModelArtifactLocation; the compute one (a superset:
// bucket, prefix, optional key) is the package's. Converge the two in lib/ to drop this line.
export type { ModelArtifactLocation } from './training-compute';
export * from './model-registry';
