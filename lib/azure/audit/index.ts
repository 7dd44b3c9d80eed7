export { ACTIVITY_LOG_CATEGORIES, DEFENDER_PLANS, PlatformAudit } from './platform-audit';
export type { DiagnosedResource, PlatformAuditProps } from './platform-audit';
