import { cfnRetained, tfPreventDestroy } from '../../shared/deletion';
import { allChecks } from '../../shared/combine';
import { isTrue, setting } from '../../shared/expect';
import { customerKey } from './aws-common';
import type { StoreChecks } from './store-checks';

/**
 * DynamoDB. Every table is encrypted; without SSE enabled it is an AWS-owned key, with SSE but
 * no key ARN the AWS-managed aws/dynamodb key: only a named key is the platform's.
 */
const DDB_KEY = 'DynamoDB uses the AWS-managed aws/dynamodb key';
const OWNED = 'the table is encrypted with an AWS-owned key the platform cannot see or revoke';
const PITR = 'no point-in-time recovery: a bad write or delete cannot be undone';
const DELETE = 'an API call or stack update can delete the table';

export const dynamodbChecks: StoreChecks = {
  cmk: {
    'AWS::DynamoDB::Table': allChecks(
      setting(isTrue('SSESpecification.SSEEnabled', { providerDefault: false, risk: OWNED })),
      customerKey('SSESpecification.KMSMasterKeyId', DDB_KEY),
    ),
    aws_dynamodb_table: allChecks(
      setting(isTrue('server_side_encryption.enabled', { providerDefault: false, risk: OWNED })),
      customerKey('server_side_encryption.kms_key_arn', DDB_KEY),
    ),
  },
  backup: {
    'AWS::DynamoDB::Table': allChecks(
      setting(isTrue('DeletionProtectionEnabled', { providerDefault: false, risk: DELETE })),
      setting(
        isTrue('PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled', { providerDefault: false, risk: PITR }),
      ),
    ),
    aws_dynamodb_table: allChecks(
      setting(isTrue('deletion_protection_enabled', { providerDefault: false, risk: DELETE })),
      setting(isTrue('point_in_time_recovery.enabled', { providerDefault: false, risk: PITR })),
    ),
  },
  retain: {
    'AWS::DynamoDB::Table': cfnRetained('AWS::DynamoDB::Table'),
    aws_dynamodb_table: tfPreventDestroy,
  },
};
