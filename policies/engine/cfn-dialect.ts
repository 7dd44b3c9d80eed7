import { getAttTarget, intrinsicName, isPseudoParameter, NO_VALUE, parseSub, subArguments } from './cfn-intrinsics';
import { MAX_HOPS, type Dialect, type Linked, type ReferenceSink, type Scope } from './dialect';
import { ABSENT, Concatenation, literal, type Resolved, unknownValue } from './resolved';
import { describeRaw, resolve, sameResolved } from './resolve';
import { walk, type WalkCursor } from './walk';

/** CloudFormation intrinsics: Ref, Fn::GetAtt, Fn::Sub, Fn::Join, Fn::If, Fn::Select, Fn::ImportValue. */

let hops = 0;

/** Resolves a value of another document (a parent's parameter, an export), bounded against cycles. */
function follow(linked: Linked | undefined, otherwise: () => Resolved): Resolved {
  if (!linked) return otherwise();
  if (hops >= MAX_HOPS) return unknownValue('reference chain across stacks too long (a cycle?)');
  hops++;
  try {
    return resolve(linked.scope, linked.raw);
  } finally {
    hops--;
  }
}

function resolveCfn(scope: Scope, raw: unknown): Resolved {
  const name = intrinsicName(raw);
  if (name === undefined) return raw === undefined || raw === null ? ABSENT : literal(raw);
  const arg = (raw as Record<string, unknown>)[name];
  switch (name) {
    case 'Ref':
      return typeof arg === 'string' ? resolveName(scope, arg) : unknownValue('Ref to a computed name');
    case 'Fn::GetAtt':
      return resolveGetAtt(scope, arg);
    case 'Fn::Sub':
      return resolveSub(scope, arg);
    case 'Fn::Join':
      return resolveJoin(scope, arg);
    case 'Fn::If': {
      if (!Array.isArray(arg)) return unknownValue('malformed Fn::If');
      const a = resolve(scope, arg[1]);
      const b = resolve(scope, arg[2]);
      return sameResolved(a, b) ? a : unknownValue(`depends on condition ${String(arg[0])}`);
    }
    case 'Fn::Select': {
      if (!Array.isArray(arg) || !Array.isArray(arg[1]) || !/^\d+$/.test(String(arg[0]))) {
        return unknownValue('Fn::Select over a computed list');
      }
      return resolve(scope, arg[1][Number(arg[0])]);
    }
    case 'Fn::ImportValue': {
      const exportName = resolve(scope, arg);
      const unresolved = () => unknownValue(`imported value (Fn::ImportValue ${describeRaw(arg)})`);
      if (exportName.kind !== 'literal' || typeof exportName.value !== 'string') return unresolved();
      return follow(scope.links?.exported(scope, exportName.value), unresolved);
    }
    case 'Fn::FindInMap':
      return unknownValue(`mapping lookup (Fn::FindInMap ${Array.isArray(arg) ? describeRaw(arg[0]) : ''})`);
    default:
      return unknownValue(`computed by ${name} at deploy time`);
  }
}

function resolveGetAtt(scope: Scope, arg: unknown): Resolved {
  const t = getAttTarget(arg);
  const to = t === undefined ? undefined : scope.resources.get(t.target);
  if (!to) return unknownValue(`Fn::GetAtt of ${t?.target ?? 'a computed name'}, not a resource of this template`);
  const attribute = t!.attribute;
  if (to.type === 'AWS::CloudFormation::Stack' && attribute?.startsWith('Outputs.')) {
    const output = attribute.slice('Outputs.'.length);
    return follow(scope.links?.nestedOutput(to, output), () => ({ kind: 'reference', to, attribute }));
  }
  return attribute === undefined ? { kind: 'reference', to } : { kind: 'reference', to, attribute };
}

