import { signingKeysRule } from '../../../policies/rules/model/zt-model-003-signing-keys';
import { RuleCases, cfn, tf } from '../helpers';

const key = (props: Record<string, unknown>) => cfn({ Key: { Type: 'AWS::KMS::Key', Properties: props } });
const SIGN = { KeyUsage: 'SIGN_VERIFY', KeySpec: 'ECC_NIST_P256' };
const tfKey = (body: Record<string, unknown>) => tf({ aws_kms_key: { k: body } });
const kvKey = (body: Record<string, unknown>) =>
  tf({ azurerm_key_vault_key: { k: { name: 'sign', key_vault_id: 'kv', ...body } } });

export const cases: RuleCases = {
  rule: signingKeysRule,
  cases: [
    { name: 'KMS ECC_NIST_P256 signing key without rotation', doc: key(SIGN), address: 'Key', verdict: 'pass' },
    {
      name: 'KMS RSA signing key, rotation explicitly off',
      doc: key({ KeyUsage: 'SIGN_VERIFY', KeySpec: 'RSA_3072', EnableKeyRotation: false }),
      address: 'Key',
      verdict: 'pass',
    },
    {
      name: 'KMS signing key with EnableKeyRotation (what the CDK L2 writes)',
      doc: key({ ...SIGN, EnableKeyRotation: true }),
      address: 'Key',
      verdict: 'fail',
      path: 'EnableKeyRotation',
    },
    {
      name: 'KMS SIGN_VERIFY with the symmetric default spec',
      doc: key({ KeyUsage: 'SIGN_VERIFY' }),
      address: 'Key',
      verdict: 'fail',
      path: 'KeySpec',
    },
    {
      name: 'KMS HMAC spec under SIGN_VERIFY',
      doc: key({ KeyUsage: 'SIGN_VERIFY', KeySpec: 'HMAC_256' }),
      address: 'Key',
      verdict: 'fail',
      path: 'KeySpec',
    },
    {
      name: 'KMS encryption key is not a signing key',
      doc: key({ EnableKeyRotation: true }),
      address: 'Key',
      verdict: 'not_applicable',
    },
    {
      name: 'KMS key usage from a parameter',
      doc: cfn(
        { Key: { Type: 'AWS::KMS::Key', Properties: { KeyUsage: { Ref: 'Usage' } } } },
        { Parameters: { Usage: { Type: 'String' } } },
      ),
      address: 'Key',
      verdict: 'unknown',
    },
    {
      name: 'tf KMS ECC signing key',
      doc: tfKey({ key_usage: 'SIGN_VERIFY', customer_master_key_spec: 'ECC_NIST_P256' }),
      address: 'aws_kms_key.k',
      verdict: 'pass',
    },
    {
      name: 'tf KMS signing key with rotation',
      doc: tfKey({ key_usage: 'SIGN_VERIFY', customer_master_key_spec: 'ECC_NIST_P256', enable_key_rotation: true }),
      address: 'aws_kms_key.k',
      verdict: 'fail',
      path: 'enable_key_rotation',
    },
    {
      name: 'tf KMS signing key spec from a variable',
      doc: tfKey({ key_usage: 'SIGN_VERIFY', customer_master_key_spec: '${var.spec}' }),
      address: 'aws_kms_key.k',
      verdict: 'unknown',
    },
    {
      name: 'Key Vault EC-HSM P-256 sign/verify',
      doc: kvKey({ key_type: 'EC-HSM', curve: 'P-256', key_opts: ['sign', 'verify'] }),
      address: 'azurerm_key_vault_key.k',
      verdict: 'pass',
    },
    {
      name: 'Key Vault signing key that also decrypts',
      doc: kvKey({ key_type: 'RSA-HSM', key_size: 3072, key_opts: ['sign', 'verify', 'decrypt'] }),
      address: 'azurerm_key_vault_key.k',
      verdict: 'fail',
      path: 'key_opts',
    },
    {
      name: 'Key Vault oct-HSM key with sign',
      doc: kvKey({ key_type: 'oct-HSM', key_opts: ['sign'] }),
      address: 'azurerm_key_vault_key.k',
      verdict: 'fail',
      path: 'key_type',
    },
    {
      name: 'Key Vault wrapping key is not a signing key',
      doc: kvKey({ key_type: 'RSA-HSM', key_opts: ['wrapKey', 'unwrapKey'] }),
      address: 'azurerm_key_vault_key.k',
      verdict: 'not_applicable',
    },
    {
      name: 'Key Vault key_opts from a variable',
      doc: kvKey({ key_type: 'EC-HSM', key_opts: '${var.ops}' }),
      address: 'azurerm_key_vault_key.k',
      verdict: 'unknown',
    },
  ],
};
