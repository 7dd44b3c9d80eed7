export * from './data-lake';
export * from './waive';
