import { IConstruct } from 'constructs';
import { DataClassification } from '../lib/core/classification';
import { BlueprintOverrides, BlueprintConfig, resolveConfig } from '../lib/core/config';
import { BlueprintConfigError } from '../lib/core/errors';
import { AwsInterfaceEndpoint } from '../lib/core/network';

/**
 * CDK context keys that override DEFAULT_CONFIG for the AWS app, e.g.
 * `npx cdk synth -c ztai:environment=prod -c ztai:zones=raw,gold`. Kept small on purpose; anything
 * richer belongs in code that builds a BlueprintConfig.
 */
export const CONTEXT_KEYS = {
  name: 'ztai:name',
  environment: 'ztai:environment',
  owner: 'ztai:owner',
  classification: 'ztai:classification',
  zones: 'ztai:zones',
  retentionDays: 'ztai:retentionDays',
  objectLock: 'ztai:objectLock',
  account: 'ztai:account',
  region: 'ztai:region',
  cidr: 'ztai:cidr',
  subnetPrefix: 'ztai:subnetPrefix',
  availabilityZones: 'ztai:availabilityZones',
  interfaceEndpoints: 'ztai:interfaceEndpoints',
  s3PrefixListId: 'ztai:s3PrefixListId',
  logRetentionDays: 'ztai:logRetentionDays',
  gpuLaunchTemplate: 'ztai:gpuLaunchTemplate',
} as const;

/** Resolves the blueprint configuration from DEFAULT_CONFIG plus the app's context overrides. */
export function configFromContext(scope: IConstruct): BlueprintConfig {
  const get = (key: string): unknown => scope.node.tryGetContext(key);
  const overrides: BlueprintOverrides = {
    name: asString(get(CONTEXT_KEYS.name)),
    environment: asString(get(CONTEXT_KEYS.environment)),
    owner: asString(get(CONTEXT_KEYS.owner)),
    classification: asString(get(CONTEXT_KEYS.classification)) as DataClassification | undefined,
    aws: { account: asString(get(CONTEXT_KEYS.account)), region: asString(get(CONTEXT_KEYS.region)) },
    dataLake: {
      zones: asList(get(CONTEXT_KEYS.zones)),
      retentionDays: asInt(CONTEXT_KEYS.retentionDays, get(CONTEXT_KEYS.retentionDays)),
      objectLock: asBool(CONTEXT_KEYS.objectLock, get(CONTEXT_KEYS.objectLock)),
    },
    network: {
      cidr: asString(get(CONTEXT_KEYS.cidr)),
      subnetPrefix: asInt(CONTEXT_KEYS.subnetPrefix, get(CONTEXT_KEYS.subnetPrefix)),
      ...azContext(get(CONTEXT_KEYS.availabilityZones)),
      interfaceEndpoints: asList(get(CONTEXT_KEYS.interfaceEndpoints)) as AwsInterfaceEndpoint[] | undefined,
      s3PrefixListId: asString(get(CONTEXT_KEYS.s3PrefixListId)),
      logRetentionDays: asInt(CONTEXT_KEYS.logRetentionDays, get(CONTEXT_KEYS.logRetentionDays)),
    },
    training: { gpuLaunchTemplate: asBool(CONTEXT_KEYS.gpuLaunchTemplate, get(CONTEXT_KEYS.gpuLaunchTemplate)) },
  };
  return resolveConfig(overrides);
}

/** `ztai:availabilityZones` is a count (`3`) or zone names (`eu-west-1a,eu-west-1b`). */
function azContext(v: unknown): { availabilityZones?: number; zoneNames?: string[] } {
  if (v === undefined) return {};
  if (typeof v === 'number' || /^\s*\d+\s*$/.test(String(v))) {
    return { availabilityZones: asInt(CONTEXT_KEYS.availabilityZones, v) };
  }
  return { zoneNames: asList(v) };
}

function asString(v: unknown): string | undefined {
  return v === undefined ? undefined : String(v);
}

/** `-c ztai:zones=raw,gold` arrives as a string; cdk.json may hold a real array. */
function asList(v: unknown): string[] | undefined {
  if (v === undefined) return undefined;
  if (Array.isArray(v)) return v.map(String);
  return String(v)
    .split(',')
    .map((s) => s.trim());
}

function asInt(key: string, v: unknown): number | undefined {
  if (v === undefined) return undefined;
  const n = typeof v === 'number' ? v : Number(String(v).trim());
  if (!Number.isInteger(n)) throw new BlueprintConfigError(`context ${key}`, 'an integer', v);
  return n;
}

function asBool(key: string, v: unknown): boolean | undefined {
  if (v === undefined || typeof v === 'boolean') return v;
  if (v === 'true' || v === 'false') return v === 'true';
  throw new BlueprintConfigError(`context ${key}`, 'true or false', v);
}
