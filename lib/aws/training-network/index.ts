export * from './default-security-group';
export * from './endpoints';
export * from './props';
export * from './training-network';
