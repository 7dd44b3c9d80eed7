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

/**
 * WAFv2 association of a REST API stage: CFN builds the stage ARN from the API and the stage.
 * A REST stage's ARN, its stage named by a reference or by a literal name: `.../restapis/{}/stages/prod`
 * attaches to the API only (a deployment-created stage has no resource to reference), and the WAF
 * rule matches the literal name against the stage's own (STAGE_ARN_NAME).
 */
const REST_STAGE_ARN = [
  /^arn:[^:]*:apigateway:[^:]*::\/restapis\/\{\}\/stages\/\{\}$/,
  /^arn:[^:]*:apigateway:[^:]*::\/restapis\/\{\}\/stages\/[A-Za-z0-9_-]+$/,
];

/** The literal stage name at the end of a REST stage ARN (API Gateway allows letters, digits, - and _). */
export const STAGE_ARN_NAME = /\/stages\/([A-Za-z0-9_-]+)$/;

export const CFN_WAF_ASSOCIATION: CompanionSpec = {
  type: 'AWS::WAFv2::WebACLAssociation',
  targets: ['ResourceArn'],
  forms: REST_STAGE_ARN,
};

export const TF_WAF_ASSOCIATION: CompanionSpec = {
  type: 'aws_wafv2_web_acl_association',
  targets: ['resource_arn'],
  forms: REST_STAGE_ARN,
};

/** Diagnostic settings may target a resource or one of its sub-services (a storage account's blob service). */
export const DIAGNOSTIC_SETTING: CompanionSpec = {
  type: 'azurerm_monitor_diagnostic_setting',
  targets: ['target_resource_id'],
  forms: [/^\{\}\/(blob|file|queue|table)Services\/default$/],
};

/** A private endpoint names its target inside the nested private_service_connection block. */
export const PRIVATE_ENDPOINT: CompanionSpec = {
  type: 'azurerm_private_endpoint',
  targets: ['private_service_connection.private_connection_resource_id'],
};

/** A PostgreSQL flexible server's parameters (require_secure_transport, ssl_min_protocol_version, ...). */
export const PG_FLEXIBLE_CONFIGURATION: CompanionSpec = {
  type: 'azurerm_postgresql_flexible_server_configuration',
  targets: ['server_id'],
};

/** A cognitive (Azure OpenAI / AI Services) account's customer-managed key, set apart from the account. */
export const COGNITIVE_ACCOUNT_CMK: CompanionSpec = {
  type: 'azurerm_cognitive_account_customer_managed_key',
  targets: ['cognitive_account_id'],
};

/** API Gateway usage plan keys bind callers' API keys to a plan. */
export const CFN_USAGE_PLAN_KEY: CompanionSpec = { type: 'AWS::ApiGateway::UsagePlanKey', targets: ['UsagePlanId'] };
export const TF_USAGE_PLAN_KEY: CompanionSpec = { type: 'aws_api_gateway_usage_plan_key', targets: ['usage_plan_id'] };

/** Terraform keeps a REST API stage's method settings (throttling, logging) in their own resource. */
/** A REST API's methods (CloudFormation: the integration sits inside) and integrations (Terraform), by API. */
export const CFN_API_METHOD: CompanionSpec = { type: 'AWS::ApiGateway::Method', targets: ['RestApiId'] };
export const TF_API_INTEGRATION: CompanionSpec = { type: 'aws_api_gateway_integration', targets: ['rest_api_id'] };
export const TF_METHOD_SETTINGS: CompanionSpec = { type: 'aws_api_gateway_method_settings', targets: ['stage_name'] };

/** APIM's own diagnostics (to a logger) name the instance by name. */
export const APIM_DIAGNOSTIC: CompanionSpec = {
  type: 'azurerm_api_management_diagnostic',
  targets: ['api_management_name'],
};
