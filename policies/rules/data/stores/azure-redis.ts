import type { Check } from '../../../engine/rule';
import { allChecks } from '../../shared/combine';
import { PUBLIC_NETWORK_OFF } from '../../shared/azure-network';
import { isFalse, isTrue, oneOf, setting } from '../../shared/expect';

/** azurerm_redis_cache (azurerm 4.x names; the 3.x spellings are judged as aliases). */
const TYPE = 'azurerm_redis_cache';

const NO_PLAIN_PORT = isFalse('non_ssl_port_enabled', {
  providerDefault: false,
  aliases: ['enable_non_ssl_port'],
  risk: 'port 6379 accepts plain-text connections',
});

/** Possible values 1.0, 1.1, 1.2; azurerm 4.x defaults to 1.2. */
const MIN_TLS = oneOf('minimum_tls_version', ['1.2'], {
  providerDefault: '1.2',
  risk: 'clients may negotiate TLS 1.0/1.1',
});

/** Access keys bypass Entra ID; Azure requires Entra ID authentication on before they can be turned off. */
const NO_ACCESS_KEYS = isFalse('access_keys_authentication_enabled', {
  providerDefault: true,
  risk: 'access keys grant full access outside Entra ID',
});
const ENTRA_ON = isTrue('redis_configuration.active_directory_authentication_enabled', {
  providerDefault: false,
  risk: 'no Entra ID identity can connect, so clients must use access keys',
});
/** authentication_enabled = false (VNet-injected caches only) removes authentication altogether. */
const AUTH_ON = isTrue('redis_configuration.authentication_enabled', {
  providerDefault: true,
  aliases: ['redis_configuration.enable_authentication'],
  risk: 'clients connect without any credential',
});

export const REDIS = {
  tlsOnly: { [TYPE]: setting(NO_PLAIN_PORT) },
  minTls: { [TYPE]: setting(MIN_TLS) },
  publicNetwork: { [TYPE]: setting(PUBLIC_NETWORK_OFF) },
  legacyAuth: { [TYPE]: allChecks(setting(NO_ACCESS_KEYS), setting(ENTRA_ON), setting(AUTH_ON)) },
} satisfies Record<string, Record<string, Check>>;
