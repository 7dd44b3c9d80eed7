import type { ResourceGraph } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import { type Check, type CheckResult, type Equivalent, fail, pass } from '../../engine/rule';
import { eachOf } from '../shared/combine';
import { atMost } from '../shared/compute-settings';
import { isFalse, isTrue, judgeSetting, oneOf } from '../shared/expect';
import { eachListed, isPresent, joinPath, listLength, readString } from '../shared/read';

/**
 * ZT-PIPELINE-001 on self-managed (GPU) EC2 compute: launch templates, instances and launch
 * configurations. IMDSv2 only (tokens required; a hop limit of 1 keeps containers off the node's
 * credentials), every EBS volume encrypted, and no public IP asked for. One finding per setting.
 * A CloudFormation instance cannot set metadata options itself: it takes them from its launch
 * template, which is judged on its own.
 */
interface Ec2Fields {
  /** The metadata options block; undefined where the resource cannot hold one (CFN instances). */
  readonly metadata?: string;
  readonly endpoint: string;
  readonly tokens: string;
  readonly hops: string;
  /** Block-device mappings (each `{ ebs: { encrypted } }`), or the instance's root and extra EBS blocks. */
  readonly volumes:
    { readonly mappings: string; readonly ebs: string } | { readonly root: string; readonly extra: string };
  readonly encrypted: string;
  /** Network interface lists holding associatePublicIp, and the resource's own flag. */
  readonly interfaces?: string;
  readonly publicIp: string;
  /** CloudFormation instances: the launch template property. */
  readonly launchTemplate?: string;
}

const ENCRYPTED = (path: string) => isTrue(path, { providerDefault: false, risk: 'the volume is written unencrypted' });

function imds(g: ResourceGraph, r: Resource, f: Ec2Fields): CheckResult[] {
  if (f.metadata === undefined) {
    const lt = f.launchTemplate ?? 'LaunchTemplate';
    return isPresent(g, r, lt)
      ? [pass(`${lt} supplies the metadata options (the launch template is judged on its own)`, lt)]
      : [
          fail(
            `no ${lt}: the instance keeps IMDSv1 (tokens optional); launch it from a template requiring HttpTokens`,
            lt,
          ),
        ];
  }
  const endpointPath = joinPath(f.metadata, f.endpoint);
  const endpoint = readString(g, r, endpointPath);
  if (endpoint.kind === 'value' && endpoint.value === 'disabled') {
    return [pass(`${endpointPath} is disabled: there is no instance metadata service to reach`, endpointPath)];
  }
  return [
    judgeSetting(
      g,
      r,
      oneOf(f.tokens, ['required'], {
        providerDefault: 'optional',
        risk: 'IMDSv1 answers without a session token (SSRF steals the role)',
      }),
      f.metadata,
    ),
    judgeSetting(
      g,
      r,
      atMost(f.hops, 1, { providerDefault: 1, risk: 'containers on the node reach its instance credentials' }),
      f.metadata,
    ),
  ];
}

function volumes(g: ResourceGraph, r: Resource, f: Ec2Fields): CheckResult[] {
  if ('root' in f.volumes) {
    const { root, extra } = f.volumes;
    const out: CheckResult[] = [
      isPresent(g, r, root)
        ? judgeSetting(g, r, ENCRYPTED(joinPath(root, f.encrypted)))
        : fail(
            `${root} is not set, so root volume encryption is left to the AMI and the account default; declare it with ${f.encrypted} = true`,
            root,
          ),
    ];
    return [...out, ...eachListed(g, r, extra, (p) => [judgeSetting(g, r, ENCRYPTED(joinPath(p, f.encrypted)))])];
  }
  const { mappings, ebs } = f.volumes;
  const n = listLength(g, r, mappings);
  if (n.kind === 'value' && n.value === 0) {
    if (f.launchTemplate && isPresent(g, r, f.launchTemplate)) {
      return [
        pass(`${f.launchTemplate} supplies the block-device mappings (judged on the template)`, f.launchTemplate),
      ];
    }
    return [
      fail(
        `${mappings} is not set, so volume encryption is left to the AMI and the account default; map the root volume with ${f.encrypted} = true`,
        mappings,
      ),
    ];
  }
  return eachListed(g, r, mappings, (p) => {
    const at = joinPath(p, ebs);
    return isPresent(g, r, at) ? [judgeSetting(g, r, ENCRYPTED(f.encrypted), at)] : []; // else instance store / NoDevice
  });
}

