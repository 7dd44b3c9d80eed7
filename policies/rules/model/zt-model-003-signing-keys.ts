import { type Check, type CheckResult, Rule, fail, notApplicable, pass } from '../../engine/rule';
import { eachOf } from '../shared/combine';
import { readBoolean, readString, unknownAt } from '../shared/read';

/** Where a KMS key's usage, spec and rotation live in each shape. */
interface KmsFields {
  readonly usage: string;
  readonly spec: readonly string[];
  readonly rotation: string;
}
const CFN: KmsFields = { usage: 'KeyUsage', spec: ['KeySpec'], rotation: 'EnableKeyRotation' };
const TF: KmsFields = {
  usage: 'key_usage',
  spec: ['customer_master_key_spec', 'key_spec'],
  rotation: 'enable_key_rotation',
};

/**
 * A KMS key used for signing: asymmetric (ECC_* or RSA_*), and no automatic rotation, which KMS
 * rejects for asymmetric keys (a template with EnableKeyRotation: true fails to deploy); rotation
 * is a new key behind the alias, the old one kept to verify old signatures.
 */
const kmsSigning =
  (f: KmsFields): Check =>
  (key, { graph }) => {
    const usage = readString(graph, key, f.usage);
    if (usage.kind === 'unknown') return unknownAt(f.usage, usage.reason);
    if (usage.kind !== 'value' || usage.value !== 'SIGN_VERIFY') {
      return notApplicable(`${f.usage} is ${usage.kind === 'value' ? usage.value : 'ENCRYPT_DECRYPT (default)'}`);
    }
    const results: CheckResult[] = [];
    const specPath = f.spec.find((p) => readString(graph, key, p).kind !== 'absent') ?? f.spec[0];
    const spec = readString(graph, key, specPath);
    if (spec.kind === 'unknown') results.push(unknownAt(specPath, spec.reason));
    else if (spec.kind === 'value' && /^(ECC|RSA)_/.test(spec.value))
      results.push(pass(`${specPath} is ${spec.value}`, specPath));
    else {
      const got = spec.kind === 'value' ? spec.value : 'not set (SYMMETRIC_DEFAULT)';
      results.push(fail(`${specPath} is ${got}; a SIGN_VERIFY key needs an ECC_* or RSA_* spec`, specPath));
    }
    const rotation = readBoolean(graph, key, f.rotation);
    if (rotation.kind === 'unknown') results.push(unknownAt(f.rotation, rotation.reason));
    else if (rotation.kind === 'value' && rotation.value) {
      results.push(
        fail(`${f.rotation} is true: KMS rejects automatic rotation of asymmetric keys; remove it`, f.rotation),
      );
    } else results.push(pass(`${f.rotation} is not enabled (rotate by a new key behind the alias)`, f.rotation));
    return eachOf(results);
  };

const SIGNING_OPS = ['sign', 'verify'];
const SIGNING_TYPES = ['EC', 'EC-HSM', 'RSA', 'RSA-HSM'];

/** Key Vault: a key with sign or verify operations is EC/RSA and has no other operation. */
const keyVaultSigning: Check = (key, { graph }) => {
  const opts = graph.value(key, 'key_opts');
  if (opts.kind !== 'literal' || !Array.isArray(opts.value)) {
    return opts.kind === 'absent'
      ? notApplicable('key_opts is not set')
      : unknownAt('key_opts', 'key_opts is not a literal list at synth time');
  }
  const values = opts.value as unknown[];
  if (values.some((v) => typeof v !== 'string')) return unknownAt('key_opts', 'an element of key_opts is unresolved');
  const ops = values as string[];
  if (!ops.some((o) => SIGNING_OPS.includes(o))) return notApplicable('key_opts has neither sign nor verify');
  const results: CheckResult[] = [];
  const type = readString(graph, key, 'key_type');
  if (type.kind === 'unknown') results.push(unknownAt('key_type', type.reason));
  else if (type.kind === 'value' && SIGNING_TYPES.includes(type.value)) {
    results.push(pass(`key_type is ${type.value}`, 'key_type'));
  } else {
    const got = type.kind === 'value' ? type.value : 'not set';
    results.push(fail(`key_type is ${got}; a signing key is ${SIGNING_TYPES.join(', ')}`, 'key_type'));
  }
  const extra = ops.filter((o) => !SIGNING_OPS.includes(o));
  results.push(
    extra.length === 0
      ? pass(`key_opts are ${ops.join(', ')} only`, 'key_opts')
      : fail(`key_opts also allow ${extra.join(', ')}: a signing key signs and verifies, nothing else`, 'key_opts'),
  );
  return eachOf(results);
};

export const signingKeysRule: Rule = {
  id: 'ZT-MODEL-003',
  title: 'Model signing keys are asymmetric with sign/verify usage only',
  severity: 'high',
  layer: 'model',
  scope: 'resource',
  rationale:
    'A model signature is only evidence when the verifying party cannot also produce it: that takes an ' +
    'asymmetric key whose private half never leaves the HSM and which does nothing but sign and verify. A key ' +
    'that also encrypts or wraps widens who holds the signing capability, and a rotation flag KMS rejects ' +
    'makes the template undeployable.',
  remediation:
    'AWS: a KMS key with KeyUsage SIGN_VERIFY, KeySpec ECC_NIST_P256 (or another ECC_/RSA_ spec) and no ' +
    'EnableKeyRotation (CDK: kms.CfnKey, as ModelRegistry does; the L2 Key writes EnableKeyRotation). ' +
    'Terraform: key_usage = "SIGN_VERIFY", customer_master_key_spec = "ECC_NIST_P256", no enable_key_rotation. ' +
    'Azure: azurerm_key_vault_key key_type = "EC-HSM", curve = "P-256", key_opts = ["sign", "verify"].',
  controls: [
    { framework: 'NIST-800-53', id: 'SC-12' },
    { framework: 'NIST-800-53', id: 'SC-13' },
    { framework: 'NIST-800-53', id: 'CM-14' },
    { framework: 'SOC2', id: 'CC6.1' },
    { framework: 'ISO-27001', id: 'A.8.24' },
    { framework: 'ISO-42001', id: 'A.6.2.5' },
  ],
  equivalents: [],
  checks: {
    'AWS::KMS::Key': kmsSigning(CFN),
    aws_kms_key: kmsSigning(TF),
    azurerm_key_vault_key: keyVaultSigning,
  },
};
