import { endpointEncryptionRule } from '../../../policies/rules/inference/zt-inference-008-endpoint-encryption';
import { RuleCases, cfn, tf } from '../helpers';

const variant = (type: string) => ({ VariantName: type, ModelName: 'm', InitialInstanceCount: 1, InstanceType: type });
const config = (props: Record<string, unknown>, extra = {}) =>
  cfn(
    {
      Key: { Type: 'AWS::KMS::Key', Properties: {} },
      C: { Type: 'AWS::SageMaker::EndpointConfig', Properties: props },
    },
    extra,
  );
const KEY = { Ref: 'Key' };
const CAPTURE = {
  InitialSamplingPercentage: 100,
  DestinationS3Uri: 's3://b/c',
  CaptureOptions: [{ CaptureMode: 'Input' }],
};
const tfConfig = (body: Record<string, unknown>) =>
  tf({ aws_kms_key: { k: {} }, aws_sagemaker_endpoint_configuration: { c: { name: 'c', ...body } } });
const tfVariant = (t: string) => [{ variant_name: 'v', model_name: 'm', initial_instance_count: 1, instance_type: t }];
const TFC = 'aws_sagemaker_endpoint_configuration.c';
const ACCOUNT = { name: 'oai', kind: 'OpenAI', sku_name: 'S0' };
const A = 'azurerm_cognitive_account.a';

export const cases: RuleCases = {
  rule: endpointEncryptionRule,
  cases: [
    {
      name: 'CPU variant with the platform key and encrypted capture',
      doc: config({
        KmsKeyId: KEY,
        ProductionVariants: [variant('ml.m5.xlarge')],
        DataCaptureConfig: { ...CAPTURE, KmsKeyId: KEY },
      }),
      address: 'C',
      verdict: 'pass',
    },
    {
      name: 'NVMe GPU variant without a key (hardware-encrypted instance store)',
      doc: config({ ProductionVariants: [variant('ml.g5.2xlarge')] }),
      address: 'C',
      verdict: 'pass',
      message: /NVMe/,
    },
    {
      name: 'non-NVMe variant without a key',
      doc: config({ ProductionVariants: [variant('ml.m5.xlarge')] }),
      address: 'C',
      verdict: 'fail',
      path: 'KmsKeyId',
    },
    {
      name: 'NVMe and non-NVMe variants without a key',
      doc: config({ ProductionVariants: [variant('ml.g5.2xlarge'), variant('ml.c5.xlarge')] }),
      address: 'C',
      verdict: 'fail',
      message: /ml\.c5\.xlarge/,
    },
    {
      name: 'capture on without a key',
      doc: config({ KmsKeyId: KEY, ProductionVariants: [variant('ml.m5.xlarge')], DataCaptureConfig: CAPTURE }),
      address: 'C',
      verdict: 'fail',
      path: 'DataCaptureConfig.KmsKeyId',
    },
    {
      name: 'capture switched off needs no key',
      doc: config({
        KmsKeyId: KEY,
        ProductionVariants: [variant('ml.m5.xlarge')],
        DataCaptureConfig: { ...CAPTURE, EnableCapture: false },
      }),
      address: 'C',
      verdict: 'pass',
    },
    {
      name: 'AWS-managed key alias',
      doc: config({ KmsKeyId: 'alias/aws/sagemaker', ProductionVariants: [variant('ml.m5.xlarge')] }),
      address: 'C',
      verdict: 'fail',
    },
    {
      name: 'instance type from a parameter without a key',
      doc: config(
        { ProductionVariants: [{ ...variant('x'), InstanceType: { Ref: 'Type' } }] },
        { Parameters: { Type: { Type: 'String' } } },
      ),
      address: 'C',
      verdict: 'unknown',
      path: 'ProductionVariants.0.InstanceType',
    },
    {
      name: 'tf config with the platform key',
      doc: tfConfig({ kms_key_arn: '${aws_kms_key.k.arn}', production_variants: tfVariant('ml.m5.xlarge') }),
      address: TFC,
      verdict: 'pass',
    },
    {
      name: 'tf config without a key on a CPU type',
      doc: tfConfig({ production_variants: tfVariant('ml.t2.medium') }),
      address: TFC,
      verdict: 'fail',
      path: 'kms_key_arn',
    },
    {
      name: 'tf config without a key on p4d',
      doc: tfConfig({ production_variants: tfVariant('ml.p4d.24xlarge') }),
      address: TFC,
      verdict: 'pass',
    },
    {
      name: 'tf capture without a key',
      doc: tfConfig({
        kms_key_arn: '${aws_kms_key.k.arn}',
        production_variants: tfVariant('ml.m5.xlarge'),
        data_capture_config: [{ initial_sampling_percentage: 100, destination_s3_uri: 's3://b' }],
      }),
      address: TFC,
      verdict: 'fail',
      path: 'data_capture_config.kms_key_id',
    },
    {
      name: 'cognitive account with an inline customer-managed key',
      doc: tf({
        azurerm_cognitive_account: {
          a: { ...ACCOUNT, customer_managed_key: [{ key_vault_key_id: '${azurerm_key_vault_key.k.id}' }] },
        },
      }),
      address: A,
      verdict: 'pass',
    },
    {
      name: 'cognitive account with a customer-managed key resource',
      doc: tf({
        azurerm_cognitive_account: { a: ACCOUNT },
        azurerm_cognitive_account_customer_managed_key: {
          cmk: {
            cognitive_account_id: '${azurerm_cognitive_account.a.id}',
            key_vault_key_id: '${azurerm_key_vault_key.k.id}',
          },
        },
      }),
      address: A,
      verdict: 'pass',
    },
    {
      name: 'cognitive account with Microsoft-managed keys',
      doc: tf({ azurerm_cognitive_account: { a: ACCOUNT } }),
      address: A,
      verdict: 'fail',
      path: 'customer_managed_key',
    },
    {
      name: 'cognitive account key from a dynamic block',
      doc: tf({
        azurerm_cognitive_account: {
          a: {
            ...ACCOUNT,
            dynamic: { customer_managed_key: [{ for_each: '${var.keys}', content: [{ key_vault_key_id: 'k' }] }] },
          },
        },
      }),
      address: A,
      verdict: 'unknown',
    },
  ],
};
