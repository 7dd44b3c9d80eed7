import type { Finding } from '../../policies/engine/finding';
import type { RemediationTool } from '../../policies/engine/rule';
import { remediationFor, selectRemediation, sourceTool } from '../../policies/report';
import { ALL_RULES } from '../../policies/rules';

const rule = (id: string) => {
  const r = ALL_RULES.find((x) => x.id === id);
  if (!r) throw new Error(`no rule ${id}`);
  return r;
};
const pick = (id: string, tool: RemediationTool, cloud: 'aws' | 'azure') =>
  selectRemediation(rule(id).remediation, tool, cloud);

type At = Pick<Finding, 'source' | 'resource'>;
const at = (file: string, format: 'cloudformation' | 'terraform', provider: string, stack?: string): At => ({
  source: { file, format, ...(stack ? { stack } : {}) },
  resource: { address: 'x', type: 't', provider, key: 'k' },
});

describe('remediation for the finding’s own tool and cloud', () => {
  it('knows the source tool from where the file sits', () => {
    expect(sourceTool(at('/p/cdk.out/Main.template.json', 'cloudformation', 'aws', 'Main'))).toBe('cdk');
    expect(sourceTool(at('/p/cdk.out/assembly-Stage/S.template.json', 'cloudformation', 'aws', 'S'))).toBe('cdk');
    expect(sourceTool(at('/p/templates/bucket.yaml', 'cloudformation', 'aws'))).toBe('cloudformation');
    expect(sourceTool(at('/p/cdktf.out/stacks/azure/cdk.tf.json', 'terraform', 'azurerm', 'azure'))).toBe('cdktf');
    expect(sourceTool(at('/p/infra/main.tf.json', 'terraform', 'aws'))).toBe('terraform');
  });

  it('no Azure finding of any of the 12 rules starts with an AWS fix, and no AWS finding with an Azure one', () => {
    for (const r of ALL_RULES) {
      const types = Object.keys(r.checks);
      if (types.some((t) => t.startsWith('azurerm_'))) {
        for (const tool of ['terraform', 'cdktf'] as const) {
          const text = selectRemediation(r.remediation, tool, 'azure');
          expect([r.id, text]).not.toEqual([r.id, expect.stringMatching(/^(AWS|CloudFormation|CDK)\b/)]);
          expect([r.id, text]).not.toEqual([r.id, expect.stringMatching(/\baws_|s3\.Bucket|kms\.Key/)]);
        }
      }
      if (types.some((t) => t.startsWith('AWS::') || t.startsWith('aws_'))) {
        for (const tool of ['cdk', 'cloudformation', 'terraform'] as const) {
          const text = selectRemediation(r.remediation, tool, 'aws');
          expect([r.id, tool, text]).not.toEqual([r.id, tool, expect.stringMatching(/^Azure\b|azurerm_/)]);
        }
      }
    }
  });

  it('picks the clauses naming the tool (ZT-DATA-001, ZT-DATA-002, ZT-IDENTITY-001)', () => {
    expect(pick('ZT-DATA-001', 'cdktf', 'azure')).toMatch(
      /^azurerm_storage_account customer_managed_key \{ key_vault_key_id, user_assigned_identity_id \} or an azurerm_storage_account_customer_managed_key resource; /,
    );
    expect(pick('ZT-DATA-001', 'cdktf', 'azure')).toContain('azurerm_cosmosdb_account key_vault_key_id');
    expect(pick('ZT-DATA-001', 'cdktf', 'azure')).not.toMatch(/aws_|CloudFormation/);
    expect(pick('ZT-DATA-001', 'cloudformation', 'aws')).toMatch(
      /^CloudFormation: SSEAlgorithm aws:kms with KMSMasterKeyID, KmsKeyId\. CloudFormation data stores: StorageEncrypted true with KmsKeyId \(RDS, Aurora\)/,
    );
    expect(pick('ZT-DATA-001', 'cloudformation', 'aws')).not.toContain('Terraform');
    expect(pick('ZT-DATA-001', 'terraform', 'aws')).toMatch(
      /^Terraform: aws_s3_bucket_server_side_encryption_configuration/,
    );
    expect(pick('ZT-DATA-001', 'terraform', 'aws')).toContain('kms_key_id on aws_cloudwatch_log_group');
    expect(pick('ZT-DATA-002', 'cdk', 'aws')).toBe(
      'AWS CDK: kms.Key({ enableKeyRotation: true }) (SecureDataLake does this).',
    );
    expect(pick('ZT-DATA-002', 'terraform', 'aws')).toBe('Terraform aws_kms_key enable_key_rotation = true.');
    expect(pick('ZT-DATA-002', 'terraform', 'azure')).toMatch(/^azurerm_key_vault_key rotation_policy/);
    expect(pick('ZT-IDENTITY-001', 'cdktf', 'azure')).toMatch(
      /^Azure: shared_access_key_enabled = false \(and storage_use_azuread = true in the provider\); /,
    );
    expect(pick('ZT-IDENTITY-001', 'cdktf', 'azure')).toContain('password_auth_enabled = false');
    expect(pick('ZT-IDENTITY-001', 'cdktf', 'azure')).not.toMatch(/aws_|ObjectOwnership/);
  });

  it('keeps the clause a "the same ..." clause refers to, cloud-only clauses and general sentences', () => {
    expect(pick('ZT-DATA-003', 'terraform', 'aws')).toMatch(
      /Deny s3:\* to Principal \* when aws:SecureTransport is "false"; in Terraform put the same statement/,
    );
    expect(pick('ZT-DATA-003', 'terraform', 'aws')).not.toContain('Azure');
    expect(pick('ZT-DATA-009', 'cdk', 'aws')).toBe(
      'AWS: leave PendingWindowInDays / deletion_window_in_days unset (30 days) or set it to at least 7; ' +
        'CDK kms.Key({ pendingWindow: Duration.days(30) }).',
    );
    expect(pick('ZT-DATA-009', 'terraform', 'azure')).toMatch(/^Azure: azurerm_key_vault purge_protection_enabled/);
    expect(pick('ZT-DATA-006', 'terraform', 'aws')).toBe(
      'Terraform an aws_s3_bucket_logging with bucket and target_bucket. The log bucket itself cannot log to itself: ' +
        'waive this rule on it with that reason.',
    );
    // "i.e." does not end a sentence; "Terraform / CDKTF" serves both clouds.
    expect(pick('ZT-DATA-008', 'cdk', 'aws')).toContain('i.e. CloudFormation DeletionPolicy: Retain');
    expect(pick('ZT-DATA-008', 'cdktf', 'azure')).toMatch(
      /^Terraform \/ CDKTF: lifecycle \{ prevent_destroy = true \}/,
    );
    expect(pick('ZT-NETWORK-002', 'cdktf', 'azure')).toBe(rule('ZT-NETWORK-002').remediation);
  });

  it('remediationBy wins; without a fitting clause the whole text is shown', () => {
    const r = { ...rule('ZT-DATA-002'), remediationBy: { cdktf: 'new KeyVaultKey(this, "k", { rotationPolicy })' } };
    const cdktf = at('/p/cdktf.out/stacks/azure/cdk.tf.json', 'terraform', 'azurerm', 'azure');
    expect(remediationFor(r, cdktf)).toBe('new KeyVaultKey(this, "k", { rotationPolicy })');
    expect(selectRemediation('Rotate the key yearly.', 'pulumi', 'aws')).toBe('Rotate the key yearly.');
  });
});