const NO_PUBLIC_IP = (path: string) =>
  isFalse(path, { providerDefault: false, risk: 'the node gets a public IP: an internet path around the VPC' });

function publicIp(g: ResourceGraph, r: Resource, f: Ec2Fields): CheckResult[] {
  if (!f.interfaces) return [judgeSetting(g, r, NO_PUBLIC_IP(f.publicIp))];
  return eachListed(g, r, f.interfaces, (p) => [judgeSetting(g, r, NO_PUBLIC_IP(joinPath(p, f.publicIp)))]);
}

const ec2 =
  (f: Ec2Fields): Check =>
  (r, { graph }) =>
    eachOf([...imds(graph, r, f), ...volumes(graph, r, f), ...publicIp(graph, r, f)]);

const TF_METADATA = {
  metadata: 'metadata_options',
  endpoint: 'http_endpoint',
  tokens: 'http_tokens',
  hops: 'http_put_response_hop_limit',
};
const TF_INSTANCE: Ec2Fields = {
  ...TF_METADATA,
  volumes: { root: 'root_block_device', extra: 'ebs_block_device' },
  encrypted: 'encrypted',
  publicIp: 'associate_public_ip_address',
};

const CFN_LAUNCH_TEMPLATE: Ec2Fields = {
  metadata: 'LaunchTemplateData.MetadataOptions',
  endpoint: 'HttpEndpoint',
  tokens: 'HttpTokens',
  hops: 'HttpPutResponseHopLimit',
  volumes: { mappings: 'LaunchTemplateData.BlockDeviceMappings', ebs: 'Ebs' },
  encrypted: 'Encrypted',
  interfaces: 'LaunchTemplateData.NetworkInterfaces',
  publicIp: 'AssociatePublicIpAddress',
};

export const ec2Checks: Readonly<Record<string, Check>> = {
  'AWS::EC2::LaunchTemplate': ec2(CFN_LAUNCH_TEMPLATE),
  aws_launch_template: ec2({
    ...TF_METADATA,
    volumes: { mappings: 'block_device_mappings', ebs: 'ebs' },
    encrypted: 'encrypted',
    interfaces: 'network_interfaces',
    publicIp: 'associate_public_ip_address',
  }),
  'AWS::EC2::Instance': ec2({
    endpoint: 'HttpEndpoint',
    tokens: 'HttpTokens',
    hops: 'HttpPutResponseHopLimit',
    volumes: { mappings: 'BlockDeviceMappings', ebs: 'Ebs' },
    encrypted: 'Encrypted',
    interfaces: 'NetworkInterfaces',
    publicIp: 'AssociatePublicIpAddress',
    launchTemplate: 'LaunchTemplate',
  }),
  aws_instance: ec2(TF_INSTANCE),
  aws_launch_configuration: ec2(TF_INSTANCE),
};

/** Every EC2 setting the checks above name a finding by (CloudFormation and Terraform spellings). */
const EC2_SETTINGS = [
  'HttpTokens',
  'HttpEndpoint',
  'http_tokens',
  'http_endpoint',
  'HttpPutResponseHopLimit',
  'http_put_response_hop_limit',
  'AssociatePublicIpAddress',
  'associate_public_ip_address',
  'Encrypted',
  'encrypted',
  'BlockDeviceMappings',
  'block_device_mappings',
  'root_block_device',
  'LaunchTemplate',
];

/** A Checkov check judging one EC2 setting: compared on `paths`, the other settings ignored. */
export const ec2Setting = (id: string, resourceTypes: readonly string[], paths: readonly string[]): Equivalent => ({
  tool: 'checkov',
  id,
  resourceTypes,
  paths,
  ignores: EC2_SETTINGS.filter((s) => !paths.includes(s)),
});
