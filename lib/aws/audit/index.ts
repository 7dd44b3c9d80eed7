export { AuditTrail } from './audit-trail';
export { LOG_GROUP_RETENTION_DAYS, resolveAuditTrailProps } from './props';
export type { AuditTrailProps, ResolvedAuditTrailProps } from './props';
