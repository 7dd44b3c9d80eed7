import type { RuleCase } from '../helpers';
import { cfnCase, cfnStore, on, tfCase, tfStore } from './aws-stores-fixtures';

/** ZT-DATA-003 (TLS only) on the AWS data stores: parameter groups, endpoint options, resource policies. */
const DB = 'AWS::RDS::DBInstance';
const CLUSTER = 'AWS::RDS::DBCluster';
const OS = 'AWS::OpenSearchService::Domain';
const RG = 'AWS::ElastiCache::ReplicationGroup';

const denyHttp = (action: string) => ({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Deny',
      Principal: { AWS: '*' },
      Action: action,
      Resource: '*',
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    },
  ],
});
const allowAll = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }],
};
const pg = (params: Record<string, unknown>) => ({
  PG: {
    Type: 'AWS::RDS::DBParameterGroup',
    Properties: { Family: 'postgres14', Description: 'd', Parameters: params },
  },
});
const cpg = (params: Record<string, unknown>) => ({
  CPG: {
    Type: 'AWS::RDS::DBClusterParameterGroup',
    Properties: { Family: 'aurora-mysql8.0', Description: 'd', Parameters: params },
  },
});

export const awsStoreCases: RuleCase[] = [
  on(
    'cfn',
    DB,
    'parameter group forces SSL',
    cfnStore(DB, { Engine: 'postgres', DBParameterGroupName: { Ref: 'PG' } }, pg({ 'rds.force_ssl': '1' })),
    'pass',
    { path: 'PG.rds.force_ssl' },
  ),
  on(
    'cfn',
    DB,
    'parameter group with force_ssl 0',
    cfnStore(DB, { Engine: 'postgres', DBParameterGroupName: { Ref: 'PG' } }, pg({ 'rds.force_ssl': 0 })),
    'fail',
    { path: 'PG.rds.force_ssl' },
  ),
  cfnCase(DB, 'MySQL with the default group', { Engine: 'mysql' }, 'fail', { path: 'DBParameterGroupName' }),
  cfnCase(DB, 'PostgreSQL 16 default group forces SSL', { Engine: 'postgres', EngineVersion: '16.3' }, 'pass'),
  cfnCase(DB, 'PostgreSQL 13 default group', { Engine: 'postgres', EngineVersion: '13.12' }, 'fail'),
  cfnCase(DB, 'PostgreSQL without a version', { Engine: 'postgres' }, 'unknown', { path: 'DBParameterGroupName' }),
  cfnCase(DB, 'a group outside the template', { Engine: 'mysql', DBParameterGroupName: 'shared-tls' }, 'unknown'),
  cfnCase(DB, 'Aurora instance: the cluster parameter group decides', { DBClusterIdentifier: 'c' }, 'not_applicable'),
  on(
    'cfn',
    CLUSTER,
    'cluster group requires secure transport',
    cfnStore(
      CLUSTER,
      { Engine: 'aurora-mysql', DBClusterParameterGroupName: { Ref: 'CPG' } },
      cpg({ require_secure_transport: 'ON' }),
    ),
    'pass',
  ),
  on(
    'cfn',
    CLUSTER,
    'cluster group without the parameter',
    cfnStore(CLUSTER, { Engine: 'aurora-mysql', DBClusterParameterGroupName: { Ref: 'CPG' } }, cpg({})),
    'fail',
    { path: 'CPG' },
  ),
  on(
    'tf',
    'aws_db_instance',
    'parameter group forces SSL',
    tfStore(
      'aws_db_instance',
      { engine: 'postgres', parameter_group_name: '${aws_db_parameter_group.pg.name}' },
      {
        aws_db_parameter_group: { pg: { family: 'postgres14', parameter: [{ name: 'rds.force_ssl', value: '1' }] } },
      },
    ),
    'pass',
  ),
  tfCase('aws_db_instance', 'MariaDB default group', { engine: 'mariadb' }, 'fail'),
  tfCase('aws_db_instance', 'engine from a variable', { engine: '${var.v}' }, 'unknown'),
  on(
    'tf',
    'aws_rds_cluster',
    'cluster group with require_secure_transport OFF',
    tfStore(
      'aws_rds_cluster',
      { engine: 'aurora-mysql', db_cluster_parameter_group_name: '${aws_rds_cluster_parameter_group.pg.name}' },
      {
        aws_rds_cluster_parameter_group: {
          pg: { family: 'aurora-mysql8.0', parameter: { name: 'require_secure_transport', value: 'OFF' } },
        },
      },
    ),
    'fail',
    { path: 'aws_rds_cluster_parameter_group.pg.require_secure_transport' },
  ),
  on(
    'tf',
    'aws_rds_cluster',
    'cluster group with require_secure_transport ON',
    tfStore(
      'aws_rds_cluster',
      { engine: 'aurora-mysql', db_cluster_parameter_group_name: '${aws_rds_cluster_parameter_group.pg.name}' },
      {
        aws_rds_cluster_parameter_group: {
          pg: { family: 'aurora-mysql8.0', parameter: [{ name: 'require_secure_transport', value: 'ON' }] },
        },
      },
    ),
    'pass',
  ),
  cfnCase(
    OS,
    'HTTPS enforced, node-to-node encrypted',
    { DomainEndpointOptions: { EnforceHTTPS: true }, NodeToNodeEncryptionOptions: { Enabled: true } },
    'pass',
  ),
  cfnCase(OS, 'defaults', {}, 'fail', {
    failingPaths: ['DomainEndpointOptions.EnforceHTTPS', 'NodeToNodeEncryptionOptions.Enabled'],
  }),
  cfnCase(
    OS,
    'endpoint options without EnforceHTTPS',
    {
      DomainEndpointOptions: { TLSSecurityPolicy: 'Policy-Min-TLS-1-2-2019-07' },
      NodeToNodeEncryptionOptions: { Enabled: true },
    },
    'fail',
    { path: 'DomainEndpointOptions.EnforceHTTPS' },
  ),
  tfCase(
    'aws_opensearch_domain',
    'endpoint block (enforce_https defaults to true)',
    {
      domain_endpoint_options: [{ tls_security_policy: 'Policy-Min-TLS-1-2-2019-07' }],
      node_to_node_encryption: [{ enabled: true }],
    },
    'pass',
  ),
  tfCase('aws_opensearch_domain', 'no endpoint block', { node_to_node_encryption: { enabled: true } }, 'fail', {
    path: 'domain_endpoint_options.enforce_https',
  }),
  cfnCase(
    RG,
    'transit encryption required',
    { TransitEncryptionEnabled: true, TransitEncryptionMode: 'required' },
    'pass',
  ),
  cfnCase(
    RG,
    'transit encryption preferred',
    { TransitEncryptionEnabled: true, TransitEncryptionMode: 'preferred' },
    'fail',
    { path: 'TransitEncryptionMode' },
  ),
  cfnCase(RG, 'no transit encryption (default)', {}, 'fail', { path: 'TransitEncryptionEnabled' }),
  tfCase(
    'aws_elasticache_replication_group',
    'transit encryption on (mode defaults to required)',
    { transit_encryption_enabled: true },
    'pass',
  ),
  tfCase('aws_elasticache_replication_group', 'transit encryption off', { transit_encryption_enabled: false }, 'fail'),
  cfnCase('AWS::EFS::FileSystem', 'policy denies plain NFS', { FileSystemPolicy: denyHttp('*') }, 'pass'),
  cfnCase('AWS::EFS::FileSystem', 'no file-system policy', {}, 'fail', { path: 'FileSystemPolicy' }),
  cfnCase('AWS::EFS::FileSystem', 'policy allowing everyone', { FileSystemPolicy: allowAll }, 'fail', {
    path: 'FileSystemPolicy.Statement',
  }),
  on(
    'tf',
    'aws_efs_file_system',
    'file-system policy denies plain NFS',
    tfStore(
      'aws_efs_file_system',
      {},
      {
        aws_efs_file_system_policy: {
          p: { file_system_id: '${aws_efs_file_system.r.id}', policy: JSON.stringify(denyHttp('elasticfilesystem:*')) },
        },
      },
    ),
    'pass',
  ),
  tfCase('aws_efs_file_system', 'no file-system policy', {}, 'fail', { path: 'aws_efs_file_system_policy' }),
  on(
    'tf',
    'aws_efs_file_system_policy',
    'orphan policy denying plain NFS',
    tfStore('aws_efs_file_system_policy', { file_system_id: 'fs-1', policy: JSON.stringify(denyHttp('*')) }),
    'pass',
  ),
  on(
    'tf',
    'aws_efs_file_system_policy',
    'orphan policy allowing everyone',
    tfStore('aws_efs_file_system_policy', { file_system_id: 'fs-1', policy: JSON.stringify(allowAll) }),
    'fail',
  ),
  on(
    'cfn',
    'AWS::SQS::Queue',
    'queue policy denies plain HTTP',
    cfnStore(
      'AWS::SQS::Queue',
      {},
      {
        QP: {
          Type: 'AWS::SQS::QueuePolicy',
          Properties: { Queues: [{ Ref: 'Other' }, { Ref: 'R' }], PolicyDocument: denyHttp('sqs:*') },
        },
        Other: { Type: 'AWS::SQS::Queue', Properties: {} },
      },
    ),
    'pass',
  ),
  cfnCase('AWS::SQS::Queue', 'no queue policy', {}, 'fail', { path: 'AWS::SQS::QueuePolicy' }),
  on(
    'cfn',
    'AWS::SNS::Topic',
    'topic policy denies plain HTTP',
    cfnStore(
      'AWS::SNS::Topic',
      {},
      {
        TP: {
          Type: 'AWS::SNS::TopicPolicy',
          Properties: { Topics: [{ Ref: 'R' }], PolicyDocument: denyHttp('sns:*') },
        },
      },
    ),
    'pass',
  ),
  on(
    'cfn',
    'AWS::SNS::Topic',
    'topic policy denying Publish over HTTP (what CDK enforceSSL writes)',
    cfnStore(
      'AWS::SNS::Topic',
      {},
      {
        TP: {
          Type: 'AWS::SNS::TopicPolicy',
          Properties: { Topics: [{ Ref: 'R' }], PolicyDocument: denyHttp('sns:Publish') },
        },
      },
    ),
    'pass',
  ),
  on(
    'cfn',
    'AWS::SNS::Topic',
    'topic policy denying only Subscribe over HTTP (messages still published in the clear)',
    cfnStore(
      'AWS::SNS::Topic',
      {},
      {
        TP: {
          Type: 'AWS::SNS::TopicPolicy',
          Properties: { Topics: [{ Ref: 'R' }], PolicyDocument: denyHttp('sns:Subscribe') },
        },
      },
    ),
    'fail',
    { path: 'TP.PolicyDocument.Statement' },
  ),
  on(
    'tf',
    'aws_sqs_queue',
    'queue policy companion denies plain HTTP',
    tfStore(
      'aws_sqs_queue',
      {},
      {
        aws_sqs_queue_policy: { p: { queue_url: '${aws_sqs_queue.r.id}', policy: JSON.stringify(denyHttp('sqs:*')) } },
      },
    ),
    'pass',
  ),
  tfCase('aws_sqs_queue', 'inline policy denies plain HTTP', { policy: JSON.stringify(denyHttp('*')) }, 'pass'),
  tfCase('aws_sqs_queue', 'no policy', {}, 'fail', { path: 'aws_sqs_queue_policy' }),
  on(
    'tf',
    'aws_sqs_queue_policy',
    'orphan policy denies plain HTTP',
    tfStore('aws_sqs_queue_policy', { queue_url: 'https://q', policy: JSON.stringify(denyHttp('sqs:*')) }),
    'pass',
  ),
  on(
    'tf',
    'aws_sqs_queue_policy',
    'orphan policy without the Deny',
    tfStore('aws_sqs_queue_policy', { queue_url: 'https://q', policy: JSON.stringify(allowAll) }),
    'fail',
  ),
  on(
    'tf',
    'aws_sns_topic',
    'topic policy companion denies plain HTTP',
    tfStore(
      'aws_sns_topic',
      {},
      {
        aws_sns_topic_policy: { p: { arn: '${aws_sns_topic.r.arn}', policy: JSON.stringify(denyHttp('sns:*')) } },
      },
    ),
    'pass',
  ),
  tfCase('aws_sns_topic', 'no policy', {}, 'fail'),
  on(
    'tf',
    'aws_sns_topic_policy',
    'orphan policy denies plain HTTP',
    tfStore('aws_sns_topic_policy', {
      arn: 'arn:aws:sns:eu-west-1:111122223333:t',
      policy: JSON.stringify(denyHttp('sns:*')),
    }),
    'pass',
  ),
  on(
    'tf',
    'aws_sns_topic_policy',
    'orphan policy without the Deny',
    tfStore('aws_sns_topic_policy', { arn: 'arn:aws:sns:eu-west-1:111122223333:t', policy: JSON.stringify(allowAll) }),
    'fail',
  ),
];
