import type { Log } from 'sarif';
import { render } from '../../policies/report';
import { CWD, RESULT, RULES } from './fixture';
import { sarifValidator } from './sarif-schema';

describe('SARIF report', () => {
  const validate = sarifValidator();
  const log = JSON.parse(render(RESULT, RULES, 'sarif', { cwd: CWD })) as Log;
  const run = log.runs[0];
  const results = run.results ?? [];

  it('validates against the SARIF 2.1.0 schema', () => {
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the validator is not vacuous: a broken log is rejected', () => {
    expect(validate({ ...log, version: '2.0.0' })).toBe(false);
    const badLevel = { ...log, runs: [{ ...run, results: [{ ...results[0], level: 'fatal' }] }] };
    expect(validate(badLevel)).toBe(false);
  });

  it('describes every rule in tool.driver.rules with metadata', () => {
    const driver = run.tool.driver;
    expect(driver.name).toBe('zt-check');
    expect(driver.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(driver.rules?.map((r) => r.id)).toEqual(['ZT-DATA-001', 'ZT-DATA-002', 'ZT-DATA-006', 'ZT-IDENTITY-001']);
    const r = driver.rules?.[1];
    expect(r).toMatchObject({
      shortDescription: { text: 'ZT-DATA-002 title: keep data safe' },
      fullDescription: { text: 'ZT-DATA-002 rationale' },
      help: { text: 'ZT-DATA-002 remediation: set the property' },
      defaultConfiguration: { level: 'error' },
      properties: {
        severity: 'critical',
        layer: 'data',
        controls: ['NIST-800-53:SC-28'],
        equivalents: ['checkov:CKV_AWS_145'],
      },
    });
  });

  it('has one result per failing finding (incl. the expired waiver) plus suppressed waived ones', () => {
    const failing = RESULT.findings.filter((f) => f.status === 'fail');
    expect(results.filter((r) => !r.suppressions)).toHaveLength(failing.length);
    expect(results.filter((r) => r.suppressions)).toHaveLength(1);
    for (const res of results) {
      expect(run.tool.driver.rules?.[res.ruleIndex as number]?.id).toBe(res.ruleId);
    }
    expect(results.some((r) => r.properties?.findingKind === 'expired-waiver')).toBe(true);
  });

  it('maps severity to level and locates the resource by file and address', () => {
    const level = (id: string) => results.find((r) => r.ruleId === id && !r.suppressions)?.level;
    expect([level('ZT-DATA-001'), level('ZT-DATA-002'), level('ZT-DATA-006'), level('ZT-IDENTITY-001')]).toEqual([
      'error',
      'error',
      'warning',
      'note',
    ]);
    const raw = results.find((r) => r.ruleId === 'ZT-DATA-001');
    const loc = raw?.locations?.[0];
    expect(loc?.physicalLocation?.artifactLocation?.uri).toBe('cdk.out/Main.template.json');
    expect(loc?.logicalLocations?.[0]).toEqual({
      name: 'RawBucket0C3EE094',
      fullyQualifiedName: 'Main/DataLake/Raw/Resource',
      kind: 'resource',
    });
    expect(raw?.message.text).toContain('Policy <Deny>');
    const tf = results.find((r) => r.ruleId === 'ZT-DATA-002');
    expect(tf?.locations?.[0].physicalLocation?.artifactLocation?.uri).toBe('cdktf.out/stacks/azure/cdk.tf.json');
    expect(tf?.locations?.[0].logicalLocations?.[0].name).toBe('azurerm_key_vault_key.lake');
  });

  it('records a waived finding as a suppressed result with the justification', () => {
    const waived = results.find((r) => r.suppressions);
    expect(waived?.ruleId).toBe('ZT-DATA-006');
    expect(waived?.suppressions).toEqual([
      expect.objectContaining({
        kind: 'inSource',
        status: 'accepted',
        justification: expect.stringContaining('cannot log to itself'),
      }),
    ]);
  });

  it('gives stable fingerprints that do not depend on where the project is checked out', () => {
    const elsewhere = JSON.parse(render(RESULT, RULES, 'sarif', { cwd: '/elsewhere' })) as Log;
    expect(elsewhere.runs[0].results?.map((r) => r.partialFingerprints)).toEqual(
      results.map((r) => r.partialFingerprints),
    );
  });
});
