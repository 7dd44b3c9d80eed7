import { Construct } from 'constructs';
import { ContainerRegistry } from '@cdktf/provider-azurerm/lib/container-registry';
import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { ResolvedComputeProps, TrainingComputeProps } from './props';

/** Days untagged manifests are kept before the registry purges them (Premium retention policy). */
export const UNTAGGED_RETENTION_DAYS = 30;

/**
 * The training image registry: Premium (the tier with private link, retention and export
 * control), no admin user, no anonymous pull, no public network, no export (images leave only
 * through the private endpoint), zone redundant. Retained.
 */
export function createRegistry(
  scope: Construct,
  props: TrainingComputeProps,
  r: ResolvedComputeProps,
): ContainerRegistry {
  return new ContainerRegistry(scope, 'registry', {
    name: r.names.registry,
    resourceGroupName: props.resourceGroupName,
    location: props.location,
    sku: 'Premium',
    adminEnabled: false,
    anonymousPullEnabled: false,
    publicNetworkAccessEnabled: false,
    exportPolicyEnabled: false,
    // Azure ML and Defender scanning reach the registry as trusted services.
    networkRuleBypassOption: 'AzureServices',
    zoneRedundancyEnabled: true,
    retentionPolicyInDays: UNTAGGED_RETENTION_DAYS,
    tags: { ...props.tags },
    lifecycle: { preventDestroy: true },
  });
}

/** A private endpoint for `subresource` of `targetId`, registered in the given private DNS zones. */
export function createPrivateEndpoint(
  scope: Construct,
  props: TrainingComputeProps,
  id: string,
  target: { id: string; name: string; subresource: string; dnsZoneIds: string[] },
): PrivateEndpoint {
  return new PrivateEndpoint(scope, id, {
    name: `pe-${target.name}-${target.subresource}`,
    resourceGroupName: props.resourceGroupName,
    location: props.location,
    subnetId: props.privateEndpointSubnetId,
    privateServiceConnection: {
      name: `psc-${target.name}-${target.subresource}`,
      privateConnectionResourceId: target.id,
      subresourceNames: [target.subresource],
      isManualConnection: false,
    },
    privateDnsZoneGroup: { name: 'default', privateDnsZoneIds: target.dnsZoneIds },
    tags: { ...props.tags },
  });
}
