import type { Equivalent } from '../../../engine/rule';
import { BEDROCK_CMK_EQUIVALENTS, bedrockChecks } from './aws-bedrock';
import { dynamodbChecks } from './aws-dynamodb';
import { ebsChecks } from './aws-ebs';
import { efsChecks } from './aws-efs';
import { elasticacheChecks } from './aws-elasticache';
import { fsxChecks } from './aws-fsx';
import { MESSAGING_TLS_READS, messagingChecks } from './aws-messaging';
import { opensearchChecks } from './aws-opensearch';
import { rdsChecks } from './aws-rds';
import { RDS_TLS_READS } from './aws-rds-tls';
import { secretsChecks } from './aws-secrets';
import { mergeStores } from './store-checks';

/** Checkov checks that judge the same property as one of the store checks (conformance compares them). */
const CMK: readonly Equivalent[] = [
  {
    tool: 'checkov',
    id: 'CKV_AWS_27',
    resourceTypes: ['AWS::SQS::Queue', 'aws_sqs_queue'],
    note:
      'Checkov accepts SSE-SQS (sqs_managed_sse_enabled) and the AWS-managed alias/aws/sqs key; this rule requires a ' +
      'customer-managed KMS key, whose policy the platform controls and which it can disable.',
    differences: [
      {
        resource: 'aws_sqs_queue.pass',
        reason:
          'kms_master_key_id = "alias/aws/sqs" is the AWS-managed key, which the platform cannot scope or revoke.',
      },
      {
        resource: 'aws_sqs_queue.pass2',
        reason: 'sqs_managed_sse_enabled = true uses SQS-owned keys: no key policy, no CloudTrail record of key use.',
      },
      {
        resource: 'aws_sqs_queue.pass3',
        reason:
          'kms_master_key_id = "alias/aws/sqs" is the AWS-managed key, which the platform cannot scope or revoke.',
      },
    ],
  },
  { tool: 'checkov', id: 'CKV_AWS_26', resourceTypes: ['AWS::SNS::Topic'] },
  { tool: 'cdk-nag', id: 'NIST.800.53.R5-SNSEncryptedKMS', resourceTypes: ['AWS::SNS::Topic'] },
  {
    tool: 'cdk-nag',
    id: 'AwsSolutions-SQS2',
    resourceTypes: ['AWS::SQS::Queue'],
    note: 'cdk-nag accepts SSE-SQS; this rule requires a customer-managed KMS key (KmsMasterKeyId).',
  },
  {
    tool: 'checkov',
    id: 'CKV2_AWS_73',
    resourceTypes: ['aws_sqs_queue'],
    note: 'Checkov passes a queue without kms_master_key_id (SSE-SQS at best); this rule requires a customer key.',
    differences: [
      {
        resource: 'aws_sqs_queue.pass_notexists',
        reason: 'no kms_master_key_id: the queue is encrypted with SQS-owned keys at best, not a customer-managed key.',
      },
    ],
  },
  {
    tool: 'checkov',
    id: 'CKV_AWS_3',
    resourceTypes: ['AWS::EC2::Volume', 'aws_ebs_volume'],
    paths: ['Encrypted', 'encrypted'],
    ignores: ['KmsKeyId', 'kms_key_id'],
    differences: [
      {
        resource: 'aws_ebs_volume.enabled',
        reason:
          'encrypted = True: HCL booleans are lowercase, so True is a reference Terraform rejects; the rule reports unknown, Checkov reads it as true.',
      },
      {
        resource: 'aws_ebs_volume.disabled',
        reason:
          'encrypted = False: HCL booleans are lowercase, so False is a reference Terraform rejects; the rule reports unknown, Checkov reads it as false.',
      },
    ],
  },
  {
    // Checkov judges only volumes attached to an instance; every unencrypted volume fails here.
    tool: 'checkov',
    id: 'CKV2_AWS_2',
    resourceTypes: ['aws_ebs_volume'],
    paths: ['encrypted'],
    ignores: ['kms_key_id'],
    differences: [
      {
        resource: 'aws_ebs_volume.ok_ebs1',
        reason: 'no attachment, but the volume is still stored unencrypted and can be attached at any time.',
      },
    ],
  },
];

/** Checkov's public queue-policy check judges the same statements as the anonymous checks. */
const ANONYMOUS: readonly Equivalent[] = [
  { tool: 'checkov', id: 'CKV_AWS_168', resourceTypes: ['aws_sqs_queue', 'aws_sqs_queue_policy'] },
];

