import { type Check, type CheckResult, Rule, fail, notApplicable, pass } from '../../engine/rule';
import { isTrue, judgeSetting } from '../shared/expect';
import { joinPath, listLength, readString, unknownAt } from '../shared/read';
import { tfBlock, throughDynamic } from '../shared/tf-blocks';

/**
 * A private endpoint only keeps traffic private when clients resolve the service's public name to
 * it. Without private DNS (an interface endpoint with PrivateDnsEnabled off, an Azure private
 * endpoint with no DNS zone group) the SDKs keep resolving the public address and leave the
 * network through whatever path exists, or fail; both push teams to open egress.
 * Gateway endpoints (S3, DynamoDB) route by prefix list, not DNS: they pass. Checkov and cdk-nag have no
 * equivalent check (none in the conformance corpus).
 */
// A PrivateLink endpoint service of one's own or a partner's (com.amazonaws.vpce.<region>.vpce-svc-...).
const ENDPOINT_SERVICE = /\.vpce-svc-[0-9a-f]+$/;

const awsEndpoint =
  (typePath: string, dnsPath: string, servicePath: string): Check =>
  (res, { graph }) => {
    const type = readString(graph, res, typePath);
    if (type.kind === 'unknown') return unknownAt(typePath, type.reason);
    // Both tools default the endpoint type to Gateway.
    const kind = type.kind === 'absent' ? 'Gateway' : type.value;
    if (kind === 'Gateway') return pass(`${typePath} is Gateway: routed by prefix list, no DNS to resolve`, typePath);
    if (kind !== 'Interface') return pass(`${typePath} is ${kind}: not a service endpoint clients resolve`, typePath);
    const result = judgeSetting(
      graph,
      res,
      isTrue(dnsPath, {
        providerDefault: false,
        risk: 'clients resolve the public service name and bypass the endpoint',
      }),
    );
    // An endpoint service without a private DNS name has no public name to shadow: clients use the
    // endpoint's own DNS names, which resolve to its private addresses (and private DNS cannot be enabled).
    const service = readString(graph, res, servicePath);
    if (result.verdict === 'fail' && service.kind === 'value' && ENDPOINT_SERVICE.test(service.value))
      return notApplicable(`${service.value} is a PrivateLink endpoint service: clients use the endpoint's own names`);
    return result;
  };

const noZone = (path: string): CheckResult =>
  fail(
    'no private_dns_zone_group with private_dns_zone_ids: clients resolve the service\u2019s public name, not this ' +
      'endpoint; link the privatelink.* zone of the service',
    path,
  );

/** A zone group (static, or dynamic: as good as its for_each) linking at least one private DNS zone. */
const azureEndpoint: Check = (res, { graph }) => {
  const group = tfBlock(graph, res, '', 'private_dns_zone_group');
  if (group.kind === 'absent') return noZone('private_dns_zone_group');
  const ids = joinPath(group.path, 'private_dns_zone_ids');
  const zones = listLength(graph, res, ids);
  if (zones.kind === 'unknown') return unknownAt(ids, zones.reason);
  if (zones.kind !== 'value' || zones.value === 0) return noZone(ids);
  return throughDynamic(group, pass('private_dns_zone_group links a private DNS zone', ids));
};

export const privateDnsRule: Rule = {
  id: 'ZT-NETWORK-007',
  title: 'Private endpoints resolve through private DNS',
  severity: 'medium',
  layer: 'network',
  rationale:
    'Training jobs, notebooks and gateways reach storage, registries, key vaults and model APIs by their public ' +
    'names. A private endpoint carries that traffic only when the name resolves to it: an interface endpoint ' +
    'without private DNS, or an Azure private endpoint without a DNS zone group, leaves clients on the public ' +
    'address, so requests either fail in a network without an internet path or leave it where one exists.',
  remediation:
    'CDK: ec2.InterfaceVpcEndpoint keeps privateDnsEnabled at its default, true. CloudFormation: PrivateDnsEnabled: ' +
    'true on Interface AWS::EC2::VPCEndpoint resources. Terraform: private_dns_enabled = true on Interface ' +
    'aws_vpc_endpoint resources. Azure: a private_dns_zone_group on every azurerm_private_endpoint naming the ' +
    'privatelink.* zone of the service, linked to the virtual network. Endpoints to a PrivateLink endpoint service ' +
    '(vpce-svc-...) are exempt: clients use the endpoint\u2019s own private DNS names.',
  controls: [
    { framework: 'NIST-800-53', id: 'SC-7' },
    { framework: 'NIST-800-53', id: 'AC-4' },
    { framework: 'SOC2', id: 'CC6.6' },
    { framework: 'HIPAA', id: '164.312(e)(1)' },
    { framework: 'ISO-27001', id: 'A.8.20' },
    { framework: 'ISO-27001', id: 'A.8.22' },
  ],
  equivalents: [],
  // Not per resource: Pulumi's azure-native DNS zone group is a resource of its own, merged into its endpoint.
  checks: {
    'AWS::EC2::VPCEndpoint': awsEndpoint('VpcEndpointType', 'PrivateDnsEnabled', 'ServiceName'),
    aws_vpc_endpoint: awsEndpoint('vpc_endpoint_type', 'private_dns_enabled', 'service_name'),
    azurerm_private_endpoint: azureEndpoint,
  },
};
