import { type Props, type Reader, defined, list, obj, snakeKeys } from './read';

/**
 * Network security groups and rules (ARM's names are azurerm's in camelCase) and private
 * endpoints: each privateLinkServiceConnections[] item (manual ones too) is a
 * private_service_connection block whose private_connection_resource_id is the privateLinkServiceId.
 */
function securityGroup(p: Props): Props {
  const rules = Array.isArray(p.securityRules) ? p.securityRules.map((r) => snakeKeys(obj(r))) : undefined;
  return defined({ security_rule: rules });
}

const connections = (v: unknown, manual: boolean) =>
  list(v)?.map((c) =>
    defined({
      name: c.name,
      private_connection_resource_id: c.privateLinkServiceId,
      subresource_names: c.groupIds,
      is_manual_connection: manual,
    }),
  ) ?? [];

function privateEndpoint(p: Props): Props {
  const all = [
    ...connections(p.privateLinkServiceConnections, false),
    ...connections(p.manualPrivateLinkServiceConnections, true),
  ];
  // A connection list unknown at preview is an unknown block, not a missing one.
  const unknownList = [p.privateLinkServiceConnections, p.manualPrivateLinkServiceConnections].find(
    (v) => typeof v === 'string',
  );
  return defined({
    name: p.privateEndpointName,
    subnet_id: obj(p.subnet).id,
    private_service_connection: unknownList ?? (all.length > 0 ? all : undefined),
  });
}

export const NETWORK: Readonly<Record<string, Reader>> = {
  'azure-native:network:NetworkSecurityGroup': { type: 'azurerm_network_security_group', read: securityGroup },
  'azure-native:network:SecurityRule': { type: 'azurerm_network_security_rule', read: snakeKeys },
  'azure-native:network:PrivateEndpoint': {
    type: 'azurerm_private_endpoint',
    read: privateEndpoint,
    links: [
      { prop: 'privateLinkServiceConnections', at: 'private_service_connection.*.private_connection_resource_id' },
      {
        prop: 'manualPrivateLinkServiceConnections',
        at: 'private_service_connection.*.private_connection_resource_id',
      },
    ],
  },
};
