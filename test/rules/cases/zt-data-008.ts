import { retainOnDeleteRule } from '../../../policies/rules/data/zt-data-008-retain-on-delete';
import { RuleCase, RuleCases, cfn, tf } from '../helpers';
import { azureStoreCases } from './zt-data-008-azure-stores';
import { awsStoreCases } from './zt-data-008-aws-stores';

const CFN_TYPES = ['AWS::S3::Bucket', 'AWS::KMS::Key', 'AWS::Logs::LogGroup', 'AWS::SecretsManager::Secret'];
const TF_TYPES = [
  'aws_s3_bucket',
  'aws_kms_key',
  'azurerm_storage_account',
  'azurerm_key_vault',
  'azurerm_key_vault_key',
  'azurerm_log_analytics_workspace',
];

const cfnCases = CFN_TYPES.flatMap((type): RuleCase[] => {
  const doc = (attrs: Record<string, unknown>) => cfn({ R: { Type: type, Properties: {}, ...attrs } });
  return [
    {
      name: `${type} retained`,
      doc: doc({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' }),
      address: 'R',
      verdict: 'pass',
    },
    { name: `${type} without DeletionPolicy`, doc: doc({}), address: 'R', verdict: 'fail', path: 'DeletionPolicy' },
    {
      name: `${type} retained on delete but not on replacement`,
      doc: doc({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Delete' }),
      address: 'R',
      verdict: 'fail',
      path: 'UpdateReplacePolicy',
    },
  ];
});

const tfCases = TF_TYPES.flatMap((type): RuleCase[] => {
  const doc = (extra: Record<string, unknown>) => tf({ [type]: { r: { name: 'r', ...extra } } });
  return [
    {
      name: `${type} prevent_destroy (cdktf object)`,
      doc: doc({ lifecycle: { prevent_destroy: true } }),
      address: `${type}.r`,
      verdict: 'pass',
    },
    {
      name: `${type} without lifecycle`,
      doc: doc({}),
      address: `${type}.r`,
      verdict: 'fail',
      path: 'lifecycle.prevent_destroy',
    },
  ];
});

export const cases: RuleCases = {
  rule: retainOnDeleteRule,
  cases: [
    ...azureStoreCases,
    ...cfnCases,
    ...tfCases,
    {
      name: 'RetainExceptOnCreate keeps the resource on stack delete',
      doc: cfn({
        B: { Type: 'AWS::S3::Bucket', DeletionPolicy: 'RetainExceptOnCreate', UpdateReplacePolicy: 'Retain' },
      }),
      address: 'B',
      verdict: 'pass',
    },
    {
      name: 'Snapshot is not a retention for a bucket',
      doc: cfn({ B: { Type: 'AWS::S3::Bucket', DeletionPolicy: 'Snapshot', UpdateReplacePolicy: 'Retain' } }),
      address: 'B',
      verdict: 'fail',
      path: 'DeletionPolicy',
    },
    {
      name: 'hcl2json lifecycle list of one',
      doc: tf({ aws_s3_bucket: { b: { lifecycle: [{ prevent_destroy: true }] } } }),
      address: 'aws_s3_bucket.b',
      verdict: 'pass',
    },
    {
      name: 'prevent_destroy false',
      doc: tf({ aws_kms_key: { k: { lifecycle: { prevent_destroy: false } } } }),
      address: 'aws_kms_key.k',
      verdict: 'fail',
      path: 'lifecycle.prevent_destroy',
    },
    ...awsStoreCases,
  ],
};
