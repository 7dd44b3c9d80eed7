import type { RuleCase } from '../helpers';
import { cfn, tf } from '../helpers';

/** ZT-PIPELINE-002 on Model Monitor data-quality job definitions, CloudFormation and Terraform. */
const KEY = { 'Fn::GetAtt': ['Key', 'Arn'] };
const hardened = (over: Record<string, unknown> = {}) => ({
  RoleArn: 'arn:aws:iam::111122223333:role/monitor',
  DataQualityAppSpecification: { ImageUri: 'img' },
  DataQualityJobInput: { EndpointInput: { EndpointName: 'e', LocalPath: '/opt/ml/processing/input' } },
  DataQualityJobOutputConfig: { KmsKeyId: KEY, MonitoringOutputs: [] },
  JobResources: {
    ClusterConfig: { InstanceCount: 1, InstanceType: 'ml.m5.xlarge', VolumeSizeInGB: 20, VolumeKmsKeyId: KEY },
  },
  NetworkConfig: {
    EnableNetworkIsolation: true,
    EnableInterContainerTrafficEncryption: true,
    VpcConfig: { Subnets: ['subnet-1'], SecurityGroupIds: [{ 'Fn::GetAtt': ['Sg', 'GroupId'] }] },
  },
  ...over,
});
const job = (props: Record<string, unknown>) =>
  cfn({
    J: { Type: 'AWS::SageMaker::DataQualityJobDefinition', Properties: props },
    Key: { Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: true } },
    Sg: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'sg', VpcId: 'vpc-1' } },
  });
const tfJob = (over: Record<string, unknown> = {}) =>
  tf({
    aws_sagemaker_data_quality_job_definition: {
      j: {
        role_arn: 'arn:role',
        data_quality_app_specification: [{ image_uri: 'img' }],
        data_quality_job_output_config: [{ kms_key_id: '${aws_kms_key.k.arn}', monitoring_outputs: [{}] }],
        job_resources: [
          {
            cluster_config: [
              { instance_count: 1, instance_type: 'ml.m5.xlarge', volume_kms_key_id: '${aws_kms_key.k.arn}' },
            ],
          },
        ],
        network_config: [
          {
            enable_network_isolation: true,
            enable_inter_container_traffic_encryption: true,
            vpc_config: [{ subnets: ['subnet-1'], security_group_ids: ['sg-1'] }],
          },
        ],
        ...over,
      },
    },
    aws_kms_key: { k: { enable_key_rotation: true } },
  });

export const monitoringJobCases: readonly RuleCase[] = [
  { name: 'hardened data-quality job definition', doc: job(hardened()), address: 'J', verdict: 'pass' },
  {
    name: 'data-quality job without NetworkConfig, keys or isolation: one finding per setting',
    doc: job(
      hardened({
        NetworkConfig: undefined,
        JobResources: { ClusterConfig: { InstanceCount: 1, InstanceType: 'ml.m5.xlarge', VolumeSizeInGB: 20 } },
        DataQualityJobOutputConfig: { MonitoringOutputs: [] },
      }),
    ),
    address: 'J',
    verdict: 'fail',
    failingPaths: [
      'NetworkConfig.VpcConfig.Subnets',
      'NetworkConfig.EnableNetworkIsolation',
      'NetworkConfig.EnableInterContainerTrafficEncryption',
      'JobResources.ClusterConfig.VolumeKmsKeyId',
      'DataQualityJobOutputConfig.KmsKeyId',
    ],
  },
  {
    name: 'data-quality job with isolation off',
    doc: job(
      hardened({
        NetworkConfig: { ...hardened().NetworkConfig, EnableNetworkIsolation: false },
      }),
    ),
    address: 'J',
    verdict: 'fail',
    path: 'NetworkConfig.EnableNetworkIsolation',
  },
  {
    name: 'data-quality job with no security group',
    doc: job(
      hardened({
        NetworkConfig: { ...hardened().NetworkConfig, VpcConfig: { Subnets: ['s'], SecurityGroupIds: [] } },
      }),
    ),
    address: 'J',
    verdict: 'fail',
    path: 'NetworkConfig.VpcConfig.SecurityGroupIds',
  },
  {
    name: 'data-quality reports under the AWS-managed aws/s3 key',
    doc: job(hardened({ DataQualityJobOutputConfig: { KmsKeyId: 'alias/aws/s3', MonitoringOutputs: [] } })),
    address: 'J',
    verdict: 'fail',
    path: 'DataQualityJobOutputConfig.KmsKeyId',
  },
  {
    name: 'data-quality job on an NVMe instance type needs no volume key',
    doc: job(
      hardened({
        JobResources: { ClusterConfig: { InstanceCount: 1, InstanceType: 'ml.m5d.xlarge', VolumeSizeInGB: 20 } },
      }),
    ),
    address: 'J',
    verdict: 'pass',
  },
  {
    name: 'data-quality isolation from a template parameter',
    doc: cfn(
      {
        J: {
          Type: 'AWS::SageMaker::DataQualityJobDefinition',
          Properties: hardened({
            NetworkConfig: { ...hardened().NetworkConfig, EnableNetworkIsolation: { Ref: 'Isolate' } },
          }),
        },
        Key: { Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: true } },
        Sg: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'sg', VpcId: 'vpc-1' } },
      },
      { Parameters: { Isolate: { Type: 'String' } } },
    ),
    address: 'J',
    verdict: 'unknown',
    path: 'NetworkConfig.EnableNetworkIsolation',
  },
  {
    name: 'tf hardened data-quality job definition',
    doc: tfJob(),
    address: 'aws_sagemaker_data_quality_job_definition.j',
    verdict: 'pass',
  },
  {
    name: 'tf data-quality job without inter-container encryption or output key',
    doc: tfJob({
      network_config: [
        { enable_network_isolation: true, vpc_config: [{ subnets: ['subnet-1'], security_group_ids: ['sg-1'] }] },
      ],
      data_quality_job_output_config: [{ monitoring_outputs: [{}] }],
    }),
    address: 'aws_sagemaker_data_quality_job_definition.j',
    verdict: 'fail',
    failingPaths: [
      'network_config.enable_inter_container_traffic_encryption',
      'data_quality_job_output_config.kms_key_id',
    ],
  },
  {
    name: 'tf data-quality job with a dynamic network block',
    doc: tfJob({ network_config: undefined, dynamic: { network_config: [{ for_each: '${var.n}', content: [{}] }] } }),
    address: 'aws_sagemaker_data_quality_job_definition.j',
    verdict: 'unknown',
  },
];
