import {
  MAX_POLICY_CHARS,
  escapePolicyExpressions,
  parseApimPolicy,
} from '../../policies/rules/shared/apim-policy-xml';

/** The APIM policy reader: rawxml expressions, bounds and malformed input never crash. */
describe('APIM policy XML', () => {
  test('escapes markup inside policy expressions only', () => {
    const xml = '<set-body>@{ return a < b && c > d ? "}" : "x"; }</set-body><x a="@(1 < 2)" />';
    expect(escapePolicyExpressions(xml)).toBe(
      '<set-body>@{ return a &lt; b &amp;&amp; c &gt; d ? "}" : "x"; }</set-body><x a="@(1 &lt; 2)" />',
    );
  });

  test('comments and CDATA are left as written', () => {
    const xml = "<policies><!-- don't @( --><inbound><![CDATA[@(a<b)]]></inbound></policies>";
    expect(escapePolicyExpressions(xml)).toBe(xml);
    expect(parseApimPolicy(xml).kind).toBe('policy');
  });

  test('over the APIM size limit is refused with the reason', () => {
    const big = `<policies><inbound>${'<base />'.repeat(MAX_POLICY_CHARS / 8)}</inbound></policies>`;
    expect(parseApimPolicy(big)).toEqual({ kind: 'invalid', reason: expect.stringMatching(/limit/) });
  });

  test('deep nesting is refused, not recursed into', () => {
    const deep = `<policies>${'<choose>'.repeat(200)}${'</choose>'.repeat(200)}</policies>`;
    expect(parseApimPolicy(deep).kind).toBe('invalid');
  });

  test.each([
    ['unclosed', '<policies><inbound>'],
    ['two roots', '<policies /><policies />'],
    ['not a policy', '<html />'],
    ['text', 'validate-jwt'],
    ['unterminated expression', '<policies><inbound><set-body>@{ if (a < b) </set-body></inbound></policies>'],
  ])('malformed input (%s) is invalid with a reason', (_name, xml) => {
    const r = parseApimPolicy(xml);
    expect(r.kind).toBe('invalid');
    expect(r.kind === 'invalid' && r.reason.length).toBeGreaterThan(10);
  });
});
