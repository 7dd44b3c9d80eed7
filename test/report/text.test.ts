import { render } from '../../policies/report';
import { renderText } from '../../policies/report/text';
import { APPLIED, CWD, EXPIRED, RESULT, RULES, UNMATCHED } from './fixture';

describe('text report', () => {
  const text = render(RESULT, RULES, 'text', { cwd: CWD });

  it('groups failing findings by rule with address, file, construct path, property path, message and remediation', () => {
    const block = text.slice(text.indexOf('FAIL ZT-DATA-001'), text.indexOf('FAIL ZT-DATA-002'));
    expect(block).toContain('FAIL ZT-DATA-001 [high] ZT-DATA-001 title');
    expect(block).toContain('RawBucket0C3EE094 (AWS::S3::Bucket)');
    expect(block).toContain('file: cdk.out/Main.template.json');
    expect(block).toContain('construct: Main/DataLake/Raw/Resource');
    expect(block).toContain('property: BucketEncryption.ServerSideEncryptionConfiguration');
    expect(block).toContain('Policy <Deny> & "quotes"');
    expect(block).toContain('Remediation: ZT-DATA-001 remediation: set the property');
    // Passing resources of the same rule are not listed as failures.
    expect(block).not.toContain('CuratedBucket6A59C97E');
    for (const id of ['ZT-DATA-002', 'ZT-DATA-006', 'ZT-IDENTITY-001']) expect(text).toContain(`FAIL ${id} [`);
  });

  it('lists unknowns with their reason', () => {
    expect(text).toMatch(/UNKNOWN \(1\)/);
    expect(text).toContain(
      'ZT-DATA-002 DataKey5C5B7F0A in cdk.out/Main.template.json at EnableKeyRotation: EnableKeyRotation comes from parameter RotateKeys',
    );
  });

  it('lists every waiver: applied, expired and unmatched, with reason and expiry', () => {
    const waivers = text.slice(text.indexOf('WAIVERS (3)'));
    for (const w of [APPLIED, EXPIRED, UNMATCHED]) expect(waivers).toContain(w.reason);
    expect(waivers).toContain('[applied] ZT-DATA-006 on LogBucketCC3B17E8');
    expect(waivers).toContain(
      '[EXPIRED] ZT-DATA-002 on azurerm_key_vault_key.lake in cdktf.out/stacks/azure/cdk.tf.json',
    );
    expect(waivers).toContain('expires 2024-01-31');
    expect(waivers).toContain('[unmatched] ZT-DATA-009 on CuratedBucket6A59C97E');
    expect(text).toContain('expired waiver: "Rotation is handled');
  });

  it('ends with one summary line', () => {
    const last = text.trimEnd().split('\n').pop();
    expect(last).toBe(
      'FAILED: 5 failing (2 critical, 1 high, 1 medium, 1 low), 1 unknown, 1 waived, 2 passed, 1 n/a across 5 resource(s) in 2 document(s); 3 waiver(s), 1 expired',
    );
  });

  it('marks failures below the threshold and passes when none is at or above it', () => {
    const high = renderText(RESULT, RULES, { cwd: CWD, threshold: 'high' });
    expect(high).toMatch(/ZT-DATA-006[\s\S]*RawBucket0C3EE094 \(AWS::S3::Bucket\) \(below threshold\)/);
    expect(high).toContain('3 at or above high');
    const onlyLow = { ...RESULT, findings: RESULT.findings.filter((f) => f.ruleId === 'ZT-IDENTITY-001') };
    expect(renderText(onlyLow, RULES, { threshold: 'medium' }).trimEnd().split('\n').pop()).toMatch(
      /^PASSED: 1 failing/,
    );
  });

  it('prints only the requested sections (what the synth integrations show)', () => {
    const waiversOnly = renderText(RESULT, RULES, { cwd: CWD, sections: ['waivers'] });
    expect(waiversOnly).toContain('WAIVERS (3)');
    expect(waiversOnly).not.toContain('FAIL ');
    expect(renderText({ ...RESULT, waivers: [] }, RULES, { sections: ['waivers'] })).toBe('WAIVERS: none\n');
  });
});
