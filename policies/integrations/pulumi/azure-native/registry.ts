import { type Props, type Reader, defined, enabled, obj } from './read';

/**
 * Container registries (azure-native:containerregistry:Registry): the export and retention
 * policies sit under `policies` with ARM's "enabled" / "disabled" status. ARM keeps 7 days when
 * retention is enabled without `days`; retention disabled is azurerm's retention_policy_in_days unset.
 */
function retentionDays(policies: Props): unknown {
  const r = policies.retentionPolicy;
  if (typeof r === 'string') return r; // unknown at preview
  const status = enabled(obj(r).status);
  if (status === true) return obj(r).days ?? 7;
  return typeof status === 'string' ? status : undefined;
}

function registry(p: Props): Props {
  // `policies` unknown at preview leaves export and retention unknown, not at their defaults.
  const policies =
    typeof p.policies === 'string' ? { exportPolicy: p.policies, retentionPolicy: p.policies } : obj(p.policies);
  const exportPolicy = policies.exportPolicy;
  return defined({
    name: p.registryName,
    sku: typeof p.sku === 'string' ? p.sku : obj(p.sku).name,
    admin_enabled: p.adminUserEnabled,
    public_network_access_enabled: enabled(p.publicNetworkAccess),
    anonymous_pull_enabled: p.anonymousPullEnabled,
    export_policy_enabled: typeof exportPolicy === 'string' ? exportPolicy : enabled(obj(exportPolicy).status),
    retention_policy_in_days: retentionDays(policies),
    network_rule_set: obj(p.networkRuleSet).defaultAction
      ? { default_action: obj(p.networkRuleSet).defaultAction }
      : undefined,
  });
}

export const REGISTRY: Readonly<Record<string, Reader>> = {
  'azure-native:containerregistry:Registry': { type: 'azurerm_container_registry', read: registry },
};
