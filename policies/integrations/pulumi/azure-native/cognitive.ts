import { type Props, type Reader, defined, enabled, list, negated, obj } from './read';

/**
 * Azure OpenAI / AI Services (azure-native:cognitiveservices): the account's network and key
 * settings sit under `properties`; a deployment names its RAI policy in properties.raiPolicyName;
 * a RAI policy's contentFilters are azurerm's content_filter blocks (enabled / blocking are
 * filter_enabled / block_enabled).
 */
const ACCOUNT = 'azurerm_cognitive_account';
const RAI_POLICY = 'azurerm_cognitive_account_rai_policy';

/** ARM's key source; an unknown one leaves the key unknown rather than absent (never a false fail). */
function customerManagedKey(encryption: unknown): Props | undefined {
  if (typeof encryption === 'string') return { key_vault_key_id: encryption }; // the whole block unknown
  const enc = obj(encryption);
  if (typeof enc.keySource !== 'string') return undefined;
  if (enc.keySource.toLowerCase() !== 'microsoft.keyvault') {
    // Microsoft.CognitiveServices is the Microsoft-managed key; anything else is a preview unknown.
    return enc.keySource.toLowerCase() === 'microsoft.cognitiveservices'
      ? undefined
      : { key_vault_key_id: enc.keySource };
  }
  const kv = obj(enc.keyVaultProperties);
  if (kv.keyName === undefined) return { key_vault_key_id: '' };
  const version = kv.keyVersion === undefined ? '' : `/${String(kv.keyVersion)}`;
  return { key_vault_key_id: `${String(kv.keyVaultUri ?? '')}keys/${String(kv.keyName)}${version}` };
}

function account(p: Props): Props {
  const q = obj(p.properties);
  const acls = obj(q.networkAcls);
  return defined({
    name: p.accountName,
    kind: p.kind,
    sku_name: obj(p.sku).name,
    custom_subdomain_name: q.customSubDomainName,
    public_network_access_enabled: enabled(q.publicNetworkAccess),
    local_auth_enabled: negated(q.disableLocalAuth),
    network_acls: acls.defaultAction !== undefined ? { default_action: acls.defaultAction } : undefined,
    customer_managed_key: customerManagedKey(q.encryption),
  });
}

function deployment(p: Props): Props {
  const q = obj(p.properties);
  return defined({
    name: p.deploymentName,
    cognitive_account_id: p.accountName,
    rai_policy_name: typeof p.properties === 'string' ? p.properties : q.raiPolicyName,
  });
}

function raiPolicy(p: Props): Props {
  const q = obj(p.properties);
  const filters = list(q.contentFilters)?.map((f) =>
    defined({
      name: f.name,
      source: f.source,
      filter_enabled: f.enabled,
      block_enabled: f.blocking,
      severity_threshold: f.severityThreshold,
    }),
  );
  return defined({
    name: p.raiPolicyName,
    cognitive_account_id: p.accountName,
    base_policy_name: q.basePolicyName,
    mode: q.mode,
    content_filter: filters ?? (typeof q.contentFilters === 'string' ? q.contentFilters : undefined),
  });
}

const inAccount = { prop: 'accountName', at: 'cognitive_account_id', to: [ACCOUNT] };

export const COGNITIVE: Readonly<Record<string, Reader>> = {
  'azure-native:cognitiveservices:Account': { type: ACCOUNT, read: account },
  'azure-native:cognitiveservices:Deployment': {
    type: 'azurerm_cognitive_deployment',
    read: deployment,
    links: [inAccount, { prop: 'properties', at: 'rai_policy_name', to: [RAI_POLICY], attribute: 'name' }],
  },
  'azure-native:cognitiveservices:RaiPolicy': { type: RAI_POLICY, read: raiPolicy, links: [inAccount] },
};
