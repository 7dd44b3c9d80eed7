import { BlueprintConfigError } from '../../lib/core/errors';
import { resolveConfig, DEFAULT_CONFIG } from '../../lib/core/config';
import {
  subdivideCidr,
  validateCidr,
  validateIntRange,
  validateIsoDate,
  validateName,
  validateNonEmpty,
  validateUnique,
} from '../../lib/core/validate';
import { validateWaiver } from '../../lib/core/validate';
import { resolveDataLakeCommon } from '../../lib/core/data-lake';
import { thrown } from '../support/thrown';

const errorOf = (fn: () => unknown): BlueprintConfigError => thrown(BlueprintConfigError, fn);

describe('validators name the prop and the expectation', () => {
  test.each(['raw', 'curated-2', 'ab'])('name %s is accepted', (n) => expect(validateName('p', n)).toBe(n));
  test.each(['', 'A', 'Raw', '1raw', 'raw-', 'ra--w', 'x'.repeat(25), 7])('name %p is rejected', (n) => {
    const e = errorOf(() => validateName('Lake.zones[0]', n));
    expect(e.prop).toBe('Lake.zones[0]');
    expect(e.message).toMatch(/^Invalid Lake\.zones\[0\]: expected 2-24 lower-case/);
  });

  test('CIDR: accepts aligned blocks, rejects bad text, prefixes and host bits', () => {
    expect(validateCidr('vnetCidr', '10.20.0.0/16')).toBe('10.20.0.0/16');
    for (const bad of ['10.20.0.0', '10.20.0.0/33', '300.1.1.0/24', '10.20.0.1/16', '10.0.0.0/4', 42]) {
      expect(errorOf(() => validateCidr('vnetCidr', bad)).prop).toBe('vnetCidr');
    }
    expect(errorOf(() => validateCidr('vnetCidr', '10.20.0.1/16')).message).toMatch(/host bits/);
  });

  test('subdivideCidr carves consecutive blocks and refuses when there is no room', () => {
    expect(subdivideCidr('10.20.0.0/16', 24, 3)).toEqual(['10.20.0.0/24', '10.20.1.0/24', '10.20.2.0/24']);
    expect(() => subdivideCidr('10.20.0.0/24', 25, 3)).toThrow(BlueprintConfigError);
  });

  test('ranges, lists and uniqueness', () => {
    expect(validateIntRange('days', 90, 1, 365)).toBe(90);
    expect(errorOf(() => validateIntRange('days', 0, 1, 365)).message).toContain('an integer from 1 to 365');
    expect(() => validateIntRange('days', 1.5, 1, 365)).toThrow(BlueprintConfigError);
    expect(() => validateNonEmpty('zones', [])).toThrow(/zones: expected a non-empty list/);
    expect(() => validateUnique('zones', ['a', 'b', 'a'])).toThrow(/unique entries, no duplicates \(got "a"\)/);
  });

  test('ISO dates must be real calendar dates', () => {
    expect(validateIsoDate('expires', '2024-02-29')).toBe('2024-02-29');
    for (const bad of ['2024-02-30', '2023-02-29', '2024-13-01', '24-01-01', 'tomorrow']) {
      expect(() => validateIsoDate('expires', bad)).toThrow(BlueprintConfigError);
    }
  });
});

describe('waivers', () => {
  const reason = 'The access-log bucket cannot log to itself.';
  test('a complete waiver is normalized', () => {
    expect(validateWaiver({ ruleId: 'ZT-DATA-006', reason: `  ${reason} `, expires: '2027-01-31' })).toEqual({
      ruleId: 'ZT-DATA-006',
      reason,
      expires: '2027-01-31',
    });
  });
  test.each([
    [{ ruleId: 'DATA-6', reason }, 'waiver.ruleId'],
    [{ ruleId: 'ZT-DATA-006', reason: 'because' }, 'waiver.reason'],
    [{ ruleId: 'ZT-DATA-006', reason, expires: '2027-02-30' }, 'waiver.expires'],
  ])('%p is rejected naming %s', (w, prop) => {
    expect(errorOf(() => validateWaiver(w)).prop).toBe(prop);
  });
});

describe('configuration', () => {
  test('defaults work and overrides merge per section', () => {
    const c = resolveConfig({ environment: 'prod', azure: { location: 'northeurope' } });
    expect(c.environment).toBe('prod');
    expect(c.azure.location).toBe('northeurope');
    expect(c.network.cidr).toBe(DEFAULT_CONFIG.network.cidr);
    expect(c.dataLake).toEqual(DEFAULT_CONFIG.dataLake);
  });
});

describe('shared data-lake props', () => {
  const limits = { maxRetentionDays: 365 };
  test('defaults are the compliant choice and restricted data gets object lock', () => {
    const r = resolveDataLakeCommon('Lake', {}, limits);
    expect(r).toMatchObject({ zones: ['raw', 'curated', 'features'], retentionDays: 90, objectLock: false });
    expect(resolveDataLakeCommon('Lake', { classification: 'restricted' }, limits).objectLock).toBe(true);
  });
  test.each([
    [{ zones: ['ab'] }, 'Lake.zones[0]'],
    [{ zones: [] }, 'Lake.zones'],
    [{ retentionDays: 366 }, 'Lake.retentionDays'],
    [{ classification: 'secret' as never }, 'Lake.classification'],
    [{ owner: '' }, 'Lake.owner'],
  ])('%p fails naming %s', (props, prop) => {
    expect(errorOf(() => resolveDataLakeCommon('Lake', props, limits)).prop).toBe(prop);
  });
});
