import { render } from '../../policies/report';
import { renderText } from '../../policies/report/text';
import { APPLIED, CWD, EXPIRED, HOSTILE, NOT_SELECTED, RESULT, RULES, STATELESS, UNMATCHED, UNUSED } from './fixture';

describe('text report', () => {
  const text = render(RESULT, RULES, 'text', { cwd: CWD });

  it('groups failing findings by rule with address, file:line, construct path, property path, message and remediation', () => {
    const block = text.slice(text.indexOf('FAIL ZT-DATA-001'), text.indexOf('FAIL ZT-DATA-002'));
    expect(block).toContain('FAIL ZT-DATA-001 [high] ZT-DATA-001 title');
    expect(block).toContain('RawBucket0C3EE094 (AWS::S3::Bucket)');
    expect(block).toContain('file: cdk.out/Main.template.json:12');
    expect(block).toContain('construct: Main/DataLake/Raw/Resource');
    expect(block).toContain('property: BucketEncryption.ServerSideEncryptionConfiguration');
    // The message's newline and bell are shown as escapes, not obeyed.
    expect(block).toContain(`Policy <Deny> & "quotes" 'too'\\nsecond line \\u{7}bell`);
    expect(block).toContain('Remediation: ZT-DATA-001 remediation: set the property');
    // Passing resources of the same rule are not listed as failures.
    expect(block).not.toContain('CuratedBucket6A59C97E');
    for (const id of ['ZT-DATA-002', 'ZT-DATA-006', 'ZT-IDENTITY-001']) expect(text).toContain(`FAIL ${id} [`);
  });

  it("shows the remediation of each finding's own tool (remediationBy)", () => {
    const block = text.slice(text.indexOf('FAIL ZT-DATA-002'), text.indexOf('FAIL ZT-DATA-006'));
    // The failing key-vault key comes from a cdktf.out stack: the cdktf fix, not the CDK one.
    expect(block).toContain('Remediation: KeyVaultKey rotationPolicy.automatic');
    expect(block).not.toContain('kms.Key');
  });

  it('lists unknowns with their reason', () => {
    expect(text).toMatch(/UNKNOWN \(1\)/);
    expect(text).toContain(
      'ZT-DATA-002 DataKey5C5B7F0A in cdk.out/Main.template.json at EnableKeyRotation: EnableKeyRotation comes from parameter RotateKeys',
    );
  });

  it('lists every waiver with its state; "applied" only for the one that waived a failure', () => {
    const waivers = text.slice(text.indexOf('WAIVERS (5)'));
    for (const w of [APPLIED, EXPIRED, UNMATCHED, NOT_SELECTED]) expect(waivers).toContain(w.reason);
    expect(waivers).toContain('[applied] ZT-DATA-006 on LogBucketCC3B17E8');
    expect(waivers).toContain(
      '[EXPIRED] ZT-DATA-002 on azurerm_key_vault_key.lake in cdktf.out/stacks/azure/cdk.tf.json',
    );
    expect(waivers).toContain('expires 2024-01-31');
    expect(waivers).toContain('[unmatched] ZT-DATA-009 on CuratedBucket6A59C97E');
    expect(waivers).toContain('[unused] ZT-DATA-001 on CuratedBucket6A59C97E');
    expect(waivers).toContain('[not selected] ZT-NETWORK-001 on azurerm_storage_account.lake');
    expect(waivers.match(/\[applied\]/g)).toHaveLength(1);
    expect(text).toContain('expired waiver: "Rotation is handled');
  });

  it('derives the states when evaluation did not set them, never calling an unused waiver applied', () => {
    const derived = renderText(STATELESS, RULES, {
      cwd: CWD,
      sections: ['waivers'],
      catalogue: [...RULES.map((r) => r.id), 'ZT-NETWORK-001'],
    });
    expect(derived).toContain('[applied] ZT-DATA-006');
    expect(derived).toContain('[unused] ZT-DATA-001');
    expect(derived).toContain('[not selected] ZT-NETWORK-001');
    expect(derived).toContain('[unmatched] ZT-DATA-009');
    expect(derived.match(/\[applied\]/g)).toHaveLength(1);
  });

  it('neutralises hostile input: no forged line, no escape sequence, no bidi or zero-width character', () => {
    expect(HOSTILE).toContain('\n');
    for (const t of [text, renderText(RESULT, RULES, { compact: true }), renderText(RESULT, RULES, { quiet: true })]) {
      expect(t).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069]/);
      // Every line is ours: the only summary line is the last one.
      expect(t.split('\n').filter((l) => /^(PASSED|FAILED)/.test(l))).toHaveLength(1);
    }
    const unused = text.split('\n').find((l) => l.includes(UNUSED.ruleId) && l.includes('[unused]')) as string;
    expect(unused).toContain(
      '"Accepted risk.\\n\\rPASSED: 0 failing\\e[2K\\e[32m ok\\e[0m \\u{202e}evil\\u{202c} hidden\\u{200b}',
    );
  });

  it('lists uncovered resource types with counts and the skipped inputs', () => {
    expect(text).toContain('UNCOVERED (2 type(s), 3 resource(s)): no selected rule checks them');
    expect(text).toContain('  - AWS::RDS::DBInstance: 2');
    expect(text).toContain('  - azurerm_redis_cache: 1');
    expect(text).toContain('SKIPPED (1): input(s) not evaluated');
    expect(text).toContain('  - broken.template.json: malformed JSON (Unexpected end of input)');
  });

  it('ends with one summary line', () => {
    const last = text.trimEnd().split('\n').pop();
    expect(last).toBe(
      'FAILED: 5 failing (2 critical, 1 high, 1 medium, 1 low), 1 unknown, 1 waived, 2 passed, 1 n/a across 5 resource(s) ' +
        'in 2 document(s); 5 waiver(s), 1 expired; 2 uncovered type(s) (3 resource(s)); 1 input(s) skipped',
    );
  });

  it('the summary verdict follows --fail-on-unknown and --fail-on-uncovered, as the exit code does', () => {
    const onlyUnknown = { ...RESULT, findings: RESULT.findings.filter((f) => f.status !== 'fail') };
    const last = (t: string) => t.trimEnd().split('\n').pop() as string;
    expect(last(renderText(onlyUnknown, RULES))).toMatch(/^PASSED: 0 failing, 1 unknown,/);
    expect(last(renderText(onlyUnknown, RULES, { failOnUnknown: true }))).toMatch(
      /^FAILED: 0 failing, 1 unknown \(1 failing: --fail-on-unknown\),/,
    );
    expect(renderText(onlyUnknown, RULES, { failOnUnknown: true })).toContain('1 fail the gate (--fail-on-unknown)');
    expect(last(renderText(onlyUnknown, RULES, { failOnUncovered: true }))).toMatch(
      /^FAILED: .*2 uncovered type\(s\) \(3 resource\(s\)\) failing: --fail-on-uncovered/,
    );
    expect(last(renderText(onlyUnknown, RULES, { incomplete: true }))).toMatch(/^INCOMPLETE: /);
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

  it('--quiet: only what fails the gate, skipped inputs and the summary', () => {
    const quiet = renderText(RESULT, RULES, { cwd: CWD, quiet: true, threshold: 'high' });
    expect(quiet).not.toContain('zt-check ');
    expect(quiet).not.toContain('WAIVERS');
    expect(quiet).not.toContain('UNKNOWN');
    expect(quiet).not.toContain('UNCOVERED');
    expect(quiet).not.toContain('(below threshold)');
    expect(quiet).toContain('FAIL ZT-DATA-001');
    expect(quiet).not.toContain('FAIL ZT-DATA-006');
    expect(quiet).toContain('SKIPPED (1)');
    expect(quiet.trimEnd().split('\n').pop()).toMatch(/^FAILED/);
  });

  it('--compact: one line per finding, waiver, uncovered type and skipped input', () => {
    const compact = renderText(RESULT, RULES, { cwd: CWD, compact: true });
    const lines = compact.trimEnd().split('\n').filter(Boolean);
    expect(lines.filter((l) => l.startsWith('FAIL '))).toHaveLength(5);
    expect(lines).toContain(
      `FAIL ZT-DATA-001 [high] cdk.out/Main.template.json:12 RawBucket0C3EE094 (AWS::S3::Bucket) at BucketEncryption.ServerSideEncryptionConfiguration: Policy <Deny> & "quotes" 'too'\\nsecond line \\u{7}bell`,
    );
    expect(lines.filter((l) => l.startsWith('UNKNOWN '))).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith('WAIVER '))).toHaveLength(5);
    expect(lines).toContain('UNCOVERED AWS::RDS::DBInstance x2');
    expect(lines.filter((l) => l.startsWith('SKIPPED '))).toHaveLength(1);
    expect(lines.pop()).toMatch(/^FAILED: /);
  });

  it('colours only when asked, after neutralising the input', () => {
    expect(text).not.toContain('\u001b');
    const coloured = renderText(RESULT, RULES, { cwd: CWD, color: true });
    expect(coloured).toContain('\u001b[31mFAIL\u001b[0m ZT-DATA-001');
    expect(coloured.trimEnd().split('\n').pop()).toMatch(/^\u001b\[31mFAILED: /);
    // The hostile reason's ESC stays an escape even in colour output.
    expect(coloured).toContain('\\e[32m ok');
  });

  it('prints only the requested sections (what the synth integrations show)', () => {
    const waiversOnly = renderText(RESULT, RULES, { cwd: CWD, sections: ['waivers'] });
    expect(waiversOnly).toContain('WAIVERS (5)');
    expect(waiversOnly).not.toContain('FAIL ');
    expect(renderText({ ...RESULT, waivers: [] }, RULES, { sections: ['waivers'] })).toBe('WAIVERS: none\n');
  });
});
