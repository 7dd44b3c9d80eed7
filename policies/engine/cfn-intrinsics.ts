/** Recognizing and taking apart CloudFormation intrinsic functions (long form). */

export type Intrinsic = readonly [name: string, argument: unknown];

/** `[name, argument]` when `value` is a one-key intrinsic object (`Ref`, `Fn::*`, `Condition`). */
export function intrinsic(value: unknown): Intrinsic | undefined {
  const name = intrinsicName(value);
  return name === undefined ? undefined : [name, (value as Record<string, unknown>)[name]];
}

/**
 * The function name when `value` is a one-key intrinsic object; its argument is `value[name]`.
 * (The allocation-free form of `intrinsic`, for the walks that test every node.)
 */
export function intrinsicName(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  let name: string | undefined;
  for (const key in value) {
    if (name !== undefined) return undefined;
    name = key;
  }
  if (name === undefined) return undefined;
  if (name === 'Ref' || name.startsWith('Fn::')) return name;
  // A lone `Condition` key is the condition function only when it names a condition.
  if (name === 'Condition' && typeof (value as Record<string, unknown>)[name] === 'string') return name;
  return undefined;
}

export const NO_VALUE = 'AWS::NoValue';

export function isPseudoParameter(name: string): boolean {
  return name.startsWith('AWS::');
}

/** Fn::GetAtt as `["Res", "Attr"]` or `"Res.Attr"`; the attribute may itself contain dots. */
export function getAttTarget(argument: unknown): { target: string; attribute?: string } | undefined {
  if (typeof argument === 'string') {
    const dot = argument.indexOf('.');
    return dot < 0 ? { target: argument } : { target: argument.slice(0, dot), attribute: argument.slice(dot + 1) };
  }
  if (Array.isArray(argument) && typeof argument[0] === 'string') {
    return { target: argument[0], attribute: typeof argument[1] === 'string' ? argument[1] : undefined };
  }
  return undefined;
}

/** A piece of an Fn::Sub template: literal text, or a `${Name}` / `${Res.Attr}` placeholder. */
export type SubPart = string | { readonly name: string };

/** Splits an Fn::Sub template; `${!Literal}` is an escape for the literal text `${Literal}`. */
export function parseSub(template: string): SubPart[] {
  const parts: SubPart[] = [];
  let text = '';
  let i = 0;
  while (i < template.length) {
    const start = template.indexOf('${', i);
    const end = start < 0 ? -1 : template.indexOf('}', start + 2);
    if (start < 0 || end < 0) {
      text += template.slice(i);
      break;
    }
    text += template.slice(i, start);
    const inner = template.slice(start + 2, end);
    if (inner.startsWith('!')) text += `\${${inner.slice(1)}}`;
    else {
      if (text) parts.push(text);
      text = '';
      parts.push({ name: inner.trim() });
    }
    i = end + 1;
  }
  if (text) parts.push(text);
  return parts;
}

/** `{ template, variables }` of Fn::Sub's string or `[string, { vars }]` form. */
export function subArguments(argument: unknown): { template: string; variables: Record<string, unknown> } | undefined {
  if (typeof argument === 'string') return { template: argument, variables: {} };
  if (Array.isArray(argument) && typeof argument[0] === 'string') {
    const vars = argument[1];
    const variables = typeof vars === 'object' && vars !== null && !Array.isArray(vars) ? vars : {};
    return { template: argument[0], variables: variables as Record<string, unknown> };
  }
  return undefined;
}
