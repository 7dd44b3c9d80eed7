import { fail, pass } from '../../../engine/rule';
import type { Check } from '../../../engine/rule';
import { cfnRetained, tfPreventDestroy } from '../../shared/deletion';
import { allChecks } from '../../shared/combine';
import { oneOf, setting, isTrue } from '../../shared/expect';
import { isPresent, listLength, unknownAt } from '../../shared/read';
import { encryptedWithKey } from './aws-common';
import type { StoreChecks } from './store-checks';

/**
 * ElastiCache (Redis OSS / Valkey) replication groups: feature caches and session stores.
 * In-transit encryption is off by default and, once on, may be "preferred" (plain clients still
 * accepted); without RBAC user groups or an AUTH token any client that reaches the port is served.
 */
interface Shape {
  readonly atRest: string;
  readonly key: string;
  readonly transit: string;
  readonly mode: string;
  readonly userGroups: string;
  readonly authToken: string;
}

const CFN: Shape = {
  atRest: 'AtRestEncryptionEnabled',
  key: 'KmsKeyId',
  transit: 'TransitEncryptionEnabled',
  mode: 'TransitEncryptionMode',
  userGroups: 'UserGroupIds',
  authToken: 'AuthToken',
};
const TF: Shape = {
  atRest: 'at_rest_encryption_enabled',
  key: 'kms_key_id',
  transit: 'transit_encryption_enabled',
  mode: 'transit_encryption_mode',
  userGroups: 'user_group_ids',
  authToken: 'auth_token',
};

/** RBAC user groups (IAM or per-user passwords) pass; a shared AUTH token passes, as the weaker choice. */
const authenticated =
  (s: Shape): Check =>
  (res, { graph }) => {
    const groups = listLength(graph, res, s.userGroups);
    if (groups.kind === 'unknown') return unknownAt(s.userGroups, groups.reason);
    if (groups.kind === 'value' && groups.value > 0) return pass(`${s.userGroups} sets RBAC user groups`, s.userGroups);
    if (isPresent(graph, res, s.authToken)) {
      return pass(`${s.authToken} requires a shared AUTH token (RBAC user groups would name each client)`, s.authToken);
    }
    return fail(
      `neither ${s.userGroups} nor ${s.authToken} is set: any client that reaches the port is served; attach RBAC user groups`,
      s.userGroups,
    );
  };

const checks = (s: Shape) => ({
  cmk: encryptedWithKey(
    s.atRest,
    { providerDefault: false },
    s.key,
    'ElastiCache uses the AWS-managed aws/elasticache key',
  ),
  tls: allChecks(
    setting(isTrue(s.transit, { providerDefault: false, risk: 'clients connect in plain text' })),
    // With transit encryption on, an absent mode is "required"; "preferred" still accepts plain clients.
    setting(
      oneOf(s.mode, ['required'], { providerDefault: 'required', risk: 'plain-text clients are still accepted' }),
    ),
  ),
  identity: authenticated(s),
});

const cfn = checks(CFN);
const tf = checks(TF);
const TYPE = 'AWS::ElastiCache::ReplicationGroup';

export const elasticacheChecks: StoreChecks = {
  cmk: { [TYPE]: cfn.cmk, aws_elasticache_replication_group: tf.cmk },
  tls: { [TYPE]: cfn.tls, aws_elasticache_replication_group: tf.tls },
  identity: { [TYPE]: cfn.identity, aws_elasticache_replication_group: tf.identity },
  retain: { [TYPE]: cfnRetained(TYPE), aws_elasticache_replication_group: tfPreventDestroy },
};
