import type { ResourceGraph } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import { type Check, CheckResult, Rule, fail, notApplicable, pass } from '../../engine/rule';
import { isTrue, judgeSetting } from '../shared/expect';
import { isPresent, joinPath, readString, unknownAt } from '../shared/read';
import { tfBlock, throughDynamic } from '../shared/tf-blocks';

/** Where a KMS key's facts live in each shape. */
interface KmsFields {
  readonly spec: readonly string[];
  readonly origin: string;
  readonly rotation: string;
}

const CFN: KmsFields = { spec: ['KeySpec'], origin: 'Origin', rotation: 'EnableKeyRotation' };
const TF: KmsFields = {
  spec: ['customer_master_key_spec', 'key_spec'],
  origin: 'origin',
  rotation: 'enable_key_rotation',
};

/**
 * KMS rotates automatically only symmetric encryption keys whose material KMS generated;
 * asymmetric, HMAC and imported (EXTERNAL) keys are rotated by replacing them.
 */
const kmsRotation =
  (f: KmsFields): Check =>
  (key, { graph }) => {
    for (const specPath of f.spec) {
      const spec = readString(graph, key, specPath);
      if (spec.kind === 'unknown') return unknownAt(specPath, spec.reason);
      if (spec.kind === 'value' && spec.value !== 'SYMMETRIC_DEFAULT') {
        return notApplicable(`${specPath} is ${spec.value}: KMS rotates only symmetric encryption keys automatically`);
      }
    }
    const origin = readString(graph, key, f.origin);
    if (origin.kind === 'unknown') return unknownAt(f.origin, origin.reason);
    if (origin.kind === 'value' && origin.value === 'EXTERNAL') {
      return notApplicable(`${f.origin} is EXTERNAL: imported key material cannot be rotated automatically`);
    }
    return judgeSetting(graph, key, isTrue(f.rotation, { providerDefault: false, risk: 'the key never rotates' }));
  };

/** Key Vault: rotation_policy { automatic { time_after_creation | time_before_expiry } }. */
function keyVaultRotation(g: ResourceGraph, key: Resource): CheckResult {
  const policy = tfBlock(g, key, '', 'rotation_policy');
  if (policy.kind === 'absent') {
    return fail('rotation_policy is not set, so the key never rotates; add rotation_policy.automatic', policy.path);
  }
  const automatic = tfBlock(g, key, policy.path, 'automatic');
  if (automatic.kind === 'absent') {
    return fail(`${automatic.path} is not set: the policy only notifies, it does not rotate`, automatic.path);
  }
  const trigger = ['time_after_creation', 'time_before_expiry']
    .map((t) => joinPath(automatic.path, t))
    .find((p) => isPresent(g, key, p));
  const result = trigger
    ? pass(`${trigger} rotates the key automatically`, trigger)
    : fail(`${automatic.path} sets neither time_after_creation nor time_before_expiry`, automatic.path);
  return throughDynamic(policy, throughDynamic(automatic, result));
}

export const keyRotationRule: Rule = {
  id: 'ZT-DATA-002',
  title: 'Customer-managed keys rotate automatically',
  severity: 'medium',
  layer: 'data',
  scope: 'resource',
  rationale:
    'Automatic rotation bounds how much data one key version protects and how long a leaked key version stays ' +
    'useful, without re-encrypting data or changing key IDs. Keys that never rotate accumulate risk for the life ' +
    'of the data lake.',
  remediation:
    'AWS CDK: kms.Key({ enableKeyRotation: true }) (SecureDataLake does this); CloudFormation EnableKeyRotation: true; ' +
    'Terraform aws_kms_key enable_key_rotation = true; azurerm_key_vault_key rotation_policy { automatic { ' +
    'time_before_expiry = "P30D" } expire_after = "P1Y" }.',
  controls: [
    { framework: 'NIST-800-53', id: 'SC-12' },
    { framework: 'SOC2', id: 'CC6.1' },
    { framework: 'HIPAA', id: '164.312(a)(2)(iv)' },
    { framework: 'GDPR', id: 'Art. 32(1)(a)' },
    { framework: 'ISO-27001', id: 'A.8.24' },
  ],
  equivalents: [
    { tool: 'checkov', id: 'CKV_AWS_7', resourceTypes: ['AWS::KMS::Key', 'aws_kms_key'] },
    { tool: 'cdk-nag', id: 'AwsSolutions-KMS5', resourceTypes: ['AWS::KMS::Key'] },
    { tool: 'cdk-nag', id: 'NIST.800.53.R5-KMSBackingKeyRotationEnabled', resourceTypes: ['AWS::KMS::Key'] },
  ],
  checks: {
    'AWS::KMS::Key': kmsRotation(CFN),
    aws_kms_key: kmsRotation(TF),
    azurerm_key_vault_key: (key, { graph }) => keyVaultRotation(graph, key),
  },
};
