import { App } from 'aws-cdk-lib';
import { DEFAULT_CONFIG } from '../../lib/core/config';
import { BlueprintConfigError } from '../../lib/core/errors';
import { configFromContext, CONTEXT_KEYS } from '../../stacks/aws-context';
import { AwsPlatformStack, awsPlatformStackName } from '../../stacks/aws-platform-stack';
import { thrown } from '../support/thrown';

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

  test('network context keys: CIDR, AZ count or names, endpoints, prefix list, retention', () => {
    const app = new App({
      context: {
        [CONTEXT_KEYS.cidr]: '10.40.0.0/20',
        [CONTEXT_KEYS.subnetPrefix]: '22',
        [CONTEXT_KEYS.availabilityZones]: '3',
        [CONTEXT_KEYS.interfaceEndpoints]: 'sts,kms,ssm',
        [CONTEXT_KEYS.s3PrefixListId]: 'pl-63a5400a',
        [CONTEXT_KEYS.logRetentionDays]: '365',
        // Without ssmmessages and ec2messages there are no SSM-managed GPU nodes.
        [CONTEXT_KEYS.gpuLaunchTemplate]: 'false',
      },
    });
    const config = configFromContext(app);
    expect(config.training.gpuLaunchTemplate).toBe(false);
    expect(config.network).toEqual({
      cidr: '10.40.0.0/20',
      subnetPrefix: 22,
      availabilityZones: 3,
      interfaceEndpoints: ['sts', 'kms', 'ssm'],
      s3PrefixListId: 'pl-63a5400a',
      logRetentionDays: 365,
    });
    const stack = new AwsPlatformStack(app, 'Net', { config });
    expect(stack.network.subnets).toHaveLength(3);
    expect(stack.network.s3PrefixListId).toBe('pl-63a5400a');
    expect(Object.keys(stack.network.interfaceEndpoints)).toEqual(['sts', 'kms', 'ssm']);

    const named = new App({ context: { [CONTEXT_KEYS.availabilityZones]: 'eu-west-1a, eu-west-1b' } });
    expect(configFromContext(named).network.zoneNames).toEqual(['eu-west-1a', 'eu-west-1b']);
  });

  test('the GPU launch template needs the SSM endpoints: an endpoint list without them fails naming the prop', () => {
    const app = new App({ context: { [CONTEXT_KEYS.interfaceEndpoints]: 'sts,kms,ssm' } });
    const e = thrown(
      BlueprintConfigError,
      () => new AwsPlatformStack(app, 'NoSsm', { config: configFromContext(app) }),
    );
    expect(e.prop).toBe('BlueprintConfig.network.interfaceEndpoints');
    expect(e.message).toMatch(/missing ssmmessages, ec2messages/);
  });

  test('a bad network setting fails naming the construct prop', () => {
    const app = new App({ context: { [CONTEXT_KEYS.availabilityZones]: '0' } });
    const config = configFromContext(app);
    expect(() => new AwsPlatformStack(app, 'Bad', { config })).toThrow(
      expect.objectContaining({ name: BlueprintConfigError.name, prop: 'TrainingNetwork.availabilityZones' }),
    );
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
