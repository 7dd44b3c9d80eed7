import type { AppliedWaiver, EvaluationResult, Finding, FindingResource } from '../../policies/engine/finding';
import type { ResourceSource } from '../../policies/engine/model';
import { pass, type Rule } from '../../policies/engine/rule';

/**
 * A hand-built EvaluationResult covering every status, both clouds, every waiver state and text
 * that needs escaping, so reporters are tested independently of the engine and the rule pack.
 */

export const CWD = '/work/project';
export const CFN_FILE = `${CWD}/cdk.out/Main.template.json`;
export const TF_FILE = `${CWD}/cdktf.out/stacks/azure/cdk.tf.json`;
/** Escaping bait: XML metacharacters, quotes, a newline and a control character. */
export const NASTY = `Policy <Deny> & "quotes" 'too'\nsecond line \u0007bell`;
/** A waiver reason that tries to forge a PASSED line, recolour, hide and reorder text on a terminal. */
export const HOSTILE =
  'Accepted risk.\n\rPASSED: 0 failing\u001b[2K\u001b[32m ok\u001b[0m \u202eevil\u202c hidden\u200b\u2028next\u0085';

const rule = (id: string, severity: Rule['severity'], types: string[]): Rule => ({
  id,
  title: `${id} title: keep data safe`,
  severity,
  layer: 'data',
  rationale: `${id} rationale`,
  remediation: `${id} remediation: set the property`,
  controls: [{ framework: 'NIST-800-53', id: 'SC-28' }],
  equivalents: [{ tool: 'checkov', id: 'CKV_AWS_145' }],
  checks: Object.fromEntries(types.map((t) => [t, () => pass('ok')])),
});

export const RULES: Rule[] = [
  rule('ZT-DATA-001', 'high', ['AWS::S3::Bucket', 'azurerm_storage_account']),
  {
    ...rule('ZT-DATA-002', 'critical', ['AWS::KMS::Key', 'azurerm_key_vault_key']),
    remediationBy: { cdk: 'kms.Key({ enableKeyRotation: true })', cdktf: 'KeyVaultKey rotationPolicy.automatic' },
  },
  rule('ZT-DATA-006', 'medium', ['AWS::S3::Bucket']),
  rule('ZT-IDENTITY-001', 'low', ['AWS::S3::Bucket']),
];

const LINES: Record<string, number> = { RawBucket0C3EE094: 12, LogBucketCC3B17E8: 40 };

const cfn = (address: string, constructPath: string): { resource: FindingResource; source: ResourceSource } => ({
  resource: {
    address,
    type: address.includes('Key') ? 'AWS::KMS::Key' : 'AWS::S3::Bucket',
    provider: 'aws',
    key: `${CFN_FILE}#${address}`,
  },
  source: { file: CFN_FILE, format: 'cloudformation', stack: 'Main', constructPath, line: LINES[address] },
});
const tf = (address: string): { resource: FindingResource; source: ResourceSource } => ({
  resource: { address, type: address.split('.')[0], provider: 'azurerm', key: `${TF_FILE}#${address}` },
  source: { file: TF_FILE, format: 'terraform', stack: 'azure', constructPath: `azure/${address.split('.')[1]}` },
});

function finding(
  ruleId: string,
  at: ReturnType<typeof cfn>,
  status: Finding['status'],
  message: string,
  extra: Partial<Finding> = {},
): Finding {
  const r = RULES.find((x) => x.id === ruleId) as Rule;
  return {
    ruleId,
    title: r.title,
    severity: r.severity,
    layer: r.layer,
    verdict: status === 'waived' ? 'fail' : status,
    status,
    message,
    kind: 'check',
    ...at,
    ...extra,
  };
}

const logBucket = cfn('LogBucketCC3B17E8', 'Main/DataLake/Logs/Resource');
const rawBucket = cfn('RawBucket0C3EE094', 'Main/DataLake/Raw/Resource');
const curated = cfn('CuratedBucket6A59C97E', 'Main/DataLake/Curated/Resource');
const key = cfn('DataKey5C5B7F0A', 'Main/DataLake/Key/Resource');
const vaultKey = tf('azurerm_key_vault_key.lake');

