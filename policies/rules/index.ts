import type { Rule } from '../engine/rule';
import { cmkEncryptionRule } from './data/zt-data-001-cmk-encryption';
import { keyRotationRule } from './data/zt-data-002-key-rotation';
import { tlsOnlyRule } from './data/zt-data-003-tls-only';
import { minTlsRule } from './data/zt-data-004-min-tls';
import { noPublicAccessRule } from './data/zt-data-005-no-public-access';
import { accessLoggingRule } from './data/zt-data-006-access-logging';
import { versioningRule } from './data/zt-data-007-versioning-soft-delete';
import { retainOnDeleteRule } from './data/zt-data-008-retain-on-delete';
import { purgeProtectionRule } from './data/zt-data-009-purge-protection';
import { secretRotationRule } from './data/zt-data-010-secret-rotation';
import { deletionProtectionRule } from './data/zt-data-011-deletion-protection-backups';
import { privateRegistriesRule } from './model/zt-model-001-private-registries';
import { noPublicInferenceRule } from './inference/zt-inference-001-private-endpoint';
import { apiAuthenticationRule } from './inference/zt-inference-002-authentication';
import { apiRateLimitRule } from './inference/zt-inference-003-rate-limit';
import { requestValidationRule } from './inference/zt-inference-004-request-validation';
import { gatewayWafRule } from './inference/zt-inference-005-waf';
import { gatewayAccessLogsRule } from './inference/zt-inference-006-access-logging';
import { gatewayTlsRule } from './inference/zt-inference-007-tls-policy';
import { endpointEncryptionRule } from './inference/zt-inference-008-endpoint-encryption';
import { llmGuardrailsRule } from './inference/zt-inference-009-guardrails';
import { modelInternalsRule } from './inference/zt-inference-010-model-internals';
import { noPayloadLoggingRule } from './inference/zt-inference-011-no-payload-logging';
import { wafManagedRulesRule } from './inference/zt-inference-012-waf-managed-rules';
import { cacheEncryptionRule } from './inference/zt-inference-013-cache-encryption';
import { backendAuthenticationRule } from './inference/zt-inference-014-backend-authentication';
import { noLegacyAccessRule } from './identity/zt-identity-001-no-legacy-access';
import { noWildcardActionsRule } from './identity/zt-identity-002-no-wildcard-actions';
import { noAdminRolesRule } from './identity/zt-identity-003-no-admin-roles';
import { noPublicInvokeRule } from './identity/zt-identity-004-no-public-invoke';
import { namedTrustRule } from './identity/zt-identity-005-named-trust';
import { namedKeyAccessRule } from './identity/zt-identity-006-named-key-access';
import { noUserGrantsRule } from './identity/zt-identity-007-no-user-grants';
import { narrowGrantsRule } from './identity/zt-identity-008-narrow-grants';
import { namedResourcesRule } from './identity/zt-identity-009-named-resources';
import { registriesImmutableRule } from './model/zt-model-002-registries-immutable-scanned';
import { signingKeysRule } from './model/zt-model-003-signing-keys';
import { signatureGateRule } from './model/zt-model-004-signature-gate';
import { approvedModelCardRule } from './model/zt-model-005-approved-model-card';
import { noPublicNetworkRule } from './network/zt-network-001-no-public-network';
import { defaultDenyRule } from './network/zt-network-002-default-deny';
import { noOpenCidrRule } from './network/zt-network-003-no-open-cidr';
import { flowLogsRule } from './network/zt-network-004-flow-logs';
import { defaultSecurityGroupRule } from './network/zt-network-005-default-sg-closed';
import { noInternetRouteRule } from './network/zt-network-006-no-internet-route';
import { privateDnsRule } from './network/zt-network-007-private-dns';
import { noPublicIpsRule } from './network/zt-network-008-no-public-ips-on-launch';
import { functionsInVpcRule } from './network/zt-network-009-functions-in-vpc';
import { describedRulesRule } from './network/zt-network-010-described-rules';
import { auditTrailRule } from './monitoring/zt-monitoring-001-audit-trail';
import { storeDiagnosticsRule } from './monitoring/zt-monitoring-002-store-diagnostics';
import { logRetentionRule } from './monitoring/zt-monitoring-003-log-retention';
import { apiAlarmsRule } from './monitoring/zt-monitoring-004-api-alarms';
import { alarmActionsRule } from './monitoring/zt-monitoring-005-alarm-actions';
import { wafLoggingRule } from './monitoring/zt-monitoring-006-waf-logging';
import { tracingRule } from './monitoring/zt-monitoring-007-tracing';
import { computeIsolationRule } from './pipeline/zt-pipeline-001-compute-isolation';
import { jobIsolationRule } from './pipeline/zt-pipeline-002-job-isolation';
import { privateWorkspacesRule } from './pipeline/zt-pipeline-003-private-workspaces';
import { supportedRuntimesRule } from './pipeline/zt-pipeline-004-supported-runtimes';
import { concurrencyCeilingRule } from './pipeline/zt-pipeline-005-concurrency-ceiling';

/** The rule catalogue, in id order. Ids are stable forever; add new rules, never renumber. */
export const ALL_RULES: readonly Rule[] = [
  cmkEncryptionRule,
  keyRotationRule,
  tlsOnlyRule,
  minTlsRule,
  noPublicAccessRule,
  accessLoggingRule,
  versioningRule,
  retainOnDeleteRule,
  purgeProtectionRule,
  secretRotationRule,
  deletionProtectionRule,
  noPublicInferenceRule,
  apiAuthenticationRule,
  apiRateLimitRule,
  requestValidationRule,
  gatewayWafRule,
  gatewayAccessLogsRule,
  gatewayTlsRule,
  endpointEncryptionRule,
  llmGuardrailsRule,
  modelInternalsRule,
  noPayloadLoggingRule,
  wafManagedRulesRule,
  cacheEncryptionRule,
  backendAuthenticationRule,
  noLegacyAccessRule,
  noWildcardActionsRule,
  noAdminRolesRule,
  noPublicInvokeRule,
  namedTrustRule,
  namedKeyAccessRule,
  noUserGrantsRule,
  narrowGrantsRule,
  namedResourcesRule,
  privateRegistriesRule,
  registriesImmutableRule,
  signingKeysRule,
  signatureGateRule,
  approvedModelCardRule,
  noPublicNetworkRule,
  defaultDenyRule,
  noOpenCidrRule,
  flowLogsRule,
  defaultSecurityGroupRule,
  noInternetRouteRule,
  privateDnsRule,
  noPublicIpsRule,
  functionsInVpcRule,
  describedRulesRule,
  computeIsolationRule,
  jobIsolationRule,
  privateWorkspacesRule,
  supportedRuntimesRule,
  concurrencyCeilingRule,
  auditTrailRule,
  storeDiagnosticsRule,
  logRetentionRule,
  apiAlarmsRule,
  alarmActionsRule,
  wafLoggingRule,
  tracingRule,
];

const BY_ID = new Map(ALL_RULES.map((r) => [r.id, r]));

export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}
