import type { RuleCase } from '../helpers';
import { cfnCase, tfCase } from './aws-stores-fixtures';

/** ZT-IDENTITY-001 (no legacy access) on the AWS data stores: IAM database auth, RBAC, fine-grained access control. */
const DB = 'AWS::RDS::DBInstance';
const CLUSTER = 'AWS::RDS::DBCluster';
const OS = 'AWS::OpenSearchService::Domain';
const RG = 'AWS::ElastiCache::ReplicationGroup';

export const awsStoreCases: RuleCase[] = [
  cfnCase(DB, 'IAM database authentication', { Engine: 'postgres', EnableIAMDatabaseAuthentication: true }, 'pass'),
  cfnCase(DB, 'passwords only (default)', { Engine: 'mysql' }, 'fail', { path: 'EnableIAMDatabaseAuthentication' }),
  cfnCase(DB, 'SQL Server has no IAM auth', { Engine: 'sqlserver-se' }, 'not_applicable'),
  cfnCase(
    DB,
    'Aurora instance: judged on the cluster',
    { DBClusterIdentifier: 'c', Engine: 'aurora-mysql' },
    'not_applicable',
  ),
  cfnCase(
    CLUSTER,
    'IAM database authentication',
    { Engine: 'aurora-postgresql', EnableIAMDatabaseAuthentication: true },
    'pass',
  ),
  cfnCase(CLUSTER, 'passwords only', { Engine: 'aurora-mysql', EnableIAMDatabaseAuthentication: false }, 'fail'),
  tfCase(
    'aws_db_instance',
    'IAM database authentication',
    { engine: 'postgres', iam_database_authentication_enabled: true },
    'pass',
  ),
  tfCase('aws_db_instance', 'passwords only', { engine: 'postgres' }, 'fail', {
    path: 'iam_database_authentication_enabled',
  }),
  tfCase(
    'aws_rds_cluster',
    'IAM database authentication',
    { engine: 'aurora-mysql', iam_database_authentication_enabled: true },
    'pass',
  ),
  tfCase('aws_rds_cluster', 'passwords only', { engine: 'aurora-mysql' }, 'fail'),
  tfCase('aws_rds_cluster', 'flag from a variable', { iam_database_authentication_enabled: '${var.v}' }, 'unknown'),
  cfnCase(
    OS,
    'fine-grained access control, IAM master',
    {
      AdvancedSecurityOptions: {
        Enabled: true,
        MasterUserOptions: { MasterUserARN: 'arn:aws:iam::111122223333:role/admin' },
      },
    },
    'pass',
  ),
  cfnCase(OS, 'no fine-grained access control (default)', {}, 'fail', { path: 'AdvancedSecurityOptions.Enabled' }),
  cfnCase(OS, 'anonymous auth on', { AdvancedSecurityOptions: { Enabled: true, AnonymousAuthEnabled: true } }, 'fail', {
    path: 'AdvancedSecurityOptions.AnonymousAuthEnabled',
  }),
  cfnCase(
    OS,
    'internal user database',
    { AdvancedSecurityOptions: { Enabled: true, InternalUserDatabaseEnabled: true } },
    'fail',
    {
      path: 'AdvancedSecurityOptions.InternalUserDatabaseEnabled',
    },
  ),
  tfCase(
    'aws_opensearch_domain',
    'fine-grained access control',
    { advanced_security_options: [{ enabled: true }] },
    'pass',
  ),
  tfCase('aws_opensearch_domain', 'no advanced security', {}, 'fail', { path: 'advanced_security_options.enabled' }),
  cfnCase(RG, 'RBAC user groups', { UserGroupIds: ['ug-1'] }, 'pass'),
  cfnCase(RG, 'AUTH token', { AuthToken: '{{resolve:secretsmanager:redis-auth}}' }, 'pass', { path: 'AuthToken' }),
  cfnCase(RG, 'no authentication', {}, 'fail', { path: 'UserGroupIds' }),
  tfCase(
    'aws_elasticache_replication_group',
    'RBAC user groups',
    { user_group_ids: ['${aws_elasticache_user_group.g.id}'] },
    'pass',
  ),
  tfCase('aws_elasticache_replication_group', 'no authentication', {}, 'fail'),
  tfCase('aws_elasticache_replication_group', 'user groups from a variable', { user_group_ids: '${var.v}' }, 'unknown'),
];
