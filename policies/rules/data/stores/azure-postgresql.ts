import type { ResourceGraph } from '../../../engine/graph';
import type { Resource } from '../../../engine/model';
import { type Check, type CheckResult, pass } from '../../../engine/rule';
import { allChecks, eachOf } from '../../shared/combine';
import { judgeAzureCmkBlock } from '../../shared/azure-keys';
import { PUBLIC_NETWORK_OFF } from '../../shared/azure-network';
import { atLeast, isFalse, isTrue, judgeSetting, setting } from '../../shared/expect';
import { isPresent, readBoolean } from '../../shared/read';
import { tfBlock, throughDynamic } from '../../shared/tf-blocks';
import {
  REQUIRE_SECURE_TRANSPORT,
  SSL_MIN_PROTOCOL_VERSION,
  orphanParameter,
  serverParameter,
} from './azure-postgresql-parameters';

/** azurerm_postgresql_flexible_server (azurerm 4.x) and its server parameters. */
const TYPE = 'azurerm_postgresql_flexible_server';
const CONFIGURATION = 'azurerm_postgresql_flexible_server_configuration';

const cmk: Check = (server, { graph }) =>
  judgeAzureCmkBlock(
    graph,
    server,
    'customer_managed_key',
    ['key_vault_key_id'],
    'customer_managed_key is not set, so the server is encrypted with Microsoft-managed keys; add it with key_vault_key_id and primary_user_assigned_identity_id',
  );

/**
 * azurerm 4.x: public_network_access_enabled defaults to true, but a VNet-integrated server
 * (delegated_subnet_id) has no public endpoint at all.
 */
function publicNetwork(g: ResourceGraph, server: Resource): CheckResult {
  const path = PUBLIC_NETWORK_OFF.path;
  if (readBoolean(g, server, path).kind === 'absent' && isPresent(g, server, 'delegated_subnet_id')) {
    return pass(`${path} is not set and the server is VNet-integrated (delegated_subnet_id): no public endpoint`, path);
  }
  return judgeSetting(g, server, PUBLIC_NETWORK_OFF);
}

/** Without an authentication block only password authentication is on. */
const PASSWORDS_OFF = isFalse('password_auth_enabled', {
  providerDefault: true,
  risk: 'database passwords grant access outside Entra ID',
});
const ENTRA_ON = isTrue('active_directory_auth_enabled', {
  providerDefault: false,
  risk: 'no Entra ID identity can sign in',
});

function authentication(g: ResourceGraph, server: Resource): CheckResult[] {
  const block = tfBlock(g, server, '', 'authentication');
  const base = block.path;
  return eachOf(
    [judgeSetting(g, server, PASSWORDS_OFF, base), judgeSetting(g, server, ENTRA_ON, base)].map((r) =>
      throughDynamic(block, r),
    ),
  );
}

/** 7 days is the service minimum and default; geo-redundant backup is off unless asked for (set at creation). */
const RETENTION = atLeast('backup_retention_days', 7, { providerDefault: 7 });
const GEO = isTrue('geo_redundant_backup_enabled', {
  providerDefault: false,
  risk: 'backups do not survive a regional outage',
});

export const POSTGRESQL_FLEXIBLE = {
  cmk: { [TYPE]: cmk },
  tlsOnly: {
    [TYPE]: serverParameter(REQUIRE_SECURE_TRANSPORT),
    [CONFIGURATION]: orphanParameter(REQUIRE_SECURE_TRANSPORT),
  },
  minTls: {
    [TYPE]: serverParameter(SSL_MIN_PROTOCOL_VERSION),
    [CONFIGURATION]: orphanParameter(SSL_MIN_PROTOCOL_VERSION),
  },
  publicNetwork: { [TYPE]: (s, { graph }) => publicNetwork(graph, s) },
  legacyAuth: { [TYPE]: (s, { graph }) => authentication(graph, s) },
  backups: { [TYPE]: allChecks(setting(RETENTION), setting(GEO)) },
} satisfies Record<string, Record<string, Check>>;
