export * from './data-lake';
export * from './training-network';
export * from './training-compute';
export * from './secrets';
export * from './pipeline';
export * from './audit';
export * from './monitoring';
export * from './waive';
