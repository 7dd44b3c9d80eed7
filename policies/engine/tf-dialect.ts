import { MAX_HOPS, type Dialect, type Linked, type Scope } from './dialect';
import { ABSENT, Concatenation, literal, type Resolved, unknownValue } from './resolved';
import { resolve, resolvePath } from './resolve';
import { classifyExpression, interpolations, resourceReferences, type TerraformReference } from './tf-expressions';
import { walk } from './walk';

/** Terraform JSON: strings carry `${...}` interpolations; everything else is literal data. */

let hops = 0;

function follow(linked: Linked | undefined, steps: readonly string[], otherwise: () => Resolved): Resolved {
  if (!linked) return otherwise();
  if (hops >= MAX_HOPS) return unknownValue('reference chain too long (a cycle of locals or outputs?)');
  hops++;
  try {
    return steps.length === 0 ? resolve(linked.scope, linked.raw) : resolvePath(linked.scope, linked.raw, steps);
  } finally {
    hops--;
  }
}

function resolveTf(scope: Scope, raw: unknown): Resolved {
  if (typeof raw !== 'string') return raw === undefined || raw === null ? ABSENT : literal(raw);
  if (!raw.includes('${') && !raw.includes('%{')) return literal(raw);
  let resolved = scope.cache.get(raw) as Resolved | undefined;
  if (!resolved) {
    resolved = resolveInterpolated(scope, raw);
    scope.cache.set(raw, resolved);
  }
  return resolved;
}

function resolveInterpolated(scope: Scope, raw: string): Resolved {
  if (raw.includes('%{')) return unknownValue('Terraform template directive');
  const found = interpolations(raw);
  if (found.length === 0) return literal(unescape(raw));
  if (found.length === 1 && found[0].start === 0 && found[0].end === raw.length) {
    return resolveExpression(scope, found[0].expression);
  }
  const joined = new Concatenation();
  let at = 0;
  for (const f of found) {
    joined.addText(unescape(raw.slice(at, f.start)));
    joined.add(resolveExpression(scope, f.expression));
    at = f.end;
  }
  joined.addText(unescape(raw.slice(at)));
  return joined.result();
}

function resolveExpression(scope: Scope, expression: string): Resolved {
  const meaning = classifyExpression(expression);
  switch (meaning.kind) {
    case 'resource':
      return resourceValue(scope, meaning.ref);
    case 'module-resource':
      // A flattened local module's resource; a module output of a module not loaded stays unknown.
      return scope.resources.has(meaning.ref.address)
        ? resourceValue(scope, meaning.ref)
        : unknownValue(meaning.otherwise);
    case 'local': {
      const locals = scope.document.conditions;
      const known = Object.prototype.hasOwnProperty.call(locals, meaning.name);
      const steps = meaning.steps.map((s) => (s.startsWith('[') ? s.slice(1, -1).replace(/"/g, '').trim() : s));
      return follow(known ? { scope, raw: locals[meaning.name] } : undefined, steps, () =>
        unknownValue(`local value local.${meaning.name}, not defined in this configuration`),
      );
    }
    case 'remote-output':
      return follow(scope.links?.remoteOutput(scope, meaning.state, meaning.output), [], () =>
        unknownValue(`remote state output ${meaning.state}.${meaning.output}, not in this deployment`),
      );
    default:
      return meaning;
  }
}

function resourceValue(scope: Scope, ref: TerraformReference): Resolved {
  const { address, attribute, instance } = ref;
  const to = scope.resources.get(address);
  if (!to) {
    const type = address.slice(0, address.indexOf('.'));
    const target = attribute === undefined ? { address, type } : { address, type, attribute };
    return {
      kind: 'unknown',
      reason: `reference to ${address}, which is not a resource of this configuration`,
      target,
    };
  }
  return {
    kind: 'reference',
    to,
    ...(attribute !== undefined ? { attribute } : {}),
    ...(instance !== undefined ? { instance } : {}),
  };
}

/** cdktf writes a literal `${` as `$${`. */
function unescape(text: string): string {
  return text.includes('$${') ? text.replace(/\$\$\{/g, '${') : text;
}

export const terraformDialect: Dialect = {
  resolve: resolveTf,
  isExpression: (node) => typeof node === 'string' && node.includes('${'),
  branches: () => undefined,
  forEachReference(properties, sink, scope) {
    const cache = scope.cache;
    walk<never>(properties, {
      paths: scope.paths,
      text(s, at) {
        if (!s.includes('${')) return;
        const key = `refs ${s}`;
        let refs = cache.get(key) as TerraformReference[] | undefined;
        if (!refs) {
          refs = interpolations(s).flatMap((i) => resourceReferences(i.expression));
          cache.set(key, refs);
        }
        if (refs.length === 0) return;
        const path = at.path();
        for (const ref of refs) sink(path, ref.address, ref.attribute);
      },
    });
  },
};
