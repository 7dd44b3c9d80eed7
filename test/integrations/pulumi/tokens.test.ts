import { awsTerraformType } from '../../../policies/integrations/pulumi';
import { ALL_RULES } from '../../../policies/rules';

/** AWS classic tokens name the Terraform types the rules check (bridged provider: same resources). */
const KNOWN = new Set(ALL_RULES.flatMap((r) => [...Object.keys(r.checks), ...(r.reads ?? [])]));

test.each([
  ['aws:kms/key:Key', 'aws_kms_key'],
  ['aws:s3/bucketV2:BucketV2', 'aws_s3_bucket'],
  ['aws:s3/bucket:Bucket', 'aws_s3_bucket'],
  ['aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock', 'aws_s3_bucket_public_access_block'],
  [
    'aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2',
    'aws_s3_bucket_server_side_encryption_configuration',
  ],
  ['aws:s3/bucketPolicy:BucketPolicy', 'aws_s3_bucket_policy'],
  ['aws:iam/role:Role', 'aws_iam_role'],
  ['aws:iam/rolePolicy:RolePolicy', 'aws_iam_role_policy'],
  ['aws:ec2/securityGroup:SecurityGroup', 'aws_security_group'],
  ['aws:ec2/vpc:Vpc', 'aws_vpc'],
  ['aws:sagemaker/domain:Domain', 'aws_sagemaker_domain'],
  ['aws:secretsmanager/secret:Secret', 'aws_secretsmanager_secret'],
  ['aws:secretsmanager/secretRotation:SecretRotation', 'aws_secretsmanager_secret_rotation'],
  ['aws:apigateway/stage:Stage', 'aws_api_gateway_stage'],
  ['aws:apigateway/methodSettings:MethodSettings', 'aws_api_gateway_method_settings'],
])('%s -> %s', (token, type) => {
  expect(awsTerraformType(token, KNOWN)).toBe(type);
});

test('every aws_* type a rule checks is reachable from some token form', () => {
  const aws = [...KNOWN].filter((t) => t.startsWith('aws_'));
  // The generic form: aws:<module>/<camelName>:<Class>, with the module the type's first segment.
  const unreachable = aws.filter((t) => {
    const [mod, ...rest] = t.slice(4).split('_');
    const camel = (parts: string[]) => parts.map((p, i) => (i === 0 ? p : p[0].toUpperCase() + p.slice(1))).join('');
    const tokens = [
      `aws:${mod}/${camel(rest)}:X`,
      `aws:${mod}/${camel([mod, ...rest])}:X`,
      `aws:ec2/${camel([mod, ...rest])}:X`,
    ];
    return !tokens.some((tok) => awsTerraformType(tok, KNOWN) === t);
  });
  expect(unreachable).toEqual([]);
});
