import type { RuleCase } from '../helpers';
import { cfn, tf } from '../helpers';

/** ZT-DATA-001 on the other stores next to a lake: CloudTrail logs, ECR images, EBS volumes. */
const KEY = { Key: { Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: true } } };
const KMS_TF = { aws_kms_key: { k: { enable_key_rotation: true } } };
const one = (type: string, props: Record<string, unknown>) => cfn({ ...KEY, R: { Type: type, Properties: props } });
const tfOne = (type: string, body: Record<string, unknown>) => tf({ ...KMS_TF, [type]: { r: body } });
const KEY_ARN = { 'Fn::GetAtt': ['Key', 'Arn'] };

export const storeCases: RuleCase[] = [
  {
    name: 'trail with a CMK',
    doc: one('AWS::CloudTrail::Trail', { KMSKeyId: KEY_ARN }),
    address: 'R',
    verdict: 'pass',
  },
  {
    name: 'trail without a key',
    doc: one('AWS::CloudTrail::Trail', {}),
    address: 'R',
    verdict: 'fail',
    path: 'KMSKeyId',
  },
  {
    name: 'tf trail with a CMK',
    doc: tfOne('aws_cloudtrail', { kms_key_id: '${aws_kms_key.k.arn}' }),
    address: 'aws_cloudtrail.r',
    verdict: 'pass',
  },
  { name: 'tf trail without a key', doc: tfOne('aws_cloudtrail', {}), address: 'aws_cloudtrail.r', verdict: 'fail' },
  {
    name: 'ECR repository with KMS and a CMK',
    doc: one('AWS::ECR::Repository', { EncryptionConfiguration: { EncryptionType: 'KMS', KmsKey: KEY_ARN } }),
    address: 'R',
    verdict: 'pass',
  },
  {
    name: 'ECR repository with the default AES256',
    doc: one('AWS::ECR::Repository', {}),
    address: 'R',
    verdict: 'fail',
    failingPaths: ['EncryptionConfiguration.EncryptionType', 'EncryptionConfiguration.KmsKey'],
  },
  {
    name: 'ECR repository with KMS but the AWS-managed key',
    doc: one('AWS::ECR::Repository', { EncryptionConfiguration: { EncryptionType: 'KMS' } }),
    address: 'R',
    verdict: 'fail',
    path: 'EncryptionConfiguration.KmsKey',
  },
  {
    name: 'tf ECR repository with KMS and a CMK',
    doc: tfOne('aws_ecr_repository', {
      encryption_configuration: [{ encryption_type: 'KMS', kms_key: '${aws_kms_key.k.arn}' }],
    }),
    address: 'aws_ecr_repository.r',
    verdict: 'pass',
  },
  {
    name: 'tf ECR repository without encryption configuration',
    doc: tfOne('aws_ecr_repository', {}),
    address: 'aws_ecr_repository.r',
    verdict: 'fail',
  },
  {
    name: 'EBS volume encrypted with a CMK',
    doc: one('AWS::EC2::Volume', { Encrypted: true, KmsKeyId: KEY_ARN }),
    address: 'R',
    verdict: 'pass',
  },
  {
    name: 'EBS volume unencrypted',
    doc: one('AWS::EC2::Volume', { Encrypted: false }),
    address: 'R',
    verdict: 'fail',
    failingPaths: ['Encrypted', 'KmsKeyId'],
  },
  {
    name: 'tf EBS volume encrypted with a CMK',
    doc: tfOne('aws_ebs_volume', { encrypted: true, kms_key_id: '${aws_kms_key.k.arn}' }),
    address: 'aws_ebs_volume.r',
    verdict: 'pass',
  },
  {
    name: 'tf EBS volume encrypted with the default key',
    doc: tfOne('aws_ebs_volume', { encrypted: true }),
    address: 'aws_ebs_volume.r',
    verdict: 'fail',
    path: 'kms_key_id',
  },
  {
    name: 'tf EBS volume encryption from a variable',
    doc: tfOne('aws_ebs_volume', { encrypted: '${var.enc}', kms_key_id: '${aws_kms_key.k.arn}' }),
    address: 'aws_ebs_volume.r',
    verdict: 'unknown',
    message: /var\.enc/,
  },
];
