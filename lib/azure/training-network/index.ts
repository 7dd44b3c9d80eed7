export * from './dns';
export * from './flow-logs';
export * from './monitor-private-link';
export * from './nsg-rules';
export * from './props';
export * from './training-network';
