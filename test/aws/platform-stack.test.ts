import { App } from 'aws-cdk-lib';
import { DEFAULT_CONFIG } from '../../lib/core/config';
import { BlueprintConfigError } from '../../lib/core/errors';
import { configFromContext, CONTEXT_KEYS } from '../../stacks/aws-context';
import { AwsPlatformStack, awsPlatformStackName } from '../../stacks/aws-platform-stack';

// Configuration and stack wiring only: construction, no synthesis.
describe('AWS app configuration from CDK context', () => {
  test('no context: the defaults', () => {
    expect(configFromContext(new App())).toEqual(DEFAULT_CONFIG);
  });

  test('context keys override the defaults (strings as given by `cdk synth -c`)', () => {
    const app = new App({
      context: {
        [CONTEXT_KEYS.name]: 'acme',
        [CONTEXT_KEYS.environment]: 'prod',
        [CONTEXT_KEYS.owner]: 'data-team',
        [CONTEXT_KEYS.classification]: 'restricted',
        [CONTEXT_KEYS.zones]: 'landing, gold',
        [CONTEXT_KEYS.retentionDays]: '365',
        [CONTEXT_KEYS.objectLock]: 'false',
        [CONTEXT_KEYS.account]: '123456789012',
        [CONTEXT_KEYS.region]: 'eu-west-1',
      },
    });
    const config = configFromContext(app);
    expect(config).toEqual({
      ...DEFAULT_CONFIG,
      name: 'acme',
      environment: 'prod',
      owner: 'data-team',
      classification: 'restricted',
      aws: { account: '123456789012', region: 'eu-west-1' },
      dataLake: { zones: ['landing', 'gold'], retentionDays: 365, objectLock: false },
    });
    const stack = new AwsPlatformStack(app, awsPlatformStackName(config), { config });
    expect(stack.stackName).toBe('acme-prod-platform');
    expect(stack.account).toBe('123456789012');
    expect(stack.region).toBe('eu-west-1');
    expect(stack.dataLake.zones).toEqual(['landing', 'gold']);
    expect(stack.dataLake.objectLockEnabled).toBe(false);
  });

  test('cdk.json-style typed values are accepted too', () => {
    const app = new App({ context: { [CONTEXT_KEYS.zones]: ['raw'], [CONTEXT_KEYS.retentionDays]: 30 } });
    expect(configFromContext(app).dataLake).toEqual({ zones: ['raw'], retentionDays: 30 });
  });

  test.each([
    [CONTEXT_KEYS.retentionDays, 'ninety', /context ztai:retentionDays: expected an integer/],
    [CONTEXT_KEYS.objectLock, 'yes', /context ztai:objectLock: expected true or false/],
  ])('malformed %s is rejected naming the context key', (key, value, message) => {
    const app = new App({ context: { [key]: value } });
    expect(() => configFromContext(app)).toThrow(BlueprintConfigError);
    expect(() => configFromContext(app)).toThrow(message);
  });

  test('the default stack is environment-agnostic and named <name>-<environment>-platform', () => {
    const app = new App();
    const config = configFromContext(app);
    const stack = new AwsPlatformStack(app, awsPlatformStackName(config), { config });
    expect(stack.stackName).toBe('ztai-dev-platform');
    expect(stack.environment).toBe('aws://unknown-account/unknown-region');
    expect(stack.dataLake.classification).toBe('confidential');
  });
});
