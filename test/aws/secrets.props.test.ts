import { App, Stack } from 'aws-cdk-lib';
import { PlatformSecrets, PlatformSecretsProps } from '../../lib/aws/secrets';
import { BlueprintConfigError } from '../../lib/core/errors';
import { thrown } from '../support/thrown';
import { networkFixture, readerRole } from './secrets-fixture';

// Validation happens in the constructor: nothing here is synthesized.
const stack = new Stack(new App(), 'Props');
const net = networkFixture(stack);
const base: PlatformSecretsProps = { vpc: net.vpc, secretsManagerEndpoint: net.endpoint, secrets: [{ name: 'token' }] };
let n = 0;
const build = (overrides: Partial<PlatformSecretsProps>) => () =>
  new PlatformSecrets(stack, `S${n++}`, { ...base, ...overrides } as PlatformSecretsProps);
const propOf = (fn: () => unknown) => thrown(BlueprintConfigError, fn).prop;

describe('PlatformSecrets props validation', () => {
  test.each([
    ['no secrets', { secrets: [] }, 'PlatformSecrets.secrets'],
    ['bad name', { secrets: [{ name: 'has space' }] }, 'PlatformSecrets.secrets[0].name'],
    ['name starting with a digit', { secrets: [{ name: 'ok' }, { name: '1x' }] }, 'PlatformSecrets.secrets[1].name'],
    ['duplicate names (case-insensitive)', { secrets: [{ name: 'Api' }, { name: 'api' }] }, 'PlatformSecrets.secrets'],
    ['rotation 0 days', { secrets: [{ name: 'a', rotationDays: 0 }] }, 'PlatformSecrets.secrets[0].rotationDays'],
    [
      'rotation over a year',
      { secrets: [{ name: 'a', rotationDays: 366 }] },
      'PlatformSecrets.secrets[0].rotationDays',
    ],
    ['short generated values', { passwordLength: 19 }, 'PlatformSecrets.passwordLength'],
    ['log retention CloudWatch does not offer', { logRetentionDays: 2 }, 'PlatformSecrets.logRetentionDays'],
    ['no VPC', { vpc: undefined }, 'PlatformSecrets.vpc'],
    ['no endpoint', { secretsManagerEndpoint: undefined }, 'PlatformSecrets.secretsManagerEndpoint'],
    ['bad project', { project: 'Bad_Name' }, 'PlatformSecrets.project'],
    ['no concurrency ceiling', { rotationConcurrency: 0 }, 'PlatformSecrets.rotationConcurrency'],
    ['a ceiling above the cap', { rotationConcurrency: 101 }, 'PlatformSecrets.rotationConcurrency'],
  ])('%s is rejected naming the prop', (_label, overrides, prop) => {
    expect(propOf(build(overrides as Partial<PlatformSecretsProps>))).toBe(prop);
  });

  test('the message says what was expected', () => {
    expect(thrown(BlueprintConfigError, build({ secrets: [{ name: 'a', rotationDays: 0 }] })).message).toBe(
      'Invalid PlatformSecrets.secrets[0].rotationDays: expected an integer from 1 to 365 (got 0)',
    );
  });

  test('grantRead names an unknown secret and the known ones', () => {
    const secrets = build({ secrets: [{ name: 'a' }, { name: 'b' }] })();
    const e = thrown(BlueprintConfigError, () => secrets.grantRead(readerRole(stack, 'R'), 'c'));
    expect(e.prop).toBe('PlatformSecrets.grantRead.name');
    expect(e.message).toContain('one of a, b');
  });

  test('the default rotation interval is 30 days', () => {
    const s = build({})();
    expect(s.rotationSchedules.token.rotationRules).toEqual({ automaticallyAfterDays: 30 });
  });
});
