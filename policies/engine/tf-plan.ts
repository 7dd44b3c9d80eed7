import type { LoadOptions } from './cfn-loader';
import { documentId } from './cfn-loader';
import { InputError } from './errors';
import type { Document, Resource } from './model';
import { isPlainObject } from './parse';
import { toResource } from './tf-loader';

/**
 * Terraform plan JSON (`terraform show -json plan.out`) -> one Document of every managed resource
 * instance the plan leaves in place: `planned_values` (root and child modules, addresses as Terraform
 * writes them: `module.x.aws_s3_bucket.b[0]`), plus `resource_changes` whose `after` has no planned
 * value. Values Terraform knows only after apply (`after_unknown`) become UNKNOWN_EXPRESSION, which the
 * resolver reports as unknown. A value the configuration writes as a reference to one managed resource
 * (`configuration...expressions.<attr>.references`) becomes `${<address>.<attr>}` when its planned value
 * is unknown or equal to the target's, so relational checks still see which bucket a policy is for.
 */

export const UNKNOWN_EXPRESSION = '${unknown("known after apply")}';
const NON_RESOURCE_ROOTS = new Set(['var', 'local', 'data', 'module', 'each', 'count', 'path', 'self', 'terraform']);

type Json = Record<string, unknown>;

export function isTerraformPlan(obj: unknown): obj is Json {
  return (
    isPlainObject(obj) &&
    typeof obj.format_version === 'string' &&
    (isPlainObject(obj.planned_values) || Array.isArray(obj.resource_changes))
  );
}

interface Instance {
  readonly address: string;
  readonly type: string;
  readonly name: string;
  readonly values: Json;
}

export function loadTerraformPlan(obj: Json, options: LoadOptions): Document {
  const { file } = options;
  const id = documentId(options);
  const changes = new Map<string, Json>();
  const rawChanges = new Map<string, Json>();
  for (const change of Array.isArray(obj.resource_changes) ? obj.resource_changes : []) {
    if (isPlainObject(change) && typeof change.address === 'string' && isPlainObject(change.change)) {
      changes.set(change.address, change.change);
      rawChanges.set(change.address, change);
    }
  }
  const planned = isPlainObject(obj.planned_values) ? obj.planned_values : {};
  const instances = plannedInstances(planned.root_module, file);
  const known = new Set(instances.map((i) => i.address));
  for (const [address, change] of changes) {
    const raw = rawChanges.get(address) as Json;
    if (known.has(address) || raw.mode !== 'managed' || !isPlainObject(change.after)) continue;
    if (typeof raw.type === 'string' && typeof raw.name === 'string') {
      instances.push({ address, type: raw.type, name: raw.name, values: change.after });
    }
  }
  const expressions = configExpressions(obj.configuration);
  const byConfig = new Map(instances.map((i) => [configAddress(i.address), i]));
  const resources: Resource[] = instances.map((instance) => {
    const values = structuredClone(instance.values);
    markUnknown(values, changes.get(instance.address)?.after_unknown);
    const exprs = expressions.get(configAddress(instance.address));
    if (exprs) writeReferences(values, exprs.expressions, exprs.prefix, byConfig);
    const at = instance.address.lastIndexOf(`${instance.type}.`);
    return toResource(
      {
        type: instance.type,
        name: instance.address.slice(at + instance.type.length + 1),
        module: instance.address.slice(0, at),
        body: values,
        file,
      },
      id,
      options.stack,
    );
  });
  return {
    id,
    file,
    format: 'terraform',
    ...(options.stack !== undefined ? { stack: options.stack } : {}),
    resources,
    parameters: {},
    conditions: {},
    outputs: isPlainObject(planned.outputs) ? planned.outputs : {},
  };
}

function plannedInstances(root: unknown, file: string): Instance[] {
  const out: Instance[] = [];
  const modules: unknown[] = [root];
  while (modules.length > 0) {
    const module = modules.pop();
    if (module === undefined) continue;
    if (!isPlainObject(module)) throw new InputError(file, 'plan: expected planned_values modules to be objects');
    for (const r of Array.isArray(module.resources) ? module.resources : []) {
      if (!isPlainObject(r) || r.mode !== 'managed') continue;
      if (typeof r.address !== 'string' || typeof r.type !== 'string' || typeof r.name !== 'string') {
        throw new InputError(file, 'plan: expected each planned resource to have address, type and name');
      }
      out.push({ address: r.address, type: r.type, name: r.name, values: isPlainObject(r.values) ? r.values : {} });
    }
    if (Array.isArray(module.child_modules)) modules.push(...[...module.child_modules].reverse());
  }
  return out;
}