function resolveName(scope: Scope, name: string): Resolved {
  if (name === NO_VALUE) return ABSENT;
  const to = scope.resources.get(name);
  if (to) return { kind: 'reference', to };
  if (name in scope.document.parameters) {
    return follow(scope.links?.parentParameter(scope, name), () => unknownValue(`parameter ${name}`));
  }
  if (isPseudoParameter(name)) return unknownValue(`pseudo parameter ${name}`);
  return unknownValue(`Ref to ${name}, which is neither a resource nor a parameter of this template`);
}

function resolveSub(scope: Scope, arg: unknown): Resolved {
  const sub = subArguments(arg);
  if (!sub) return unknownValue('malformed Fn::Sub');
  const joined = new Concatenation();
  for (const part of parseSub(sub.template)) {
    if (typeof part === 'string') joined.addText(part);
    else if (part.name in sub.variables) joined.add(resolve(scope, sub.variables[part.name]));
    else {
      const dot = part.name.indexOf('.');
      joined.add(
        dot < 0
          ? resolveName(scope, part.name)
          : resolveGetAtt(scope, [part.name.slice(0, dot), part.name.slice(dot + 1)]),
      );
    }
  }
  return joined.result();
}

function resolveJoin(scope: Scope, arg: unknown): Resolved {
  if (!Array.isArray(arg) || typeof arg[0] !== 'string') return unknownValue('malformed Fn::Join');
  if (!Array.isArray(arg[1])) return unknownValue('Fn::Join over a computed list');
  const [delimiter, items] = arg as [string, unknown[]];
  const joined = new Concatenation();
  for (let i = 0; i < items.length; i++) {
    if (i > 0) joined.addText(delimiter);
    joined.add(resolve(scope, items[i]));
  }
  return joined.result();
}

/**
 * References inside an intrinsic, reported at the property path where the intrinsic sits; the
 * values inside it are queued on the walk. Fn::If branches are property values (their keys extend
 * the path); other arguments are not.
 */
function intrinsicReferences(name: string, arg: unknown, at: WalkCursor, sink: ReferenceSink): void {
  if (name === 'Ref') {
    if (typeof arg === 'string') sink(at.path(), arg);
    return;
  }
  if (name === 'Fn::GetAtt') {
    // The array form (what the CDK writes) read in place: this runs for every GetAtt of a template.
    if (Array.isArray(arg) && typeof arg[0] === 'string') {
      sink(at.path(), arg[0], typeof arg[1] === 'string' ? arg[1] : undefined);
      return;
    }
    const t = getAttTarget(arg);
    if (t) sink(at.path(), t.target, t.attribute);
    return;
  }
  if (name === 'Fn::Sub') {
    const sub = subArguments(arg);
    if (!sub) return;
    for (const part of parseSub(sub.template)) {
      if (typeof part === 'string' || part.name in sub.variables) continue;
      const dot = part.name.indexOf('.');
      if (dot < 0) sink(at.path(), part.name);
      else sink(at.path(), part.name.slice(0, dot), part.name.slice(dot + 1));
    }
    for (const name in sub.variables) at.visit(sub.variables[name], false);
    return;
  }
  if (name === 'Condition') return;
  if (name === 'Fn::If') {
    if (Array.isArray(arg)) for (let i = 1; i < arg.length; i++) at.visit(arg[i], true);
    return;
  }
  at.visit(arg, false);
}

export const cloudFormationDialect: Dialect = {
  resolve: resolveCfn,
  isExpression: (node) => intrinsicName(node) !== undefined,
  branches(node) {
    if (intrinsicName(node) !== 'Fn::If') return undefined;
    const arg = (node as Record<string, unknown>)['Fn::If'];
    if (!Array.isArray(arg)) return undefined;
    return { condition: String(arg[0]), branches: [arg[1], arg[2]] };
  },
  forEachReference(properties, sink, scope) {
    walk(properties, {
      paths: scope.paths,
      expression: intrinsicName,
      references: (name, node, at) => intrinsicReferences(name, (node as Record<string, unknown>)[name], at, sink),
    });
  },
};
