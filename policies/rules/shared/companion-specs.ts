import type { CompanionSpec } from './companion-index';

/** The companion resources the pack knows, with the property naming what each protects. */

export const CFN_BUCKET_POLICY: CompanionSpec = {
  type: 'AWS::S3::BucketPolicy',
  targets: ['Bucket'],
};

const tfBucketCompanion = (type: string): CompanionSpec => ({
  type,
  targets: ['bucket'],
});

export const TF_BUCKET_POLICY = tfBucketCompanion('aws_s3_bucket_policy');
export const TF_PUBLIC_ACCESS_BLOCK = tfBucketCompanion('aws_s3_bucket_public_access_block');
export const TF_BUCKET_ENCRYPTION = tfBucketCompanion('aws_s3_bucket_server_side_encryption_configuration');
export const TF_BUCKET_VERSIONING = tfBucketCompanion('aws_s3_bucket_versioning');
export const TF_BUCKET_LOGGING = tfBucketCompanion('aws_s3_bucket_logging');
export const TF_BUCKET_OWNERSHIP = tfBucketCompanion('aws_s3_bucket_ownership_controls');

export const STORAGE_ACCOUNT_CMK: CompanionSpec = {
  type: 'azurerm_storage_account_customer_managed_key',
  targets: ['storage_account_id'],
};

export const STORAGE_ACCOUNT_NETWORK_RULES: CompanionSpec = {
  type: 'azurerm_storage_account_network_rules',
  targets: ['storage_account_id', 'storage_account_name'],
};
