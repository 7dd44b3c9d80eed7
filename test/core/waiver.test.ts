import {
  checkWaiver,
  formatProblem,
  isIsoDate,
  MIN_REASON_LENGTH,
  reasonProblems,
  visibleLength,
  type WaiverProblem,
} from '../../lib/core/waiver';

/** The waiver contract shared by constructs and engine: problems are returned, never thrown. */

const REASON = 'The access-log bucket cannot log into itself.';
const fieldsOf = (value: unknown): string[] => (checkWaiver(value).problems ?? []).map((p) => p.field);

describe('checkWaiver', () => {
  test('a well-formed waiver is normalized (reason trimmed, expiry kept only when given)', () => {
    expect(checkWaiver({ ruleId: 'ZT-DATA-006', reason: `  ${REASON}\n`, expires: '2028-02-29' })).toEqual({
      waiver: { ruleId: 'ZT-DATA-006', reason: REASON, expires: '2028-02-29' },
    });
    expect(checkWaiver({ ruleId: 'ZT-DATA-006', reason: REASON }).waiver).toEqual({
      ruleId: 'ZT-DATA-006',
      reason: REASON,
    });
  });

  test('every problem is returned with field, expectation and the value given', () => {
    const { problems } = checkWaiver({ ruleId: 'DATA-6', reason: 'n/a', expires: '2027-02-30' }, 'zt:waivers[2]');
    expect(problems).toEqual<WaiverProblem[]>([
      { field: 'zt:waivers[2].ruleId', expected: 'a rule id like ZT-DATA-001', got: 'DATA-6' },
      {
        field: 'zt:waivers[2].reason',
        expected: `a reason of at least ${MIN_REASON_LENGTH} visible characters`,
        got: 'n/a',
      },
      { field: 'zt:waivers[2].expires', expected: 'an ISO date YYYY-MM-DD', got: '2027-02-30' },
    ]);
  });

  test.each([null, 'ZT-DATA-001', 7, [{ ruleId: 'ZT-DATA-001', reason: REASON }]])('%p is not a waiver', (value) => {
    expect(fieldsOf(value)).toEqual(['waiver']);
  });

  test('a misspelt field is a problem: `expiry` would leave a waiver that never expires', () => {
    expect(fieldsOf({ ruleId: 'ZT-DATA-001', reason: REASON, expiry: '2020-01-01' })).toEqual(['waiver.expiry']);
  });

  test.each([
    ['zero-width spaces', '\u200b'.repeat(40)],
    ['a byte-order mark and word joiners', '\ufeff\u2060'.repeat(20)],
    ['bidi controls', '\u202e\u2066\u2069'.repeat(10)],
    ['control characters and escape codes', '\u001b\u0007\u0000\u009b'.repeat(10)],
    ['Unicode spaces and separators', '\u00a0\u2003\u3000\u2028\u2029'.repeat(10)],
    ['Hangul fillers and the blank Braille pattern', '\u3164\uffa0\u2800'.repeat(10)],
    ['combining marks on nothing', '\u0301\u0308'.repeat(20)],
    ['nineteen letters padded with invisibles', `${'x'.repeat(19)}${'\u200b \t'.repeat(20)}`],
  ])('a reason of %s does not count', (_, reason) => {
    expect(fieldsOf({ ruleId: 'ZT-DATA-001', reason })).toEqual(['waiver.reason']);
  });

  test('visible characters count once each, whatever their script or encoding', () => {
    expect(visibleLength('Schlüssel wird jährlich erneuert')).toBe(29);
    expect(visibleLength('e\u0301')).toBe(1); // é written with a combining accent
    expect(visibleLength('🔑'.repeat(3))).toBe(3); // astral characters are one each, not two
    expect(reasonProblems('鍵は毎年HSMで更新される運用です、監査済みの例外である', 'r')).toEqual([]);
  });

  test.each(['2024-02-30', '2023-02-29', '2024-13-01', '2024-00-10', '2024-1-01', '20240101', '2024-01-01T00:00:00Z'])(
    'impossible or malformed date %s is a problem, not rolled over',
    (expires) => {
      expect(isIsoDate(expires)).toBe(false);
      expect(fieldsOf({ ruleId: 'ZT-DATA-001', reason: REASON, expires })).toEqual(['waiver.expires']);
    },
  );

  test('a leap day is a real date', () => expect(isIsoDate('2024-02-29')).toBe(true));
});

describe('formatProblem', () => {
  test('quotes the value on one line, escaping invisible characters and shortening long values', () => {
    const line = formatProblem({ field: 'f', expected: 'e', got: `\u001b[2K\u200bPASSED\n${'x'.repeat(200)}` });
    expect(line).toMatch(/^f: expected e \(got "\\u001b\[2K\\u200bPASSED\\nx+\.\.\. \(\d+ characters\)\)$/);
    expect(line).not.toMatch(/[\u0000-\u001f\u200b]/);
    expect(formatProblem({ field: 'f', expected: 'e', got: undefined })).toBe('f: expected e');
  });
});
