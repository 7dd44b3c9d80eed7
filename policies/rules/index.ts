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
import { backupsRule } from './data/zt-data-011-backups';
import { noLegacyAccessRule } from './identity/zt-identity-001-no-legacy-access';
import { noWildcardActionsRule } from './identity/zt-identity-002-no-wildcard-actions';
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
import { computeIsolationRule } from './pipeline/zt-pipeline-001-compute-isolation';

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
  backupsRule,
  noLegacyAccessRule,
  noWildcardActionsRule,
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
  computeIsolationRule,
];

const BY_ID = new Map(ALL_RULES.map((r) => [r.id, r]));

export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}
