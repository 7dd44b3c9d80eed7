import type { DeploymentLinks, Linked, Scope } from './dialect';
import type { Resource } from './model';
import { resolve } from './resolve';

/**
 * Links between documents of one deployment (documents sharing `Document.deployment`): what a
 * nested stack's parent passes, `Export`s for Fn::ImportValue, nested-stack outputs, and cdktf
 * cross-stack outputs. Indexes are built on first use.
 */
export class Deployment implements DeploymentLinks {
  private exports?: Map<string, Linked>;
  private children?: Map<string, Scope>;

  /** `scopes`: every document of the deployment; `byId`: every loaded document's scope. */
  constructor(
    private readonly scopes: readonly Scope[],
    private readonly byId: ReadonlyMap<string, Scope>,
  ) {}

  parentParameter(scope: Scope, name: string): Linked | undefined {
    const parent = scope.document.parent;
    if (!parent) return undefined;
    const parentScope = this.byId.get(parent.documentId);
    const stack = parentScope?.resources.get(parent.address);
    const passed = record(stack?.properties.Parameters);
    if (parentScope && passed && Object.prototype.hasOwnProperty.call(passed, name)) {
      return { scope: parentScope, raw: passed[name] };
    }
    // Not passed: the nested stack's own Default applies.
    const declared = record(scope.document.parameters[name]);
    return declared && 'Default' in declared ? { scope, raw: declared.Default } : undefined;
  }

  exported(_scope: Scope, name: string): Linked | undefined {
    if (!this.exports) {
      this.exports = new Map();
      for (const s of this.scopes) {
        for (const output of Object.values(s.document.outputs ?? {})) {
          const o = record(output);
          const exportName = resolve(s, record(o?.Export)?.Name);
          if (o && exportName.kind === 'literal' && typeof exportName.value === 'string') {
            this.exports.set(exportName.value, { scope: s, raw: o.Value });
          }
        }
      }
    }
    return this.exports.get(name);
  }

  nestedOutput(stack: Resource, name: string): Linked | undefined {
    if (!this.children) {
      this.children = new Map();
      for (const s of this.scopes) {
        const p = s.document.parent;
        if (p) this.children.set(`${p.documentId}#${p.address}`, s);
      }
    }
    const child = this.children.get(`${stack.documentId}#${stack.address}`);
    const output = record(child?.document.outputs?.[name]);
    return child && output ? { scope: child, raw: output.Value } : undefined;
  }

  /** cdktf names cross-stack outputs uniquely per deployment, so the output name finds its stack. */
  remoteOutput(scope: Scope, _state: string, output: string): Linked | undefined {
    const found = this.scopes.filter((s) => s !== scope && s.document.outputs?.[output] !== undefined);
    if (found.length !== 1) return undefined;
    const o = record(found[0].document.outputs![output]);
    return o ? { scope: found[0], raw: o.value } : undefined;
  }
}

function record(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}
