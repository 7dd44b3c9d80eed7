import type { ResourceValidationPolicy, StackValidationPolicy } from '@pulumi/policy';
import { zeroTrustPolicies } from '../../../policies/integrations/pulumi';
import type { PulumiResource } from '../../../policies/integrations/pulumi';

/**
 * Calls the CrossGuard policies the way the Pulumi engine does (validateResource / validateStack with
 * a reportViolation callback) without constructing a PolicyPack (its constructor starts a gRPC server).
 */
export const NOW = new Date('2026-12-02T00:00:00Z');
const POLICIES = zeroTrustPolicies({ now: NOW });

export function policy(id: string): ResourceValidationPolicy | StackValidationPolicy {
  const p = POLICIES.find((x) => x.name === id);
  if (!p) throw new Error(`no policy ${id}`);
  return p;
}

let n = 0;
export function resource(
  type: string,
  name: string,
  props: Record<string, unknown>,
  extra: Partial<PulumiResource> = {},
) {
  return { type, name, urn: `urn:pulumi:dev::app::${type}::${name}-${n++}`, props, opts: { protect: false }, ...extra };
}

interface Violation {
  readonly message: string;
  readonly urn?: string;
}

/** Runs one policy over the resources; each resource alone for a resource policy, all at once for a stack policy. */
export async function run(id: string, resources: readonly PulumiResource[], config: object = {}): Promise<Violation[]> {
  const p = policy(id);
  const out: Violation[] = [];
  const report = (message: string, urn?: string) => out.push({ message, ...(urn ? { urn } : {}) });
  const base = { stackTags: new Map(), getConfig: () => config, notApplicable: () => undefined as never };
  if ('validateStack' in p) {
    const deps = (r: PulumiResource) =>
      Object.fromEntries(
        Object.entries(r.propertyDependencies ?? {}).map(([k, v]) => [
          k,
          v.map((d) => resources.find((x) => x.urn === d.urn)),
        ]),
      );
    const all = resources.map((r) => ({ ...r, dependencies: [], propertyDependencies: deps(r), opts: r.opts ?? {} }));
    await p.validateStack({ ...base, resources: all } as never, report);
    return out;
  }
  const validate = Array.isArray(p.validateResource) ? p.validateResource : [p.validateResource];
  for (const r of resources)
    for (const v of validate)
      await v?.({ ...base, ...r, opts: r.opts ?? {}, isType: () => false, asType: () => undefined } as never, (m) =>
        report(m, r.urn),
      );
  return out;
}
