import { keyRotationRule } from '../../../policies/rules/data/zt-data-002-key-rotation';
import { RuleCases, cfn, tf } from '../helpers';

const key = (props: Record<string, unknown>) => cfn({ Key: { Type: 'AWS::KMS::Key', Properties: props } });
const tfKey = (body: Record<string, unknown>) => tf({ aws_kms_key: { k: body } });
const vaultKey = (body: Record<string, unknown>) =>
  tf({ azurerm_key_vault_key: { k: { name: 'k', key_type: 'RSA', ...body } } });

export const cases: RuleCases = {
  rule: keyRotationRule,
  cases: [
    { name: 'symmetric key with rotation', doc: key({ EnableKeyRotation: true }), address: 'Key', verdict: 'pass' },
    { name: 'rotation as the string "true"', doc: key({ EnableKeyRotation: 'true' }), address: 'Key', verdict: 'pass' },
    { name: 'rotation not set', doc: key({}), address: 'Key', verdict: 'fail', path: 'EnableKeyRotation' },
    {
      name: 'rotation off',
      doc: key({ EnableKeyRotation: false, KeySpec: 'SYMMETRIC_DEFAULT' }),
      address: 'Key',
      verdict: 'fail',
      path: 'EnableKeyRotation',
    },
    {
      name: 'asymmetric key',
      doc: key({ KeySpec: 'RSA_4096', KeyUsage: 'SIGN_VERIFY' }),
      address: 'Key',
      verdict: 'not_applicable',
    },
    {
      name: 'HMAC key',
      doc: key({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' }),
      address: 'Key',
      verdict: 'not_applicable',
    },
    { name: 'imported key material', doc: key({ Origin: 'EXTERNAL' }), address: 'Key', verdict: 'not_applicable' },
    {
      name: 'rotation from a parameter',
      doc: cfn(
        { Key: { Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: { Ref: 'Rotate' } } } },
        { Parameters: { Rotate: { Type: 'String' } } },
      ),
      address: 'Key',
      verdict: 'unknown',
      message: /parameter Rotate/,
    },
    {
      name: 'tf key with rotation',
      doc: tfKey({ enable_key_rotation: true }),
      address: 'aws_kms_key.k',
      verdict: 'pass',
    },
    {
      name: 'tf key without rotation',
      doc: tfKey({ description: 'x' }),
      address: 'aws_kms_key.k',
      verdict: 'fail',
      path: 'enable_key_rotation',
    },
    {
      name: 'tf key rotation false',
      doc: tfKey({ enable_key_rotation: false }),
      address: 'aws_kms_key.k',
      verdict: 'fail',
    },
    {
      name: 'tf asymmetric key',
      doc: tfKey({ customer_master_key_spec: 'RSA_2048' }),
      address: 'aws_kms_key.k',
      verdict: 'not_applicable',
    },
    {
      name: 'tf rotation from a variable',
      doc: tfKey({ enable_key_rotation: '${var.rotate}' }),
      address: 'aws_kms_key.k',
      verdict: 'unknown',
      message: /var\.rotate/,
    },
    {
      name: 'key vault key with automatic rotation',
      doc: vaultKey({ rotation_policy: { automatic: { time_before_expiry: 'P30D' }, expire_after: 'P1Y' } }),
      address: 'azurerm_key_vault_key.k',
      verdict: 'pass',
    },
    {
      name: 'key vault key with hcl2json-shaped rotation policy',
      doc: vaultKey({ rotation_policy: [{ automatic: [{ time_after_creation: 'P90D' }] }] }),
      address: 'azurerm_key_vault_key.k',
      verdict: 'pass',
    },
    {
      name: 'key vault key without rotation policy',
      doc: vaultKey({}),
      address: 'azurerm_key_vault_key.k',
      verdict: 'fail',
      path: 'rotation_policy',
    },
    {
      name: 'rotation policy that only notifies',
      doc: vaultKey({ rotation_policy: { expire_after: 'P1Y', notify_before_expiry: 'P29D' } }),
      address: 'azurerm_key_vault_key.k',
      verdict: 'fail',
      path: 'rotation_policy.automatic',
    },
  ],
};
