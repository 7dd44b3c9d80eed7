import type { RuleCase } from '../helpers';
import { cfn, tf } from '../helpers';

/** ZT-PIPELINE-001 on self-managed EC2 compute: IMDSv2 (hop limit 1), encrypted EBS, no public IP. */
const one = (type: string, props: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  cfn({ R: { Type: type, Properties: props } }, extra);
const tfOne = (type: string, body: Record<string, unknown>) => tf({ [type]: { r: body } }, { variable: { x: {} } });
const LT_DATA = {
  MetadataOptions: { HttpTokens: 'required', HttpPutResponseHopLimit: 1 },
  BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { Encrypted: true, KmsKeyId: 'alias/platform' } }],
};
const TF_LT = {
  metadata_options: [{ http_tokens: 'required', http_put_response_hop_limit: 1 }],
  block_device_mappings: [{ device_name: '/dev/xvda', ebs: [{ encrypted: 'true', kms_key_id: 'k' }] }],
};
const TF_VM = {
  ami: 'ami-1',
  instance_type: 'p4d.24xlarge',
  subnet_id: 'subnet-1',
  metadata_options: [{ http_tokens: 'required', http_put_response_hop_limit: 1 }],
  root_block_device: [{ encrypted: true }],
};
const TF_LC = { ...TF_VM, image_id: 'ami-1' };
const LT = { address: 'R' };

const launchTemplates: RuleCase[] = [
  {
    name: 'launch template with IMDSv2, hop limit 1 and an encrypted root volume',
    doc: one('AWS::EC2::LaunchTemplate', { LaunchTemplateData: LT_DATA }),
    ...LT,
    verdict: 'pass',
  },
  {
    name: 'launch template without metadata options (IMDSv1 allowed)',
    doc: one('AWS::EC2::LaunchTemplate', {
      LaunchTemplateData: { BlockDeviceMappings: LT_DATA.BlockDeviceMappings },
    }),
    ...LT,
    verdict: 'fail',
    path: 'LaunchTemplateData.MetadataOptions.HttpTokens',
  },
  {
    name: 'launch template with hop limit 2',
    doc: one('AWS::EC2::LaunchTemplate', {
      LaunchTemplateData: { ...LT_DATA, MetadataOptions: { HttpTokens: 'required', HttpPutResponseHopLimit: 2 } },
    }),
    ...LT,
    verdict: 'fail',
    path: 'LaunchTemplateData.MetadataOptions.HttpPutResponseHopLimit',
  },
  {
    name: 'launch template with an unencrypted volume',
    doc: one('AWS::EC2::LaunchTemplate', {
      LaunchTemplateData: { ...LT_DATA, BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: 100 } }] },
    }),
    ...LT,
    verdict: 'fail',
    path: 'LaunchTemplateData.BlockDeviceMappings.0.Ebs.Encrypted',
  },
  {
    name: 'launch template without block device mappings',
    doc: one('AWS::EC2::LaunchTemplate', { LaunchTemplateData: { MetadataOptions: LT_DATA.MetadataOptions } }),
    ...LT,
    verdict: 'fail',
    path: 'LaunchTemplateData.BlockDeviceMappings',
  },
  {
    name: 'launch template asking for a public IP on its interface',
    doc: one('AWS::EC2::LaunchTemplate', {
      LaunchTemplateData: { ...LT_DATA, NetworkInterfaces: [{ DeviceIndex: 0, AssociatePublicIpAddress: true }] },
    }),
    ...LT,
    verdict: 'fail',
    path: 'LaunchTemplateData.NetworkInterfaces.0.AssociatePublicIpAddress',
  },
  {
    name: 'launch template with an interface without a public IP',
    doc: one('AWS::EC2::LaunchTemplate', {
      LaunchTemplateData: { ...LT_DATA, NetworkInterfaces: [{ DeviceIndex: 0, AssociatePublicIpAddress: false }] },
    }),
    ...LT,
    verdict: 'pass',
  },
  {
    name: 'launch template tokens from a parameter',
    doc: one(
      'AWS::EC2::LaunchTemplate',
      { LaunchTemplateData: { ...LT_DATA, MetadataOptions: { HttpTokens: { Ref: 'T' } } } },
      { Parameters: { T: { Type: 'String' } } },
    ),
    ...LT,
    verdict: 'unknown',
  },
  {
    name: 'launch template with the metadata endpoint disabled',
    doc: one('AWS::EC2::LaunchTemplate', {
      LaunchTemplateData: { ...LT_DATA, MetadataOptions: { HttpEndpoint: 'disabled' } },
    }),
    ...LT,
    verdict: 'pass',
  },
  {
    name: 'tf launch template hardened',
    doc: tfOne('aws_launch_template', TF_LT),
    address: 'aws_launch_template.r',
    verdict: 'pass',
  },
  {
    name: 'tf launch template with optional tokens',
    doc: tfOne('aws_launch_template', { ...TF_LT, metadata_options: [{ http_tokens: 'optional' }] }),
    address: 'aws_launch_template.r',
    verdict: 'fail',
    path: 'metadata_options.http_tokens',
  },
  {
    name: 'tf launch template with an unencrypted EBS mapping',
    doc: tfOne('aws_launch_template', {
      ...TF_LT,
      block_device_mappings: [{ device_name: '/dev/xvda', ebs: [{ volume_size: 100 }] }],
    }),
    address: 'aws_launch_template.r',
    verdict: 'fail',
    path: 'block_device_mappings.0.ebs.encrypted',
  },
  {
    name: 'tf launch template asking for a public IP',
    doc: tfOne('aws_launch_template', {
      ...TF_LT,
      network_interfaces: [{ associate_public_ip_address: 'true' }],
    }),
    address: 'aws_launch_template.r',
    verdict: 'fail',
    path: 'network_interfaces.0.associate_public_ip_address',
  },
];

