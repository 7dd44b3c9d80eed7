import { BlueprintConfigError } from './errors';
import { validateCidr, validateIntRange, validateNonEmpty, validateOneOf, validateUnique } from './validate';

/**
 * The training-network vocabulary both clouds share: one address plan, one validation, so the same
 * configuration means the same network (and fails the same way) on AWS and Azure.
 */

/**
 * AWS interface endpoints the training network can create, by short name. Training and serving
 * reach every AWS API they need through these (private DNS on), never through the internet.
 */
export const AWS_INTERFACE_ENDPOINTS = [
  'sagemaker-api',
  'sagemaker-runtime',
  'sagemaker-studio',
  'sagemaker-notebook',
  'ecr-api',
  'ecr-dkr',
  'kms',
  'logs',
  'monitoring',
  'sts',
  'secretsmanager',
  'ssm',
  'ssmmessages',
  'ec2messages',
] as const;
export type AwsInterfaceEndpoint = (typeof AWS_INTERFACE_ENDPOINTS)[number];

/**
 * What training and the platform's users reach: SageMaker API and runtime, Studio
 * (aws.sagemaker.<region>.studio) and notebooks (aws.sagemaker.<region>.notebook) for data
 * scientists in the VPC-only domain; ECR images; KMS; logs and metrics; STS; Secrets Manager for
 * the secrets layer; and SSM, SSM messages and EC2 messages for the SSM-managed GPU nodes of the
 * launch template (no SSH). Drop the last three when that launch template is off.
 */
export const DEFAULT_INTERFACE_ENDPOINTS: readonly AwsInterfaceEndpoint[] = [
  'sagemaker-api',
  'sagemaker-runtime',
  'sagemaker-studio',
  'sagemaker-notebook',
  'ecr-api',
  'ecr-dkr',
  'kms',
  'logs',
  'monitoring',
  'sts',
  'secretsmanager',
  'ssm',
  'ssmmessages',
  'ec2messages',
];

/** The endpoints an SSM-managed EC2 node needs to be reachable without SSH or internet. */
export const SSM_MANAGED_NODE_ENDPOINTS: readonly AwsInterfaceEndpoint[] = ['ssm', 'ssmmessages', 'ec2messages'];

/** AWS PrivateLink list price of one interface endpoint in one AZ, USD per hour (us-east-1). */
export const INTERFACE_ENDPOINT_HOURLY_USD = 0.01;
/** Hours in the month the platform's cost figures use. */
export const HOURS_PER_MONTH = 730;

/** Fixed cost of interface endpoints: endpoints x AZs x $0.01/h, and 730 hours of it. */
export function interfaceEndpointCost(endpoints: number, zones: number): { hourly: number; monthly: number } {
  const hourly = Math.round(endpoints * zones * INTERFACE_ENDPOINT_HOURLY_USD * 100) / 100;
  return { hourly, monthly: Math.round(hourly * HOURS_PER_MONTH * 100) / 100 };
}

/**
 * Log retention values accepted for flow logs: CloudWatch Logs' allowed values that Log Analytics
 * (30-730 days) also accepts, from 90 days (the platform's minimum for network evidence).
 */
export const NETWORK_LOG_RETENTION_DAYS = [90, 120, 150, 180, 365, 400, 545] as const;

export const MIN_NETWORK_PREFIX = 16;
export const MAX_NETWORK_PREFIX = 24;
/** /28 is the smallest subnet both clouds accept (AWS and Azure reserve 5 addresses each). */
export const MAX_SUBNET_PREFIX = 28;
export const MIN_AVAILABILITY_ZONES = 2;
export const MAX_AVAILABILITY_ZONES = 6;

/** A named subnet and its IPv4 block. */
export interface SubnetBlock {
  readonly name: string;
  readonly cidr: string;
}

/** An IPv4 CIDR as a half-open integer range [start, end). */
export interface IpRange {
  readonly start: number;
  readonly end: number;
}

export function cidrRange(cidr: string): IpRange {
  const [ip, prefix] = cidr.split('/');
  const start = ip
    .split('.')
    .map(Number)
    .reduce((acc, o) => acc * 256 + o, 0);
  return { start, end: start + 2 ** (32 - Number(prefix)) };
}

export function cidrsOverlap(a: string, b: string): boolean {
  const ra = cidrRange(a);
  const rb = cidrRange(b);
  return ra.start < rb.end && rb.start < ra.end;
}

export function cidrContains(outer: string, inner: string): boolean {
  const ro = cidrRange(outer);
  const ri = cidrRange(inner);
  return ri.start >= ro.start && ri.end <= ro.end;
}

/** Validates the network's own address space: an IPv4 CIDR from /16 to /24. */
export function validateNetworkCidr(prop: string, value: unknown): string {
  return validateCidr(prop, value, MIN_NETWORK_PREFIX, MAX_NETWORK_PREFIX);
}

/**
 * Checks explicit subnets: each a valid CIDR no larger than the network and no smaller than /28,
 * inside the network's address space, and not overlapping any other subnet.
 * @throws BlueprintConfigError naming `<prop>.<subnet name>`
 */
