import { cmkEncryptionRule } from '../../../policies/rules/data/zt-data-001-cmk-encryption';
import { RuleCases, cfn } from '../helpers';
import { azureStoreCases } from './zt-data-001-azure-stores';
import { awsStoreCases } from './zt-data-001-aws-stores';
import { storeCases } from './zt-data-001-stores';
import { terraformCases } from './zt-data-001-tf';

const KEY = { Key: { Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: true } } };
const SSE = 'BucketEncryption.ServerSideEncryptionConfiguration';
const sse = (byDefault: Record<string, unknown>) => ({
  BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: byDefault }] },
});
const bucket = (props: Record<string, unknown>) => ({ Bucket: { Type: 'AWS::S3::Bucket', Properties: props } });

export const cases: RuleCases = {
  rule: cmkEncryptionRule,
  cases: [
    // AWS::S3::Bucket
    { name: 'bucket without BucketEncryption', doc: cfn(bucket({})), address: 'Bucket', verdict: 'fail', path: SSE },
    {
      name: 'bucket with SSE-S3 (AES256)',
      doc: cfn(bucket(sse({ SSEAlgorithm: 'AES256' }))),
      address: 'Bucket',
      verdict: 'fail',
      path: `${SSE}.0.ServerSideEncryptionByDefault.SSEAlgorithm`,
    },
    {
      name: 'bucket with aws:kms but no key (AWS-managed aws/s3)',
      doc: cfn(bucket(sse({ SSEAlgorithm: 'aws:kms' }))),
      address: 'Bucket',
      verdict: 'fail',
      path: `${SSE}.0.ServerSideEncryptionByDefault.KMSMasterKeyID`,
    },
    {
      name: 'bucket with the alias/aws/s3 key',
      doc: cfn(bucket(sse({ SSEAlgorithm: 'aws:kms', KMSMasterKeyID: 'alias/aws/s3' }))),
      address: 'Bucket',
      verdict: 'fail',
      message: /AWS-managed/,
    },
    {
      name: 'bucket with a key of the template (GetAtt)',
      doc: cfn({
        ...KEY,
        ...bucket(sse({ SSEAlgorithm: 'aws:kms', KMSMasterKeyID: { 'Fn::GetAtt': ['Key', 'Arn'] } })),
      }),
      address: 'Bucket',
      verdict: 'pass',
    },
    {
      name: 'bucket with DSSE-KMS and a literal key ARN',
      doc: cfn(
        bucket(sse({ SSEAlgorithm: 'aws:kms:dsse', KMSMasterKeyID: 'arn:aws:kms:eu-west-1:111122223333:key/abc' })),
      ),
      address: 'Bucket',
      verdict: 'pass',
    },
    {
      name: 'bucket key from a parameter',
      doc: cfn(bucket(sse({ SSEAlgorithm: 'aws:kms', KMSMasterKeyID: { Ref: 'KeyArn' } })), {
        Parameters: { KeyArn: { Type: 'String' } },
      }),
      address: 'Bucket',
      verdict: 'unknown',
      message: /parameter KeyArn/,
    },
    {
      name: 'algorithm chosen by Fn::If with different branches',
      doc: cfn(
        {
          ...KEY,
          ...bucket(
            sse({
              SSEAlgorithm: { 'Fn::If': ['Prod', 'aws:kms', 'AES256'] },
              KMSMasterKeyID: { Ref: 'Key' },
            }),
          ),
        },
        { Conditions: { Prod: { 'Fn::Equals': ['a', 'b'] } } },
      ),
      address: 'Bucket',
      verdict: 'unknown',
      message: /condition Prod/,
    },
    {
      name: 'Fn::If whose branches agree on aws:kms',
      doc: cfn(
        {
          ...KEY,
          ...bucket(
            sse({ SSEAlgorithm: { 'Fn::If': ['Prod', 'aws:kms', 'aws:kms'] }, KMSMasterKeyID: { Ref: 'Key' } }),
          ),
        },
        { Conditions: { Prod: { 'Fn::Equals': ['a', 'b'] } } },
      ),
      address: 'Bucket',
      verdict: 'pass',
    },
    // AWS::Logs::LogGroup
    {
      name: 'log group without KmsKeyId',
      doc: cfn({ Logs: { Type: 'AWS::Logs::LogGroup', Properties: {} } }),
      address: 'Logs',
      verdict: 'fail',
      path: 'KmsKeyId',
    },
    {
      name: 'log group with a template key',
      doc: cfn({
        ...KEY,
        Logs: { Type: 'AWS::Logs::LogGroup', Properties: { KmsKeyId: { 'Fn::GetAtt': ['Key', 'Arn'] } } },
      }),
      address: 'Logs',
      verdict: 'pass',
    },
    // AWS::SecretsManager::Secret
    {
      name: 'secret with the AWS-managed alias',
      doc: cfn({ S: { Type: 'AWS::SecretsManager::Secret', Properties: { KmsKeyId: 'alias/aws/secretsmanager' } } }),
      address: 'S',
      verdict: 'fail',
      path: 'KmsKeyId',
    },
    {
      name: 'secret without KmsKeyId',
      doc: cfn({ S: { Type: 'AWS::SecretsManager::Secret', Properties: {} } }),
      address: 'S',
      verdict: 'fail',
    },
    {
      name: 'secret with a template key',
      doc: cfn({ ...KEY, S: { Type: 'AWS::SecretsManager::Secret', Properties: { KmsKeyId: { Ref: 'Key' } } } }),
      address: 'S',
      verdict: 'pass',
    },
    ...terraformCases,
    ...storeCases,
    ...azureStoreCases,
    ...awsStoreCases,
  ],
};
