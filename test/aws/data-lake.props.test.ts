import { App, Stack } from 'aws-cdk-lib';
import { SecureDataLake, SecureDataLakeProps } from '../../lib/aws/data-lake';
import { resolveConfig } from '../../lib/core/config';
import { BlueprintConfigError } from '../../lib/core/errors';
import { AwsPlatformStack } from '../../stacks/aws-platform-stack';

// Validation happens in the constructor: nothing here is synthesized.
const stack = new Stack(new App(), 'Props');
let n = 0;
const build = (props: SecureDataLakeProps) => () => new SecureDataLake(stack, `Lake${n++}`, props);

/** Asserts the error is a BlueprintConfigError whose prop is exactly `prop` and whose message names it. */
function expectPropError(fn: () => unknown, prop: string, message?: RegExp): void {
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(BlueprintConfigError);
  expect((error as BlueprintConfigError).prop).toBe(prop);
  expect((error as Error).message).toContain(`Invalid ${prop}:`);
  if (message) expect((error as Error).message).toMatch(message);
}

describe('SecureDataLake props validation', () => {
  test.each([
    ['upper case', ['raw', 'Curated'], 1],
    ['underscore', ['raw_data'], 0],
    ['leading digit', ['raw', 'features', '1st'], 2],
    ['trailing hyphen', ['raw-'], 0],
    ['double hyphen', ['raw--x'], 0],
    ['too long', ['a'.repeat(25)], 0],
    ['empty string', [''], 0],
    ['single character', ['r'], 0],
  ])('bad zone name (%s) names the zone index', (_label, zones, index) => {
    expectPropError(build({ zones }), `SecureDataLake.zones[${index}]`, /lower-case letters/);
  });

  test('a non-string zone is rejected with its index', () => {
    expectPropError(build({ zones: ['raw', 42 as unknown as string] }), 'SecureDataLake.zones[1]');
  });

  test('empty zones', () => {
    expectPropError(build({ zones: [] }), 'SecureDataLake.zones', /non-empty list/);
  });

  test('duplicate zones', () => {
    expectPropError(
      build({ zones: ['raw', 'curated', 'raw'] }),
      'SecureDataLake.zones',
      /unique entries.*duplicate.*raw/,
    );
  });

  test.each([0, -1, 3651, 1.5, Number.NaN])('retentionDays %p is out of range', (retentionDays) => {
    expectPropError(build({ retentionDays }), 'SecureDataLake.retentionDays', /integer from 1 to 3650/);
  });

  test('retentionDays at both bounds is accepted', () => {
    expect(build({ retentionDays: 1 })().retentionDays).toBe(1);
    expect(build({ retentionDays: 3650 })().retentionDays).toBe(3650);
  });

  test('bad classification lists the accepted values', () => {
    expectPropError(
      build({ classification: 'secret' as never }),
      'SecureDataLake.classification',
      /public, internal, confidential, restricted.*"secret"/,
    );
  });

  test.each([
    ['owner', { owner: '' }],
    ['owner', { owner: 'team<script>' }],
    ['lineage', { lineage: ' leading-space' }],
    ['lineage', { lineage: 'x'.repeat(257) }],
    ['project', { project: 'My Project' }],
    ['environment', { environment: 'PROD' }],
  ])('bad %s', (prop, props) => {
    expectPropError(build(props as SecureDataLakeProps), `SecureDataLake.${prop}`);
  });

  test('objectLock must be a boolean', () => {
    expectPropError(build({ objectLock: 'yes' as unknown as boolean }), 'SecureDataLake.objectLock');
  });

  test('valid custom props are accepted as given', () => {
    const lake = build({ zones: ['landing', 'gold-v2'], retentionDays: 30, classification: 'internal' })();
    expect(lake.zones).toEqual(['landing', 'gold-v2']);
    expect(lake.classification).toBe('internal');
    expect(lake.objectLockEnabled).toBe(false);
  });

  test('the reference stack validates the config name and environment', () => {
    const config = resolveConfig({ name: 'Bad_Name' });
    expectPropError(() => new AwsPlatformStack(new App(), 'S', { config }), 'BlueprintConfig.name');
    const badEnv = resolveConfig({ environment: 'prod!' });
    expectPropError(() => new AwsPlatformStack(new App(), 'S', { config: badEnv }), 'BlueprintConfig.environment');
  });

  test('the reference stack passes config.dataLake errors through with the data-lake prop name', () => {
    const config = resolveConfig({ dataLake: { zones: ['raw', 'raw'] } });
    expectPropError(() => new AwsPlatformStack(new App(), 'S', { config }), 'SecureDataLake.zones', /unique/);
  });
});
