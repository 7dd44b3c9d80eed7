import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { render } from '../../policies/report';
import { CWD, HOSTILE, NASTY, NOW, RESULT, RULES } from './fixture';

type Node = Record<string, unknown>;
const list = (x: unknown): Node[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]) as Node[];
const parse = (xml: string) =>
  new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseAttributeValue: false }).parse(xml) as Node;

describe('JUnit report', () => {
  it('refuses a result that only counted its passing findings (it lists every finding)', () => {
    const counted = { ...RESULT, findingsListed: 'actionable' as const };
    expect(() => render(counted, RULES, 'junit', { cwd: CWD })).toThrow(/lists every finding/);
  });

  const xml = render(RESULT, RULES, 'junit', { cwd: CWD, now: NOW });
  const root = parse(xml).testsuites as Node;
  const suites = list(root.testsuite);
  const suite = (id: string) => suites.find((s) => s.name === id) as Node;
  const cases = (id: string) => list(suite(id).testcase);
  const props = (id: string) => list((suite(id).properties as Node).property);

  it('is well-formed XML', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    // Sanity check of the validator itself.
    expect(XMLValidator.validate('<a><b></a>')).not.toBe(true);
  });

  it('has one testsuite per rule with findings, one testcase per (rule, resource), and a run suite', () => {
    expect(suites.map((s) => s.name)).toEqual([
      'ZT-DATA-001',
      'ZT-DATA-002',
      'ZT-DATA-006',
      'ZT-IDENTITY-001',
      'zt-check',
    ]);
    expect(cases('ZT-DATA-001')).toHaveLength(3);
    // The key-vault key's failing check and its expired waiver are one testcase.
    expect(cases('ZT-DATA-002')).toHaveLength(2);
    expect(cases('ZT-DATA-006')).toHaveLength(2);
    expect(cases('ZT-IDENTITY-001')).toHaveLength(2);
    // Run suite: 2 uncovered types (skipped), 1 skipped input (error), 1 "loaded" case.
    expect(suite('zt-check')).toMatchObject({ tests: '4', failures: '0', errors: '1', skipped: '2' });
    expect(root).toMatchObject({ tests: '13', failures: '4', skipped: '5', errors: '1' });
    expect(suite('ZT-DATA-002')).toMatchObject({ tests: '2', failures: '1', skipped: '1' });
  });

  it('never writes an empty testsuite: a rule without findings has none', () => {
    const onlyOne = { ...RESULT, findings: RESULT.findings.filter((f) => f.ruleId === 'ZT-DATA-006') };
    const few = list((parse(render(onlyOne, RULES, 'junit', { cwd: CWD })).testsuites as Node).testsuite);
    expect(few.map((s) => s.name)).toEqual(['ZT-DATA-006', 'zt-check']);
    const empty = { ...RESULT, findings: [], waivers: [], coverage: undefined, skipped: undefined };
    const bare = list((parse(render(empty, RULES, 'junit')).testsuites as Node).testsuite);
    expect(bare).toHaveLength(1);
    expect(list(bare[0].testcase)).toHaveLength(1);
  });

  it('has timestamps and file attributes', () => {
    expect(root.timestamp).toBe('2025-06-01T12:00:00');
    for (const s of suites) expect(s.timestamp).toBe('2025-06-01T12:00:00');
    const raw = cases('ZT-DATA-001').find((c) => c.name === 'cdk.out/Main.template.json#RawBucket0C3EE094') as Node;
    expect(raw).toMatchObject({ classname: 'ZT-DATA-001', file: 'cdk.out/Main.template.json', line: '12' });
    for (const id of ['ZT-DATA-001', 'ZT-DATA-002', 'ZT-DATA-006', 'ZT-IDENTITY-001'])
      for (const c of cases(id)) expect(c.file).toMatch(/^cdk(tf)?\.out\//);
  });

  it('names cases by rule (classname) and file#address, with failure / skipped as the status says', () => {
    const raw = cases('ZT-DATA-001').find((c) => c.name === 'cdk.out/Main.template.json#RawBucket0C3EE094') as Node;
    expect(raw.failure).toBeDefined();
    const passing = cases('ZT-DATA-001').filter((c) => !c.failure && !c.skipped);
    expect(passing).toHaveLength(2);
    const waived = cases('ZT-DATA-006').find((c) => c.skipped) as Node;
    expect((waived.skipped as Node).message).toMatch(/^waived: The access-log bucket cannot log to itself/);
    const unknown = cases('ZT-DATA-002').find((c) => c.skipped) as Node;
    expect((unknown.skipped as Node).message).toBe('unknown: EnableKeyRotation comes from parameter RotateKeys');
    const na = cases('ZT-IDENTITY-001').find((c) => c.skipped) as Node;
    expect((na.skipped as Node).message).toBe('not applicable: not a bucket');
    const expired = cases('ZT-DATA-002').find((c) => c.failure) as Node;
    expect(expired.name).toBe('cdktf.out/stacks/azure/cdk.tf.json#azurerm_key_vault_key.lake');
    expect(String((expired.failure as Node)['#text'])).toContain('expired waiver (2024-01-31)');
  });

  it('--fail-on-unknown: the unknown is a failure, as in the exit code; --fail-on-uncovered likewise', () => {
    const strict = parse(render(RESULT, RULES, 'junit', { cwd: CWD, failOnUnknown: true, failOnUncovered: true }));
    const s = list((strict.testsuites as Node).testsuite);
    const key = list(s.find((x) => x.name === 'ZT-DATA-002')?.testcase).find((c) =>
      String(c.name).endsWith('#DataKey5C5B7F0A'),
    ) as Node;
    expect((key.failure as Node).type).toBe('unknown');
    expect(s.find((x) => x.name === 'zt-check')).toMatchObject({ failures: '2', skipped: '0' });
  });

  it('lists every waiver with its state, the uncovered types and the skipped inputs as properties', () => {
    const p = props('zt-check').map((x) => [x.name, x.value]);
    expect(p.filter(([n]) => String(n).startsWith('waiver:')).map(([n]) => n)).toEqual([
      'waiver:unused',
      'waiver:expired',
      'waiver:applied',
      'waiver:unmatched',
      'waiver:not-selected',
    ]);
    expect(p).toContainEqual(['uncovered:AWS::RDS::DBInstance', '2']);
    expect(p).toContainEqual(['skipped:broken.template.json', 'malformed JSON (Unexpected end of input)']);
  });

  it('escapes XML metacharacters and neutralises control, bidi and zero-width characters', () => {
    const raw = cases('ZT-DATA-001').find((c) => c.failure) as Node;
    expect(String((raw.failure as Node).message)).toBe(NASTY.replace('\n', '\\n').replace('\u0007', '\\u{7}'));
    expect(xml).toContain('Policy &lt;Deny&gt; &amp; &quot;quotes&quot;');
    expect(xml).not.toContain('<Deny>');
    expect(xml).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e]/);
    expect(xml).not.toContain('&#10;');
    const unused = props('zt-check').find((x) => x.name === 'waiver:unused') as Node;
    expect(HOSTILE).toContain('\n');
    expect(String(unused.value)).toContain('Accepted risk.\\n\\rPASSED: 0 failing\\e[2K');
  });
});
