import { type Props, defined, enabled, list, obj } from './read';

/** Readers of the data and ML stores: storage accounts (and their blob service), key vaults and keys, ML workspaces. */
export function storageAccount(p: Props): Props {
  const enc = obj(p.encryption);
  const kv = obj(enc.keyVaultProperties);
  const rules = obj(p.networkRuleSet);
  const cmk = enc.keySource === 'Microsoft.Keyvault' && kv.keyName !== undefined;
  return defined({
    account_kind: p.kind,
    is_hns_enabled: p.isHnsEnabled,
    https_traffic_only_enabled: p.enableHttpsTrafficOnly,
    min_tls_version: p.minimumTlsVersion,
    allow_nested_items_to_be_public: p.allowBlobPublicAccess,
    shared_access_key_enabled: p.allowSharedKeyAccess,
    public_network_access_enabled: enabled(p.publicNetworkAccess),
    infrastructure_encryption_enabled: enc.requireInfrastructureEncryption,
    network_rules: rules.defaultAction !== undefined ? { default_action: rules.defaultAction } : undefined,
    customer_managed_key: cmk
      ? { key_vault_key_id: `${String(kv.keyVaultUri ?? '')}keys/${String(kv.keyName)}` }
      : undefined,
  });
}

/** storage:BlobServiceProperties is a resource of its own in ARM; merged into its account (translate.ts). */
export function blobServiceProperties(p: Props): Props {
  const del = obj(p.deleteRetentionPolicy);
  const cont = obj(p.containerDeleteRetentionPolicy);
  const retention = (r: Props) => (r.enabled === true ? defined({ days: r.days }) : undefined);
  return defined({
    versioning_enabled: p.isVersioningEnabled,
    delete_retention_policy: retention(del),
    container_delete_retention_policy: retention(cont),
  });
}

const PERMISSIONS = ['key_permissions', 'secret_permissions', 'certificate_permissions', 'storage_permissions'];

/** One ARM access policy entry: permissions.keys / secrets / ... as azurerm's *_permissions. */
function accessPolicy(a: Props): Props {
  const perms = obj(a.permissions);
  return defined({
    tenant_id: a.tenantId,
    object_id: a.objectId,
    key_permissions: perms.keys,
    secret_permissions: perms.secrets,
    certificate_permissions: perms.certificates,
    storage_permissions: perms.storage,
  });
}

/** A vault's inline access policies, each as an azurerm access_policy block. */
const accessPolicies = (v: unknown): unknown =>
  typeof v === 'string'
    ? v // unknown at preview
    : list(v)?.map(accessPolicy);

/**
 * keyvault:AccessPolicy, ARM's policy entry added to an existing vault (named by vaultName), as
 * azurerm_key_vault_access_policy. A policy unknown at preview leaves every permission unknown.
 */
export function keyVaultAccessPolicy(p: Props): Props {
  const vault = defined({ key_vault_id: p.vaultName });
  if (typeof p.policy !== 'string') return { ...vault, ...accessPolicy(obj(p.policy)) };
  const unknown = p.policy;
  return { ...vault, ...Object.fromEntries(PERMISSIONS.map((k) => [k, unknown])) };
}

export function keyVault(p: Props): Props {
  const q = obj(p.properties);
  const acls = obj(q.networkAcls);
  const policies = accessPolicies(q.accessPolicies);
  return defined({
    name: p.vaultName,
    access_policy: Array.isArray(policies) && policies.length === 0 ? undefined : policies,
    purge_protection_enabled: q.enablePurgeProtection,
    soft_delete_retention_days: q.softDeleteRetentionInDays,
    rbac_authorization_enabled: q.enableRbacAuthorization,
    public_network_access_enabled: enabled(q.publicNetworkAccess),
    network_acls:
      acls.defaultAction !== undefined ? { default_action: acls.defaultAction, bypass: acls.bypass } : undefined,
  });
}

export function keyVaultKey(p: Props): Props {
  const q = obj(p.properties);
  const policy = obj(q.rotationPolicy);
  const actions = Array.isArray(policy.lifetimeActions) ? policy.lifetimeActions.map(obj) : [];
  const rotate = actions.find((a) => String(obj(a.action).type).toLowerCase() === 'rotate');
  const trigger = obj(rotate?.trigger);
  return defined({
    key_type: q.kty,
    key_size: q.keySize,
    curve: q.curveName,
    key_opts: q.keyOps,
    rotation_policy: Object.keys(policy).length
      ? defined({
          automatic: rotate
            ? defined({ time_before_expiry: trigger.timeBeforeExpiry, time_after_creation: trigger.timeAfterCreate })
            : undefined,
          expire_after: obj(policy.attributes).expiryTime,
        })
      : undefined,
  });
}

export function mlWorkspace(p: Props): Props {
  const mn = obj(p.managedNetwork);
  return defined({
    public_network_access_enabled: enabled(p.publicNetworkAccess),
    high_business_impact: p.hbiWorkspace,
    managed_network: mn.isolationMode !== undefined ? { isolation_mode: mn.isolationMode } : undefined,
  });
}

/**
 * A Key Vault secret: ARM keeps the expiry as `attributes.exp` in Unix seconds, azurerm as an
 * RFC 3339 `expiration_date` (the value itself is never read).
 */
export function keyVaultSecret(p: Props): Props {
  const q = typeof p.properties === 'string' ? undefined : obj(p.properties);
  const exp = q === undefined ? p.properties : obj(q.attributes).exp;
  return defined({
    name: p.secretName,
    content_type: q?.contentType,
    expiration_date: typeof exp === 'number' ? new Date(exp * 1000).toISOString() : exp,
  });
}

const ACCESS: Readonly<Record<string, string>> = { none: 'private', blob: 'blob', container: 'container' };

/** A blob container: ARM's publicAccess (None / Blob / Container) is azurerm's container_access_type. */
export function blobContainer(p: Props): Props {
  const access = p.publicAccess;
  return defined({
    name: p.containerName,
    container_access_type: typeof access === 'string' ? (ACCESS[access.toLowerCase()] ?? access) : access,
  });
}
