import type { RuleCase } from '../helpers';
import { cfnStore, on, tfStore } from './aws-stores-fixtures';

/** ZT-DATA-008 (retain on delete) on the AWS data stores. */
const CFN = [
  'AWS::RDS::DBInstance',
  'AWS::RDS::DBCluster',
  'AWS::DynamoDB::Table',
  'AWS::OpenSearchService::Domain',
  'AWS::EFS::FileSystem',
  'AWS::FSx::FileSystem',
  'AWS::EC2::Volume',
  'AWS::ElastiCache::ReplicationGroup',
];
const TF = [
  'aws_db_instance',
  'aws_rds_cluster',
  'aws_dynamodb_table',
  'aws_opensearch_domain',
  'aws_efs_file_system',
  'aws_fsx_lustre_file_system',
  'aws_ebs_volume',
  'aws_elasticache_replication_group',
];
const SNAPSHOT = new Set([
  'AWS::RDS::DBInstance',
  'AWS::RDS::DBCluster',
  'AWS::EC2::Volume',
  'AWS::ElastiCache::ReplicationGroup',
]);

export const awsStoreCases: RuleCase[] = [
  ...CFN.flatMap((type): RuleCase[] => [
    on(
      'cfn',
      type,
      'retained',
      cfnStore(type, {}, {}, { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' }),
      'pass',
    ),
    on('cfn', type, 'default Delete', cfnStore(type, {}), 'fail', { path: 'DeletionPolicy' }),
    on(
      'cfn',
      type,
      'Snapshot',
      cfnStore(type, {}, {}, { DeletionPolicy: 'Snapshot', UpdateReplacePolicy: 'Snapshot' }),
      SNAPSHOT.has(type) ? 'pass' : 'fail',
    ),
  ]),
  ...TF.flatMap((type): RuleCase[] => [
    on('tf', type, 'prevent_destroy', tfStore(type, { lifecycle: { prevent_destroy: true } }), 'pass'),
    on('tf', type, 'no lifecycle', tfStore(type, {}), 'fail', { path: 'lifecycle.prevent_destroy' }),
  ]),
];
