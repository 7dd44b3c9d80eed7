import { privateWorkspacesRule } from '../../../policies/rules/pipeline/zt-pipeline-003-private-workspaces';
import { RuleCases, cfn, tf } from '../helpers';

const KEY = { Key: { Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: true } } };
const cfnOne = (type: string, props: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  cfn({ R: { Type: type, Properties: props }, ...KEY }, extra);
const tfOne = (type: string, body: Record<string, unknown>) =>
  tf({ [type]: { r: body }, aws_kms_key: { k: { enable_key_rotation: true } } });
const DOMAIN = { DomainName: 'd', AuthMode: 'IAM', VpcId: 'vpc-1', SubnetIds: ['subnet-1'], DefaultUserSettings: {} };
const NB = { InstanceType: 'ml.t3.medium', RoleArn: 'arn:role' };
const WS = {
  name: 'ws',
  location: 'westeurope',
  resource_group_name: 'rg',
  application_insights_id: 'ai',
  key_vault_id: 'kv',
  storage_account_id: 'sa',
  identity: [{ type: 'SystemAssigned' }],
};
const HARD_WS = {
  ...WS,
  public_network_access_enabled: false,
  high_business_impact: true,
  encryption: [{ key_vault_id: 'kv', key_id: 'https://kv.vault.azure.net/keys/k/1' }],
};
const ws = (body: Record<string, unknown>) => tf({ azurerm_machine_learning_workspace: { r: body } });
const WS_ADDR = 'azurerm_machine_learning_workspace.r';

export const cases: RuleCases = {
  rule: privateWorkspacesRule,
  cases: [
    {
      name: 'Studio domain with the platform key',
      doc: cfnOne('AWS::SageMaker::Domain', { ...DOMAIN, KmsKeyId: { 'Fn::GetAtt': ['Key', 'Arn'] } }),
      address: 'R',
      verdict: 'pass',
    },
    {
      name: 'Studio domain without KmsKeyId',
      doc: cfnOne('AWS::SageMaker::Domain', DOMAIN),
      address: 'R',
      verdict: 'fail',
      path: 'KmsKeyId',
    },
    {
      name: 'Studio domain key from a parameter',
      doc: cfnOne(
        'AWS::SageMaker::Domain',
        { ...DOMAIN, KmsKeyId: { Ref: 'K' } },
        { Parameters: { K: { Type: 'String' } } },
      ),
      address: 'R',
      verdict: 'unknown',
      path: 'KmsKeyId',
    },
    {
      name: 'notebook with the platform key',
      doc: cfnOne('AWS::SageMaker::NotebookInstance', { ...NB, KmsKeyId: { Ref: 'Key' } }),
      address: 'R',
      verdict: 'pass',
    },
    {
      name: 'notebook with the AWS-managed SageMaker key',
      doc: cfnOne('AWS::SageMaker::NotebookInstance', { ...NB, KmsKeyId: 'alias/aws/sagemaker' }),
      address: 'R',
      verdict: 'fail',
      path: 'KmsKeyId',
    },
    {
      name: 'tf Studio domain with the platform key',
      doc: tfOne('aws_sagemaker_domain', { domain_name: 'd', auth_mode: 'IAM', kms_key_id: '${aws_kms_key.k.arn}' }),
      address: 'aws_sagemaker_domain.r',
      verdict: 'pass',
    },
    {
      name: 'tf Studio domain without kms_key_id',
      doc: tfOne('aws_sagemaker_domain', { domain_name: 'd', auth_mode: 'IAM' }),
      address: 'aws_sagemaker_domain.r',
      verdict: 'fail',
      path: 'kms_key_id',
    },
    {
      name: 'tf notebook with the platform key',
      doc: tfOne('aws_sagemaker_notebook_instance', { name: 'nb', kms_key_id: '${aws_kms_key.k.id}' }),
      address: 'aws_sagemaker_notebook_instance.r',
      verdict: 'pass',
    },
    {
      name: 'tf notebook without kms_key_id',
      doc: tfOne('aws_sagemaker_notebook_instance', { name: 'nb' }),
      address: 'aws_sagemaker_notebook_instance.r',
      verdict: 'fail',
      path: 'kms_key_id',
    },
    {
      name: 'tf notebook key from a variable',
      doc: tfOne('aws_sagemaker_notebook_instance', { name: 'nb', kms_key_id: '${var.key}' }),
      address: 'aws_sagemaker_notebook_instance.r',
      verdict: 'unknown',
      path: 'kms_key_id',
    },
    {
      name: 'AML workspace private, high impact, CMK',
      doc: ws(HARD_WS),
      address: WS_ADDR,
      verdict: 'pass',
    },
    {
      name: 'AML workspace with the defaults: one finding per setting',
      doc: ws(WS),
      address: WS_ADDR,
      verdict: 'fail',
      failingPaths: ['public_network_access_enabled', 'encryption', 'high_business_impact'],
    },
    {
      name: 'AML workspace public',
      doc: ws({ ...HARD_WS, public_network_access_enabled: true }),
      address: WS_ADDR,
      verdict: 'fail',
      path: 'public_network_access_enabled',
    },
    {
      name: 'AML workspace encryption block without a key',
      doc: ws({ ...HARD_WS, encryption: [{ key_vault_id: 'kv' }] }),
      address: WS_ADDR,
      verdict: 'fail',
      path: 'encryption.key_id',
    },
    {
      name: 'AML workspace public access from a variable',
      doc: ws({ ...HARD_WS, public_network_access_enabled: '${var.public}' }),
      address: WS_ADDR,
      verdict: 'unknown',
      path: 'public_network_access_enabled',
    },
    {
      name: 'AML workspace encryption from a dynamic block',
      doc: ws({
        ...HARD_WS,
        encryption: undefined,
        dynamic: { encryption: [{ for_each: '${var.keys}', content: [{ key_vault_id: 'kv', key_id: 'k' }] }] },
      }),
      address: WS_ADDR,
      verdict: 'unknown',
      path: 'dynamic.encryption.content',
    },
  ],
};
