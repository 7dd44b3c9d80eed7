import { BlueprintConfigError } from '../../lib/core/errors';
import { DEFAULT_CONFIG, resolveConfig } from '../../lib/core/config';
import {
  cidrContains,
  cidrsOverlap,
  DEFAULT_INTERFACE_ENDPOINTS,
  interfaceEndpointCost,
  planSubnets,
  SSM_MANAGED_NODE_ENDPOINTS,
  validateAvailabilityZones,
  validateInterfaceEndpoints,
  validateLogRetention,
  validateNetworkCidr,
  validateSubnets,
} from '../../lib/core/network';
import { thrown } from '../support/thrown';

const errorOf = (fn: () => unknown): BlueprintConfigError => thrown(BlueprintConfigError, fn);

describe('network CIDR', () => {
  test.each(['10.20.0.0/16', '172.16.4.0/22', '192.168.1.0/24'])('%s is accepted', (c) =>
    expect(validateNetworkCidr('Net.cidr', c)).toBe(c),
  );
  test.each([
    ['no prefix', '10.20.0.0'],
    ['a bad octet', '10.300.0.0/16'],
    ['host bits set', '10.20.1.0/16'],
    ['larger than /16', '10.0.0.0/8'],
    ['smaller than /24', '10.20.0.0/26'],
    ['IPv6', 'fd00::/48'],
    ['not a string', 42],
  ])('rejects %s, naming the prop', (_label, bad) => {
    const e = errorOf(() => validateNetworkCidr('Net.cidr', bad));
    expect(e.prop).toBe('Net.cidr');
    expect(e.message).toMatch(/^Invalid Net\.cidr: expected an IPv4 CIDR block/);
  });
});

describe('CIDR arithmetic', () => {
  test('overlap and containment', () => {
    expect(cidrsOverlap('10.0.0.0/24', '10.0.0.128/25')).toBe(true);
    expect(cidrsOverlap('10.0.0.0/24', '10.0.1.0/24')).toBe(false);
    expect(cidrContains('10.0.0.0/16', '10.0.255.0/24')).toBe(true);
    expect(cidrContains('10.0.0.0/16', '10.1.0.0/24')).toBe(false);
  });
});

