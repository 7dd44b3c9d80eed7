import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { render } from '../../policies/report';
import { CWD, NASTY, RESULT, RULES } from './fixture';

type Node = Record<string, unknown>;
const list = (x: unknown): Node[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]) as Node[];

describe('JUnit report', () => {
  const xml = render(RESULT, RULES, 'junit', { cwd: CWD });
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml) as Node;
  const root = doc.testsuites as Node;
  const suites = list(root.testsuite);
  const suite = (id: string) => suites.find((s) => s.name === id) as Node;
  const cases = (id: string) => list(suite(id).testcase);

  it('is well-formed XML', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    // Sanity check of the validator itself.
    expect(XMLValidator.validate('<a><b></a>')).not.toBe(true);
  });

  it('has one testsuite per rule and one testcase per (rule, resource)', () => {
    expect(suites.map((s) => s.name)).toEqual(['ZT-DATA-001', 'ZT-DATA-002', 'ZT-DATA-006', 'ZT-IDENTITY-001']);
    expect(cases('ZT-DATA-001')).toHaveLength(3);
    // The key-vault key's failing check and its expired waiver are one testcase.
    expect(cases('ZT-DATA-002')).toHaveLength(2);
    expect(cases('ZT-DATA-006')).toHaveLength(2);
    expect(cases('ZT-IDENTITY-001')).toHaveLength(2);
    expect(root).toMatchObject({ tests: '9', failures: '4', skipped: '3', errors: '0' });
    expect(suite('ZT-DATA-002')).toMatchObject({ tests: '2', failures: '1', skipped: '1' });
  });

  it('names cases by rule (classname) and file#address, with failure / skipped as the status says', () => {
    const raw = cases('ZT-DATA-001').find((c) => c.name === 'cdk.out/Main.template.json#RawBucket0C3EE094') as Node;
    expect(raw.classname).toBe('ZT-DATA-001');
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

  it('escapes XML metacharacters and keeps the text intact', () => {
    const raw = cases('ZT-DATA-001').find((c) => c.failure) as Node;
    const failure = raw.failure as Node;
    // The control character is not representable in XML 1.0 and is replaced; the rest survives.
    const expected = NASTY.replace('\u0007', '\uFFFD');
    expect(
      new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', processEntities: true }).parse(xml),
    ).toBeDefined();
    expect(decode(String(failure.message))).toBe(expected);
    expect(xml).not.toContain('<Deny>');
    expect(xml).not.toContain('\u0007');
  });
});

/** fast-xml-parser leaves numeric character references in attributes; decode them for comparison. */
function decode(s: string): string {
  return s.replace(/&#(\d+);/g, (_m, n: string) => String.fromCharCode(Number(n)));
}
