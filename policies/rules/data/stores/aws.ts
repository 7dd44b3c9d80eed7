import type { Equivalent } from '../../../engine/rule';
import { dynamodbChecks } from './aws-dynamodb';
import { ebsChecks } from './aws-ebs';
import { efsChecks } from './aws-efs';
import { elasticacheChecks } from './aws-elasticache';
import { fsxChecks } from './aws-fsx';
import { MESSAGING_TLS_READS, messagingChecks } from './aws-messaging';
import { opensearchChecks } from './aws-opensearch';
import { rdsChecks } from './aws-rds';
import { RDS_TLS_READS } from './aws-rds-tls';
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
];

/** The AWS data stores next to a lake, one part per rule: spread into each rule with one line. */
export const AWS_STORES = mergeStores(
  [rdsChecks, dynamodbChecks, opensearchChecks, efsChecks, fsxChecks, ebsChecks, messagingChecks, elasticacheChecks],
  {
    equivalents: { cmk: CMK },
    reads: { tls: [...RDS_TLS_READS, ...MESSAGING_TLS_READS] },
  },
);
