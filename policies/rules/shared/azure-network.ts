import { isFalse } from './expect';

/** azurerm data services (storage, Key Vault, Cosmos DB, Search, Redis) default public network access to on. */
export const PUBLIC_NETWORK_OFF = isFalse('public_network_access_enabled', {
  providerDefault: true,
  risk: 'the endpoint is reachable from the internet',
});
