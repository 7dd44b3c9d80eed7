import type { RuleCase } from '../helpers';
import { cfnCase, tfCase } from './aws-stores-fixtures';

/** ZT-NETWORK-001 (no public network) on RDS instances and OpenSearch domains. */
const DB = 'AWS::RDS::DBInstance';
const OS = 'AWS::OpenSearchService::Domain';

export const awsStoreCases: RuleCase[] = [
  cfnCase(DB, 'private', { PubliclyAccessible: false }, 'pass'),
  cfnCase(DB, 'public', { PubliclyAccessible: true }, 'fail', { path: 'PubliclyAccessible' }),
  cfnCase(DB, 'not set: the default depends on the VPC', {}, 'fail', { path: 'PubliclyAccessible' }),
  cfnCase(DB, 'from a parameter', { PubliclyAccessible: { Ref: 'P' } }, 'unknown'),
  tfCase('aws_db_instance', 'default (false)', {}, 'pass'),
  tfCase('aws_db_instance', 'public', { publicly_accessible: true }, 'fail', { path: 'publicly_accessible' }),
  cfnCase(OS, 'in VPC subnets', { VPCOptions: { SubnetIds: ['subnet-1'] } }, 'pass'),
  cfnCase(OS, 'public endpoint', {}, 'fail', { path: 'VPCOptions.SubnetIds' }),
  tfCase('aws_opensearch_domain', 'in VPC subnets', { vpc_options: [{ subnet_ids: ['subnet-1'] }] }, 'pass'),
  tfCase('aws_opensearch_domain', 'public endpoint', {}, 'fail', { path: 'vpc_options.subnet_ids' }),
  tfCase('aws_opensearch_domain', 'subnets from a variable', { vpc_options: { subnet_ids: '${var.v}' } }, 'unknown'),
];