/** `module.x[0].aws_s3_bucket.b["k"]` -> `module.x.aws_s3_bucket.b` (how the configuration names it). */
function configAddress(address: string): string {
  return address.replace(/\[[^\]]*\]/g, '');
}

/** Config address -> its expressions and the module prefix its references are relative to. */
function configExpressions(configuration: unknown): Map<string, { expressions: Json; prefix: string }> {
  const out = new Map<string, { expressions: Json; prefix: string }>();
  const queue: [unknown, string][] = [[isPlainObject(configuration) ? configuration.root_module : undefined, '']];
  while (queue.length > 0) {
    const [module, prefix] = queue.pop() as [unknown, string];
    if (!isPlainObject(module)) continue;
    for (const r of Array.isArray(module.resources) ? module.resources : []) {
      if (isPlainObject(r) && typeof r.address === 'string' && isPlainObject(r.expressions)) {
        out.set(`${prefix}${r.address}`, { expressions: r.expressions, prefix });
      }
    }
    for (const [name, call] of Object.entries(isPlainObject(module.module_calls) ? module.module_calls : {})) {
      if (isPlainObject(call)) queue.push([call.module, `${prefix}module.${name}.`]);
    }
  }
  return out;
}

/** Sets UNKNOWN_EXPRESSION wherever `after_unknown` says true (iteratively; it mirrors `values`). */
function markUnknown(values: Json, afterUnknown: unknown): void {
  const stack: [Json | unknown[], unknown][] = [[values, afterUnknown]];
  while (stack.length > 0) {
    const [target, unknown] = stack.pop() as [Json | unknown[], unknown];
    if (typeof unknown !== 'object' || unknown === null) continue;
    for (const [key, flag] of Object.entries(unknown)) {
      const t = target as Record<string, unknown>;
      if (flag === true) t[key] = UNKNOWN_EXPRESSION;
      else if (typeof flag === 'object' && flag !== null && typeof t[key] === 'object' && t[key] !== null) {
        stack.push([t[key] as Json, flag]);
      }
    }
  }
}

function writeReferences(values: Json, expressions: Json, prefix: string, byConfig: Map<string, Instance>): void {
  const stack: [Record<string, unknown>, Json][] = [[values, expressions]];
  while (stack.length > 0) {
    const [target, exprs] = stack.pop() as [Record<string, unknown>, Json];
    for (const [key, expr] of Object.entries(exprs)) {
      if (Array.isArray(expr)) {
        // A nested block: one expressions object per block, in the same order as the values.
        const blocks = target[key];
        expr.forEach((e, i) => {
          if (Array.isArray(blocks) && isPlainObject(blocks[i]) && isPlainObject(e)) stack.push([blocks[i], e]);
        });
        continue;
      }
      if (!isPlainObject(expr) || !Array.isArray(expr.references)) continue;
      const reference = singleResourceReference(expr.references as unknown[], prefix);
      if (!reference) continue;
      const targetValue = byConfig.get(reference.resource)?.values[reference.attribute];
      const value = target[key];
      if (value === UNKNOWN_EXPRESSION || (value !== undefined && value === targetValue)) {
        target[key] = `\${${reference.resource}.${reference.attribute}}`;
      }
    }
  }
}

/** The one managed resource attribute all `references` point at, or undefined. */
function singleResourceReference(
  references: unknown[],
  prefix: string,
): { resource: string; attribute: string } | undefined {
  let found: { resource: string; attribute: string } | undefined;
  for (const ref of references) {
    if (typeof ref !== 'string') return undefined;
    const parts = configAddress(ref).split('.');
    if (NON_RESOURCE_ROOTS.has(parts[0])) return undefined;
    if (parts.length < 2) return undefined;
    const resource = `${prefix}${parts[0]}.${parts[1]}`;
    if (found && found.resource !== resource) return undefined;
    if (parts.length >= 3 && (!found || found.attribute === '')) found = { resource, attribute: parts[2] };
    else if (!found) found = { resource, attribute: '' };
  }
  return found && found.attribute !== '' ? found : undefined;
}
