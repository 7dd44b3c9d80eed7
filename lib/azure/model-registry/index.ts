export * from './model-registry';
export * from './model-store';