export const APPLIED: AppliedWaiver = {
  ruleId: 'ZT-DATA-006',
  reason: 'The access-log bucket cannot log to itself; it is the log destination.',
  origin: 'template-metadata',
  expired: false,
  matched: true,
  state: 'applied',
  ...logBucket,
};
export const EXPIRED: AppliedWaiver = {
  ruleId: 'ZT-DATA-002',
  reason: 'Rotation is handled by an external HSM process until the migration.',
  expires: '2024-01-31',
  origin: 'terraform-comment',
  expired: true,
  matched: true,
  state: 'expired',
  ...vaultKey,
};
export const UNMATCHED: AppliedWaiver = {
  ruleId: 'ZT-DATA-009',
  reason: 'Left over from an older rule set; kept for the audit trail.',
  origin: 'cdk-acknowledgement',
  expired: false,
  matched: false,
  state: 'unmatched',
  ...curated,
};
/** Matched, not expired, but the rule passed there: it waived nothing (never "applied"). */
export const UNUSED: AppliedWaiver = {
  ruleId: 'ZT-DATA-001',
  reason: HOSTILE,
  origin: 'template-metadata',
  expired: false,
  matched: true,
  state: 'unused',
  ...curated,
};
/** For a catalogued rule left out by --rules. */
export const NOT_SELECTED: AppliedWaiver = {
  ruleId: 'ZT-NETWORK-001',
  reason: 'The account is reached through the private endpoint only.',
  origin: 'terraform-comment',
  expired: false,
  matched: false,
  state: 'not-selected',
  ...tf('azurerm_storage_account.lake'),
};

export const FINDINGS: Finding[] = [
  finding('ZT-DATA-001', rawBucket, 'fail', NASTY, { path: 'BucketEncryption.ServerSideEncryptionConfiguration' }),
  finding('ZT-DATA-001', curated, 'pass', 'encrypted with a customer-managed key'),
  finding('ZT-DATA-001', logBucket, 'pass', 'encrypted with a customer-managed key'),
  finding('ZT-DATA-006', logBucket, 'waived', 'no server access logging configured', {
    waiver: APPLIED,
    path: 'LoggingConfiguration',
  }),
  finding('ZT-DATA-006', rawBucket, 'fail', 'no server access logging configured', { path: 'LoggingConfiguration' }),
  finding('ZT-DATA-002', key, 'unknown', 'EnableKeyRotation comes from parameter RotateKeys', {
    path: 'EnableKeyRotation',
  }),
  finding('ZT-DATA-002', vaultKey, 'fail', 'no rotation_policy with automatic rotation', { path: 'rotation_policy' }),
  finding('ZT-DATA-002', vaultKey, 'fail', 'Waiver of ZT-DATA-002 expired on 2024-01-31', {
    kind: 'expired-waiver',
    waiver: EXPIRED,
  }),
  finding('ZT-IDENTITY-001', curated, 'fail', 'ACLs are enabled', { path: 'OwnershipControls' }),
  finding('ZT-IDENTITY-001', key, 'not_applicable', 'not a bucket'),
];

export const UNCOVERED = [
  { type: 'AWS::RDS::DBInstance', count: 2 },
  { type: 'azurerm_redis_cache', count: 1 },
];
export const SKIPPED = [{ path: `${CWD}/broken.template.json`, reason: 'malformed JSON (Unexpected end of input)' }];

export const RESULT: EvaluationResult = {
  findings: FINDINGS,
  waivers: [APPLIED, EXPIRED, UNMATCHED, UNUSED, NOT_SELECTED],
  coverage: { uncovered: UNCOVERED },
  skipped: SKIPPED,
  documents: [
    { file: CFN_FILE, format: 'cloudformation', stack: 'Main', resources: 4 },
    { file: TF_FILE, format: 'terraform', stack: 'azure', resources: 1 },
  ],
  summary: { resources: 5, rulesEvaluated: 4, pass: 2, fail: 5, unknown: 1, notApplicable: 1, waived: 1 },
  durationMs: 1.5,
};

/** The same result as an older evaluation gives it: no waiver `state`, no coverage, no skipped. */
export const STATELESS: EvaluationResult = {
  ...RESULT,
  waivers: RESULT.waivers.map(({ state: _state, ...w }) => w),
  coverage: undefined,
  skipped: undefined,
};

export const NOW = new Date('2025-06-01T12:00:00Z');