const instances: RuleCase[] = [
  {
    name: 'instance launched from a template with encrypted mappings',
    doc: one('AWS::EC2::Instance', {
      LaunchTemplate: { LaunchTemplateId: 'lt-1', Version: '1' },
      BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { Encrypted: true } }],
    }),
    ...LT,
    verdict: 'pass',
  },
  {
    name: 'instance launched from a template that supplies the volumes',
    doc: one('AWS::EC2::Instance', { LaunchTemplate: { LaunchTemplateId: 'lt-1', Version: '1' } }),
    ...LT,
    verdict: 'pass',
  },
  {
    name: 'instance without a launch template (IMDSv1 stays on)',
    doc: one('AWS::EC2::Instance', {
      ImageId: 'ami-1',
      BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { Encrypted: true } }],
    }),
    ...LT,
    verdict: 'fail',
    path: 'LaunchTemplate',
  },
  {
    name: 'instance with an unencrypted extra volume',
    doc: one('AWS::EC2::Instance', {
      LaunchTemplate: { LaunchTemplateId: 'lt-1', Version: '1' },
      BlockDeviceMappings: [{ DeviceName: '/dev/sdb', Ebs: { VolumeSize: 500 } }],
    }),
    ...LT,
    verdict: 'fail',
    path: 'BlockDeviceMappings.0.Ebs.Encrypted',
  },
  {
    name: 'instance asking for a public IP on its interface',
    doc: one('AWS::EC2::Instance', {
      LaunchTemplate: { LaunchTemplateId: 'lt-1', Version: '1' },
      NetworkInterfaces: [{ DeviceIndex: '0', AssociatePublicIpAddress: true, SubnetId: 's' }],
    }),
    ...LT,
    verdict: 'fail',
    path: 'NetworkInterfaces.0.AssociatePublicIpAddress',
  },
  { name: 'tf instance hardened', doc: tfOne('aws_instance', TF_VM), address: 'aws_instance.r', verdict: 'pass' },
  {
    name: 'tf instance without metadata options',
    doc: tfOne('aws_instance', { ...TF_VM, metadata_options: undefined }),
    address: 'aws_instance.r',
    verdict: 'fail',
    path: 'metadata_options.http_tokens',
  },
  {
    name: 'tf instance without a root block device',
    doc: tfOne('aws_instance', { ...TF_VM, root_block_device: undefined }),
    address: 'aws_instance.r',
    verdict: 'fail',
    path: 'root_block_device',
  },
  {
    name: 'tf instance with an unencrypted extra EBS volume',
    doc: tfOne('aws_instance', { ...TF_VM, ebs_block_device: [{ device_name: '/dev/sdb', volume_size: 500 }] }),
    address: 'aws_instance.r',
    verdict: 'fail',
    path: 'ebs_block_device.0.encrypted',
  },
  {
    name: 'tf instance with a public IP',
    doc: tfOne('aws_instance', { ...TF_VM, associate_public_ip_address: true }),
    address: 'aws_instance.r',
    verdict: 'fail',
    path: 'associate_public_ip_address',
  },
  {
    name: 'tf instance public IP from a variable',
    doc: tfOne('aws_instance', { ...TF_VM, associate_public_ip_address: '${var.x}' }),
    address: 'aws_instance.r',
    verdict: 'unknown',
  },
  {
    name: 'tf launch configuration hardened',
    doc: tfOne('aws_launch_configuration', TF_LC),
    address: 'aws_launch_configuration.r',
    verdict: 'pass',
  },
  {
    name: 'tf launch configuration with an unencrypted root volume',
    doc: tfOne('aws_launch_configuration', { ...TF_LC, root_block_device: [{ volume_size: 100 }] }),
    address: 'aws_launch_configuration.r',
    verdict: 'fail',
    path: 'root_block_device.encrypted',
  },
];

export const ec2Cases: RuleCase[] = [...launchTemplates, ...instances];