export function validateSubnets(prop: string, networkCidr: string, subnets: readonly SubnetBlock[]): SubnetBlock[] {
  const networkPrefix = Number(networkCidr.split('/')[1]);
  const checked: SubnetBlock[] = [];
  for (const subnet of subnets) {
    const at = `${prop}.${subnet.name}`;
    validateCidr(at, subnet.cidr, networkPrefix, MAX_SUBNET_PREFIX);
    if (!cidrContains(networkCidr, subnet.cidr)) {
      throw new BlueprintConfigError(at, `a block inside the network's address space ${networkCidr}`, subnet.cidr);
    }
    const clash = checked.find((other) => cidrsOverlap(other.cidr, subnet.cidr));
    if (clash) {
      throw new BlueprintConfigError(
        at,
        `a block that does not overlap ${prop}.${clash.name} (${clash.cidr})`,
        subnet.cidr,
      );
    }
    checked.push({ name: subnet.name, cidr: subnet.cidr });
  }
  return checked;
}

/**
 * Carves one /`prefix` block per name from the start of the network, in order, then validates the
 * result like explicit subnets (so a plan that does not fit fails naming the prop).
 */
export function planSubnets(
  prop: string,
  networkCidr: string,
  prefix: number,
  names: readonly string[],
  explicit: Readonly<Record<string, string | undefined>> = {},
): SubnetBlock[] {
  const networkPrefix = Number(networkCidr.split('/')[1]);
  validateIntRange(`${prop}.subnetPrefix`, prefix, networkPrefix, MAX_SUBNET_PREFIX);
  const capacity = 2 ** (prefix - networkPrefix);
  const { start } = cidrRange(networkCidr);
  const size = 2 ** (32 - prefix);
  const carved: SubnetBlock[] = [];
  let next = 0;
  for (const name of names) {
    const given = explicit[name];
    if (given !== undefined) {
      carved.push({ name, cidr: given });
      continue;
    }
    // Skip blocks taken by explicit subnets, so carved and explicit ones never collide.
    while (next < capacity && Object.values(explicit).some((c) => c && overlapsBlock(c, start + next * size, size))) {
      next += 1;
    }
    if (next >= capacity) {
      throw new BlueprintConfigError(
        `${prop}.subnetPrefix`,
        `room for ${names.length} /${prefix} subnets in ${networkCidr}: use a larger network or a longer prefix`,
        prefix,
      );
    }
    carved.push({ name, cidr: `${toIp(start + next * size)}/${prefix}` });
    next += 1;
  }
  return validateSubnets(`${prop}.subnets`, networkCidr, carved);
}

function overlapsBlock(cidr: string, start: number, size: number): boolean {
  const r = cidrRange(cidr);
  return r.start < start + size && start < r.end;
}

function toIp(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
}

/** AWS availability-zone names as EC2 spells them, e.g. us-east-1a, use1-az1 is a zone ID (rejected). */
const AZ_NAME = /^[a-z]{2}(-[a-z]+)+-\d[a-z]$/;

/**
 * Availability zones: a count from 2 to 6, or explicit zone names (2-6, unique, all in one region).
 * @returns the count, and the names when given
 */
export function validateAvailabilityZones(
  prop: string,
  count: unknown,
  names?: readonly string[],
): { count: number; names?: string[] } {
  if (names !== undefined) {
    const list = validateNonEmpty(prop, names);
    list.forEach((n, i) => {
      if (typeof n !== 'string' || !AZ_NAME.test(n)) {
        throw new BlueprintConfigError(`${prop}[${i}]`, 'an availability-zone name like us-east-1a', n);
      }
    });
    validateUnique(prop, list);
    const regions = new Set(list.map((n) => n.slice(0, -1)));
    if (regions.size > 1) throw new BlueprintConfigError(prop, 'zones of a single region', list);
    validateIntRange(`${prop}.length`, list.length, MIN_AVAILABILITY_ZONES, MAX_AVAILABILITY_ZONES);
    return { count: list.length, names: [...list] };
  }
  return { count: validateIntRange(prop, count, MIN_AVAILABILITY_ZONES, MAX_AVAILABILITY_ZONES) };
}

/** Interface endpoint short names: non-empty, unique, each one we know how to create. */
export function validateInterfaceEndpoints(prop: string, names: unknown): AwsInterfaceEndpoint[] {
  if (!Array.isArray(names)) throw new BlueprintConfigError(prop, 'a list of interface endpoint names', names);
  const list = validateNonEmpty(prop, names as string[]);
  list.forEach((n, i) => validateOneOf(`${prop}[${i}]`, n, AWS_INTERFACE_ENDPOINTS));
  validateUnique(prop, list);
  return [...list] as AwsInterfaceEndpoint[];
}

export function validateLogRetention(prop: string, days: unknown): number {
  if (typeof days !== 'number' || !(NETWORK_LOG_RETENTION_DAYS as readonly number[]).includes(days)) {
    throw new BlueprintConfigError(prop, `one of ${NETWORK_LOG_RETENTION_DAYS.join(', ')} (days)`, days);
  }
  return days;
}
