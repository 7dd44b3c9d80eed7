import type { Log, Result } from 'sarif';
import type { EvaluationResult, Finding } from '../../policies/engine/finding';
import { render, toSarif } from '../../policies/report';
import { packageRepositoryUrl } from '../../policies/report/tool';
import { CFN_FILE, CWD, RESULT, RULES } from './fixture';
import { sarifValidator } from './sarif-schema';

const REPO = 'https://github.com/example/zero-trust';

/** The same result as checked out under another root directory. */
function relocate(result: EvaluationResult, from: string, to: string): EvaluationResult {
  const move = <T extends { source: { file: string } }>(x: T): T => ({
    ...x,
    source: { ...x.source, file: x.source.file.replace(from, to) },
  });
  return { ...result, findings: result.findings.map(move), waivers: result.waivers.map(move) };
}

describe('SARIF report', () => {
  const validate = sarifValidator();
  const log = JSON.parse(render(RESULT, RULES, 'sarif', { cwd: CWD, repositoryUrl: REPO })) as Log;
  const run = log.runs[0];
  const results = run.results ?? [];
  const result = (ruleId: string, status: string) =>
    results.find((r) => r.ruleId === ruleId && r.properties?.status === status) as Result;

  it('validates against the SARIF 2.1.0 schema, with and without a repository URL', () => {
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(validate(toSarif(RESULT, RULES, { cwd: CWD, repositoryUrl: undefined }))).toBe(true);
  });

  it('the validator is not vacuous: a broken log is rejected', () => {
    expect(validate({ ...log, version: '2.0.0' })).toBe(false);
    const badLevel = { ...log, runs: [{ ...run, results: [{ ...results[0], level: 'fatal' }] }] };
    expect(validate(badLevel)).toBe(false);
  });

  it('describes every rule with help text and markdown, helpUri, security-severity and tags', () => {
    const driver = run.tool.driver;
    expect(driver.name).toBe('zt-check');
    expect(driver.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(driver.rules?.map((r) => r.id)).toEqual(['ZT-DATA-001', 'ZT-DATA-002', 'ZT-DATA-006', 'ZT-IDENTITY-001']);
    const r = driver.rules?.[1];
    expect(r).toMatchObject({
      shortDescription: { text: 'ZT-DATA-002 title: keep data safe' },
      fullDescription: { text: 'ZT-DATA-002 rationale' },
      help: { text: 'ZT-DATA-002 remediation: set the property' },
      helpUri: `${REPO}/blob/HEAD/docs/rules/ZT-DATA-002.md`,
      defaultConfiguration: { level: 'error' },
      properties: {
        severity: 'critical',
        'security-severity': '9.5',
        tags: ['security', 'zero-trust', 'data'],
        controls: ['NIST-800-53:SC-28'],
        equivalents: ['checkov:CKV_AWS_145'],
      },
    });
    // Per-tool remediation in the markdown: remediationBy for CDK and CDKTF.
    expect(r?.help?.markdown).toContain('- AWS CDK: kms.Key({ enableKeyRotation: true })');
    expect(r?.help?.markdown).toContain('KeyVaultKey rotationPolicy.automatic');
    expect(r?.help?.markdown).toContain(`(${REPO}/blob/HEAD/docs/rules/ZT-DATA-002.md)`);
    // GitHub's bands: critical >= 9.0, high 7.0-8.9, medium 4.0-6.9, low 0.1-3.9.
    const score = (id: string) => Number(driver.rules?.find((x) => x.id === id)?.properties?.['security-severity']);
    expect(score('ZT-DATA-002')).toBeGreaterThanOrEqual(9);
    expect(score('ZT-DATA-001')).toBeGreaterThanOrEqual(7);
    expect(score('ZT-DATA-001')).toBeLessThan(9);
    expect(score('ZT-DATA-006')).toBeGreaterThanOrEqual(4);
    expect(score('ZT-DATA-006')).toBeLessThan(7);
    expect(score('ZT-IDENTITY-001')).toBeGreaterThan(0);
    expect(score('ZT-IDENTITY-001')).toBeLessThan(4);
    for (const d of driver.rules ?? []) expect((d.properties?.tags as string[]).length).toBeLessThanOrEqual(10);
  });

  it('without a repository URL: no helpUri (it must be absolute), the relative docs path instead', () => {
    const bare = toSarif(RESULT, RULES, { cwd: CWD, repositoryUrl: undefined }).runs[0].tool.driver.rules?.[0];
    expect(bare?.helpUri).toBeUndefined();
    expect(bare?.properties?.docs).toBe('docs/rules/ZT-DATA-001.md');
    expect(bare?.help?.markdown).toContain('(docs/rules/ZT-DATA-001.md)');
  });

  it("by default helpUri points at this package's repository (package.json repository), docs/rules/<ID>.md", () => {
    const own = toSarif(RESULT, RULES, { cwd: CWD }).runs[0].tool.driver.rules?.[0];
    expect(own?.helpUri).toBe('https://github.com/zt-ai/blueprint/blob/HEAD/docs/rules/ZT-DATA-001.md');
  });

  it('the repository URL comes from package.json repository, else a GitHub homepage', () => {
    const repository = { type: 'git', url: 'https://github.com/zt-ai/blueprint' };
    expect(packageRepositoryUrl({ repository })).toBe('https://github.com/zt-ai/blueprint');
    expect(packageRepositoryUrl({ repository: 'git+https://github.com/o/r.git', homepage: 'https://x.dev' })).toBe(
      'https://github.com/o/r',
    );
    expect(packageRepositoryUrl({ homepage: 'https://github.com/o/r#readme' })).toBe('https://github.com/o/r');
    // A homepage that is not a repository page has no /blob/ tree to link into.
    expect(packageRepositoryUrl({ homepage: 'https://zt-ai.dev/docs' })).toBeUndefined();
    expect(packageRepositoryUrl({})).toBeUndefined();
  });

  it('results: failing findings, unknowns as notes, waived ones suppressed', () => {
    const failing = RESULT.findings.filter((f) => f.status === 'fail');
    expect(results.filter((r) => r.properties?.status === 'fail')).toHaveLength(failing.length);
    expect(results.filter((r) => r.suppressions)).toHaveLength(1);
    expect(result('ZT-DATA-002', 'unknown')).toMatchObject({ level: 'note', kind: 'fail' });
    expect(result('ZT-DATA-002', 'unknown').message.text).toMatch(/^Could not decide: DataKey5C5B7F0A/);
    for (const res of results) expect(run.tool.driver.rules?.[res.ruleIndex as number]?.id).toBe(res.ruleId);
    expect(results.some((r) => r.properties?.findingKind === 'expired-waiver')).toBe(true);
    // Under --fail-on-unknown an unknown is a failure of the rule's level.
    const strict = toSarif(RESULT, RULES, { cwd: CWD, failOnUnknown: true }).runs[0].results ?? [];
    expect(strict.find((r) => r.properties?.status === 'unknown')).toMatchObject({
      level: 'error',
      properties: { gating: true },
    });
  });

  it('maps severity to level; every result has a region.startLine and a %SRCROOT%-relative URI', () => {
    const level = (id: string) => result(id, 'fail').level;
    expect(['ZT-DATA-001', 'ZT-DATA-002', 'ZT-DATA-006', 'ZT-IDENTITY-001'].map(level)).toEqual([
      'error',
      'error',
      'warning',
      'note',
    ]);
    for (const r of results) {
      const physical = r.locations?.[0].physicalLocation;
      expect(physical?.region?.startLine).toBeGreaterThanOrEqual(1);
      expect(physical?.artifactLocation?.uriBaseId).toBe('%SRCROOT%');
    }
    const raw = result('ZT-DATA-001', 'fail').locations?.[0];
    expect(raw?.physicalLocation).toEqual({
      artifactLocation: { uri: 'cdk.out/Main.template.json', uriBaseId: '%SRCROOT%' },
      region: { startLine: 12 },
    });
    // No line tracked: line 1.
    expect(result('ZT-IDENTITY-001', 'fail').locations?.[0].physicalLocation?.region?.startLine).toBe(1);
    expect(raw?.logicalLocations?.[0]).toEqual({
      name: 'RawBucket0C3EE094',
      fullyQualifiedName: 'Main/DataLake/Raw/Resource',
      kind: 'resource',
    });
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///work/project/' } });
    expect(run.automationDetails?.id).toBe('zt-check/');
    const tf = result('ZT-DATA-002', 'fail');
    expect(tf.locations?.[0].physicalLocation?.artifactLocation?.uri).toBe('cdktf.out/stacks/azure/cdk.tf.json');
    expect(tf.properties?.remediation).toBe('KeyVaultKey rotationPolicy.automatic');
  });

  it('--srcroot: URIs relative to it; files outside it get an absolute file: URI', () => {
    const sub = toSarif(RESULT, RULES, { cwd: CWD, srcroot: `${CWD}/cdk.out` }).runs[0];
    const uris = new Set((sub.results ?? []).map((r) => r.locations?.[0].physicalLocation?.artifactLocation?.uri));
    expect(uris).toEqual(new Set(['Main.template.json', 'file:///work/project/cdktf.out/stacks/azure/cdk.tf.json']));
    expect(validate({ ...log, runs: [sub] })).toBe(true);
  });

  it('records a waived finding as a suppressed result, and every waiver with its state in run properties', () => {
    const waived = results.find((r) => r.suppressions);
    expect(waived?.ruleId).toBe('ZT-DATA-006');
    expect(waived?.suppressions).toEqual([
      expect.objectContaining({
        kind: 'inSource',
        status: 'accepted',
        justification: expect.stringContaining('cannot log to itself'),
      }),
    ]);
    const waivers = run.properties?.waivers as { ruleId: string; state: string; file: string }[];
    expect(waivers.map((w) => [w.ruleId, w.state])).toEqual([
      ['ZT-DATA-001', 'unused'],
      ['ZT-DATA-002', 'expired'],
      ['ZT-DATA-006', 'applied'],
      ['ZT-DATA-009', 'unmatched'],
      ['ZT-NETWORK-001', 'not-selected'],
    ]);
    expect(waivers[0].file).toBe('cdk.out/Main.template.json');
  });

  it('lists uncovered types and skipped inputs in run properties; skipped inputs also as notifications', () => {
    expect(run.properties?.uncovered).toEqual([
      { type: 'AWS::RDS::DBInstance', count: 2 },
      { type: 'azurerm_redis_cache', count: 1 },
    ]);
    expect(run.properties?.skipped).toEqual([
      { path: 'broken.template.json', reason: 'malformed JSON (Unexpected end of input)' },
    ]);
    expect(run.invocations?.[0].toolExecutionNotifications).toEqual([
      expect.objectContaining({ level: 'warning', descriptor: { id: 'input-skipped' } }),
    ]);
  });

  it('fingerprints: stable across checkouts, unique per file for the same logical id', () => {
    const elsewhere = relocate(RESULT, CWD, '/ci/runner/checkout');
    const moved = toSarif(elsewhere, RULES, { cwd: '/ci/runner/checkout' }).runs[0].results ?? [];
    expect(moved.map((r) => r.partialFingerprints)).toEqual(results.map((r) => r.partialFingerprints));
    const all = results.map((r) => r.partialFingerprints?.['ztFinding/v2']);
    expect(new Set(all).size).toBe(all.length);
    // Two templates with the same logical id and the same failure.
    const raw = RESULT.findings.find((f) => f.status === 'fail' && f.ruleId === 'ZT-DATA-001') as Finding;
    const twin: Finding = { ...raw, source: { ...raw.source, file: CFN_FILE.replace('Main', 'Other') } };
    const pair = toSarif({ ...RESULT, findings: [raw, twin] }, RULES, { cwd: CWD }).runs[0].results ?? [];
    expect(pair).toHaveLength(2);
    expect(pair[0].partialFingerprints).not.toEqual(pair[1].partialFingerprints);
  });

  it("stays within GitHub's results per run: keeps the gating, most severe results and says so", () => {
    const capped = toSarif(RESULT, RULES, { cwd: CWD, maxSarifResults: 3 }).runs[0];
    expect(capped.results).toHaveLength(3);
    // The two critical failures and the high one; the critical unknown (not gating) ranks below them.
    expect(capped.results?.map((r) => [r.properties?.severity, r.properties?.status]).sort()).toEqual([
      ['critical', 'fail'],
      ['critical', 'fail'],
      ['high', 'fail'],
    ]);
    expect(capped.properties?.truncated).toEqual({ results: 7, kept: 3, omitted: 4 });
    expect(capped.invocations?.[0].toolExecutionNotifications?.[0]).toMatchObject({
      level: 'warning',
      descriptor: { id: 'results-truncated' },
      message: { text: expect.stringContaining('4 of 7 results omitted') },
    });
    expect(validate({ ...log, runs: [capped] })).toBe(true);
  });
});
