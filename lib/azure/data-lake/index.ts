export * from './props';
export { SecureDataLake } from './secure-data-lake';
export { PRIVATE_LINK_ZONES } from './networking';
export type { PrivateLinkTarget } from './networking';
