export * from './bedrock-inference';
export * from './gateway';
export * from './log-groups';
export * from './mapping';
export * from './props';
export * from './sagemaker-endpoint';
export * from './sagemaker-inference';
export * from './waf';
