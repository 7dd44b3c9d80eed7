export * from './classification';
export * from './config';
export * from './errors';
export * from './tags';
export * from './validate';
export * from './waiver';