describe('subnets', () => {
  test('carves consecutive blocks from the start of the network', () => {
    expect(planSubnets('Net', '10.20.0.0/16', 24, ['a', 'b', 'c'])).toEqual([
      { name: 'a', cidr: '10.20.0.0/24' },
      { name: 'b', cidr: '10.20.1.0/24' },
      { name: 'c', cidr: '10.20.2.0/24' },
    ]);
  });

  test('keeps explicit blocks and carves the rest around them', () => {
    expect(planSubnets('Net', '10.20.0.0/16', 24, ['a', 'b'], { a: '10.20.1.0/24' })).toEqual([
      { name: 'a', cidr: '10.20.1.0/24' },
      { name: 'b', cidr: '10.20.0.0/24' },
    ]);
  });

  test('overlapping subnets are rejected naming the later one and the one it overlaps', () => {
    const e = errorOf(() =>
      validateSubnets('Net.subnetCidrs', '10.20.0.0/16', [
        { name: 'training', cidr: '10.20.0.0/23' },
        { name: 'endpoints', cidr: '10.20.1.0/24' },
      ]),
    );
    expect(e.prop).toBe('Net.subnetCidrs.endpoints');
    expect(e.message).toMatch(/does not overlap Net\.subnetCidrs\.training \(10\.20\.0\.0\/23\)/);
  });

  test('a subnet outside the network is rejected', () => {
    const e = errorOf(() => validateSubnets('Net.subnetCidrs', '10.20.0.0/16', [{ name: 'x', cidr: '10.21.0.0/24' }]));
    expect(e.prop).toBe('Net.subnetCidrs.x');
    expect(e.message).toMatch(/inside the network's address space 10\.20\.0\.0\/16/);
  });

  test.each([
    ['larger than the network', '10.20.0.0/15'],
    ['smaller than /28', '10.20.0.0/29'],
    ['malformed', '10.20.0/24'],
  ])('a subnet %s is rejected', (_label, cidr) => {
    expect(errorOf(() => validateSubnets('Net.s', '10.20.0.0/16', [{ name: 'x', cidr }])).prop).toBe('Net.s.x');
  });

  test('a plan that does not fit names subnetPrefix', () => {
    const e = errorOf(() => planSubnets('Net', '10.20.0.0/24', 25, ['a', 'b', 'c']));
    expect(e.prop).toBe('Net.subnetPrefix');
    expect(e.message).toMatch(/room for 3 \/25 subnets in 10\.20\.0\.0\/24/);
  });

  test.each([15, 29, 24.5])('subnetPrefix %p outside the network prefix to /28 is rejected', (prefix) => {
    expect(errorOf(() => planSubnets('Net', '10.20.0.0/16', prefix, ['a'])).prop).toBe('Net.subnetPrefix');
  });
});

describe('availability zones', () => {
  test('a count from 2 to 6', () => {
    expect(validateAvailabilityZones('Net.availabilityZones', 3)).toEqual({ count: 3 });
  });
  test.each([0, 1, 7, 2.5, '2'])('count %p is rejected naming the prop', (n) => {
    const e = errorOf(() => validateAvailabilityZones('Net.availabilityZones', n));
    expect(e.prop).toBe('Net.availabilityZones');
    expect(e.message).toMatch(/an integer from 2 to 6/);
  });
  test('explicit names override the count', () => {
    expect(validateAvailabilityZones('Net.zoneNames', 2, ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'])).toEqual({
      count: 3,
      names: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
    });
  });
  test.each([
    [[], 'Net.zoneNames'],
    [['eu-west-1a'], 'Net.zoneNames.length'],
    [['eu-west-1a', 'eu-west-1a'], 'Net.zoneNames'],
    [['eu-west-1a', 'us-east-1b'], 'Net.zoneNames'],
    [['eu-west-1a', 'euw1-az2'], 'Net.zoneNames[1]'],
  ])('names %p are rejected naming %s', (names, prop) => {
    expect(errorOf(() => validateAvailabilityZones('Net.zoneNames', 2, names as string[])).prop).toBe(prop);
  });
});

describe('interface endpoints and retention', () => {
  test('the defaults are valid and cover what training uses', () => {
    expect(validateInterfaceEndpoints('Net.interfaceEndpoints', DEFAULT_INTERFACE_ENDPOINTS)).toEqual([
      ...DEFAULT_INTERFACE_ENDPOINTS,
    ]);
    expect(DEFAULT_INTERFACE_ENDPOINTS).toEqual(
      expect.arrayContaining(['sagemaker-api', 'sagemaker-runtime', 'sagemaker-studio', 'ecr-api', 'ecr-dkr', 'kms']),
    );
  });
  test('the defaults serve Studio, notebooks and the SSM-managed GPU nodes too', () => {
    expect(DEFAULT_INTERFACE_ENDPOINTS).toEqual(
      expect.arrayContaining(['sagemaker-notebook', ...SSM_MANAGED_NODE_ENDPOINTS]),
    );
    expect(DEFAULT_INTERFACE_ENDPOINTS).toHaveLength(14);
  });
  test('endpoint cost: $0.01 per endpoint per AZ per hour, 730 hours a month', () => {
    expect(interfaceEndpointCost(DEFAULT_INTERFACE_ENDPOINTS.length, 2)).toEqual({ hourly: 0.28, monthly: 204.4 });
    expect(interfaceEndpointCost(1, 1)).toEqual({ hourly: 0.01, monthly: 7.3 });
    expect(interfaceEndpointCost(11, 2)).toEqual({ hourly: 0.22, monthly: 160.6 });
  });
  test.each([
    [[], 'Net.interfaceEndpoints'],
    [['kms', 'kms'], 'Net.interfaceEndpoints'],
    [['kms', 's3'], 'Net.interfaceEndpoints[1]'],
    ['kms', 'Net.interfaceEndpoints'],
  ])('endpoints %p are rejected naming %s', (names, prop) => {
    expect(errorOf(() => validateInterfaceEndpoints('Net.interfaceEndpoints', names)).prop).toBe(prop);
  });
  test.each([30, 91, 731, '90'])('retention %p is rejected', (days) => {
    expect(errorOf(() => validateLogRetention('Net.logRetentionDays', days)).message).toMatch(/one of 90, 120/);
  });
  test('retention 365 is accepted', () => expect(validateLogRetention('r', 365)).toBe(365));
});

describe('BlueprintConfig.network', () => {
  test('defaults: 10.20.0.0/16, /24 subnets, 2 AZs, the default endpoints, 90 days', () => {
    expect(DEFAULT_CONFIG.network).toEqual({
      cidr: '10.20.0.0/16',
      subnetPrefix: 24,
      availabilityZones: 2,
      interfaceEndpoints: DEFAULT_INTERFACE_ENDPOINTS,
      logRetentionDays: 90,
    });
  });
  test('overrides merge into the section', () => {
    const c = resolveConfig({ network: { cidr: '10.30.0.0/20', availabilityZones: 3 } });
    expect(c.network).toEqual({ ...DEFAULT_CONFIG.network, cidr: '10.30.0.0/20', availabilityZones: 3 });
  });
});