/** The AWS data stores next to a lake, one part per rule: spread into each rule with one line. */
export const AWS_STORES = mergeStores(
  [
    rdsChecks,
    dynamodbChecks,
    opensearchChecks,
    efsChecks,
    fsxChecks,
    ebsChecks,
    messagingChecks,
    elasticacheChecks,
    secretsChecks,
    bedrockChecks,
  ],
  {
    equivalents: { cmk: [...CMK, ...BEDROCK_CMK_EQUIVALENTS], anonymous: ANONYMOUS },
    reads: { tls: [...RDS_TLS_READS, ...MESSAGING_TLS_READS] },
  },
);

/** The fix for the stores, per rule, one CloudFormation and one Terraform sentence (appended to the rule's remediation). */
export const AWS_STORE_REMEDIATION = {
  cmk:
    'CloudFormation data stores: StorageEncrypted true with KmsKeyId (RDS, Aurora), SSESpecification SSEEnabled with ' +
    'KMSMasterKeyId (DynamoDB), EncryptionAtRestOptions Enabled with KmsKeyId (OpenSearch), Encrypted with KmsKeyId ' +
    '(EFS), a PERSISTENT deployment type with KmsKeyId (FSx for Lustre), KmsMasterKeyId (SQS, SNS), ' +
    'AtRestEncryptionEnabled with KmsKeyId (ElastiCache), CustomerEncryptionKeyArn (Bedrock agents). Terraform data stores: storage_encrypted with kms_key_id ' +
    '(aws_db_instance, aws_rds_cluster), server_side_encryption { enabled, kms_key_arn } (aws_dynamodb_table), ' +
    'encrypt_at_rest { enabled, kms_key_id } (aws_opensearch_domain), encrypted with kms_key_id (aws_efs_file_system), ' +
    'a PERSISTENT deployment_type with kms_key_id (aws_fsx_lustre_file_system), kms_master_key_id (aws_sqs_queue, ' +
    'aws_sns_topic), at_rest_encryption_enabled with kms_key_id (aws_elasticache_replication_group), ' +
    'customer_encryption_key_arn (aws_bedrockagent_agent).',
  tls:
    'CloudFormation data stores: a DB (cluster) parameter group with rds.force_ssl = 1 or require_secure_transport = ON ' +
    '(RDS, Aurora), DomainEndpointOptions EnforceHTTPS and NodeToNodeEncryptionOptions Enabled (OpenSearch), ' +
    'TransitEncryptionEnabled with TransitEncryptionMode required (ElastiCache), a Deny on aws:SecureTransport false in ' +
    'the FileSystemPolicy (EFS) or the AWS::SQS::QueuePolicy / AWS::SNS::TopicPolicy. Terraform data stores: ' +
    'rds.force_ssl or require_secure_transport in aws_db_parameter_group / aws_rds_cluster_parameter_group, domain_endpoint_options and ' +
    'node_to_node_encryption on aws_opensearch_domain, transit_encryption_enabled on ' +
    'aws_elasticache_replication_group, the Deny in aws_efs_file_system_policy, aws_sqs_queue_policy or ' +
    'aws_sns_topic_policy.',
  minTls:
    'CloudFormation OpenSearch: DomainEndpointOptions.TLSSecurityPolicy Policy-Min-TLS-1-2-PFS-2023-10. Terraform ' +
    'aws_opensearch_domain: domain_endpoint_options { tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10" }.',
  anonymous:
    'CloudFormation OpenSearch: AccessPolicies grant named principals (or condition an Allow for "*"). Terraform ' +
    'aws_opensearch_domain: access_policies grant named principals. Queue, topic and secret policies ' +
    '(AWS::SQS::QueuePolicy, AWS::SNS::TopicPolicy, AWS::SecretsManager::ResourcePolicy; aws_sqs_queue_policy, ' +
    "aws_sns_topic_policy, aws_secretsmanager_secret_policy or the resource's own policy): name the principals, or " +
    'narrow an Allow for "*" with aws:PrincipalOrgID / aws:SourceArn / aws:SourceVpce. Secret policies also set ' +
    'BlockPublicPolicy (CloudFormation) / block_public_policy (Terraform) to true.',
  network:
    'CloudFormation: PubliclyAccessible false on AWS::RDS::DBInstance, VPCOptions.SubnetIds on OpenSearch domains. ' +
    'Terraform: publicly_accessible = false on aws_db_instance, vpc_options { subnet_ids } on aws_opensearch_domain.',
  identity:
    'CloudFormation data stores: EnableIAMDatabaseAuthentication (RDS, Aurora), AdvancedSecurityOptions Enabled without ' +
    'AnonymousAuthEnabled or InternalUserDatabaseEnabled (OpenSearch), UserGroupIds (ElastiCache RBAC). Terraform data ' +
    'stores: iam_database_authentication_enabled (aws_db_instance, aws_rds_cluster), advanced_security_options ' +
    '{ enabled = true } (aws_opensearch_domain), user_group_ids (aws_elasticache_replication_group).',
} as const;
