import { Opaque, type PolicyValue, type Tri, equalsIgnoreCase, field, lowerCase, someValue } from './policy-document';
import { bindsEveryone } from './statements';

/**
 * Resource-policy statements that open a resource to everyone: an Allow for Principal "*" (or
 * {"AWS": "*"}) that no condition narrows to the organization, an account, a principal, a source
 * or a VPC endpoint, and an Allow with NotPrincipal (everyone but those listed). Each answers
 * true, false or Opaque, so a policy built from parameters yields `unknown`, not a guess.
 */

/** Condition keys (lower case) that tie the caller, or the calling service's source, to an organization, account or principal. */
export const CALLER_OR_SOURCE_KEYS: readonly string[] = [
  'aws:PrincipalOrgID',
  'aws:PrincipalOrgPaths',
  'aws:PrincipalAccount',
  'aws:PrincipalArn',
  'aws:SourceAccount',
  'aws:SourceArn',
  'aws:SourceOrgID',
  'aws:SourceOrgPaths',
].map(lowerCase);

/** A resource policy is also narrowed by the network a request comes through. */
const NARROWING_KEYS = new Set([...CALLER_OR_SOURCE_KEYS, ...['aws:SourceVpc', 'aws:SourceVpce'].map(lowerCase)]);

/**
 * Operators that only match requests carrying the key with one of the values. `ForAllValues:` and
 * `...IfExists` are left out on purpose: both are true when the request lacks the key, as an
 * anonymous request lacks aws:PrincipalOrgID.
 */
const MATCHING_OPERATORS = new Set(
  ['StringEquals', 'StringEqualsIgnoreCase', 'StringLike', 'ArnEquals', 'ArnLike']
    .flatMap((op) => [op, `ForAnyValue:${op}`])
    .map(lowerCase),
);

/** A value that matches anything ("*" alone, or only wildcards). */
const matchesAll = (v: PolicyValue): Tri => (v instanceof Opaque ? v : typeof v === 'string' && /^[*?]+$/.test(v));

const not = (t: Tri): Tri => (t instanceof Opaque ? t : !t);

/**
 * Whether a value known only at deploy time could be `*` (or match everything): a resource's
 * attribute, text with fixed characters around the references, or a pseudo parameter
 * (AWS::AccountId ...) never is; a parameter or variable may be.
 */
export function mayBeWildcard(v: Opaque): Tri {
  const r = v.resolved;
  if (r?.kind === 'reference') return false;
  if (r?.kind === 'composed' && r.parts.some((p) => typeof p === 'string' && p !== '' && !/^[*?]+$/.test(p))) {
    return false;
  }
  if (r?.kind === 'unknown' && r.reason.startsWith('pseudo parameter AWS::')) return false;
  return v;
}

/**
 * Some matching-operator block conditions the statement on a key `wanted` accepts (given lower
 * case), and none of the values listed for it (values are OR-ed) is one `wide` says matches every
 * request. Opaque when only an undecided block or value could narrow it.
 */
export function conditionedOn(stmt: PolicyValue, wanted: (key: string) => boolean, wide: (v: PolicyValue) => Tri): Tri {
  const condition = field(stmt, 'Condition');
  if (condition === undefined || condition === null) return false;
  if (condition instanceof Opaque) return condition;
  if (typeof condition !== 'object' || Array.isArray(condition)) return false;
  let opaque: Opaque | undefined;
  // for...in rather than Object.entries: no pair arrays per statement (policy values are plain objects).
  for (const op in condition) {
    if (!MATCHING_OPERATORS.has(op.toLowerCase())) continue;
    const block = condition[op];
    if (block instanceof Opaque) {
      opaque ??= block;
      continue;
    }
    if (typeof block !== 'object' || block === null || Array.isArray(block)) continue;
    for (const key in block) {
      if (!wanted(key.toLowerCase())) continue;
      const values = block[key];
      if (values === null || (Array.isArray(values) && values.length === 0)) continue;
      const t = not(someValue(values, wide));
      if (t === true) return true;
      if (t instanceof Opaque) opaque ??= t;
    }
  }
  return opaque ?? false;
}

/** Some condition block ties the statement to a narrowing key with values that are not wildcards. */
export const narrowedByCondition = (stmt: PolicyValue): Tri =>
  conditionedOn(stmt, (k) => NARROWING_KEYS.has(k), matchesAll);

const isAllow = (stmt: PolicyValue): Tri => {
  const effect = field(stmt, 'Effect');
  if (effect instanceof Opaque) return effect;
  return typeof effect === 'string' && equalsIgnoreCase(effect, 'allow');
};

/**
 * The statement allows every caller (anonymous ones included) and nothing narrows it; `narrowed`
 * says which conditions count (a key policy counts only those naming the caller).
 */
export function opensToEveryone(stmt: PolicyValue, narrowedBy: (s: PolicyValue) => Tri = narrowedByCondition): Tri {
  const allow = isAllow(stmt);
  if (allow === false) return false;
  const everyone: Tri = field(stmt, 'NotPrincipal') !== undefined ? true : bindsEveryone(stmt);
  if (everyone === false) return false;
  const narrowed = narrowedBy(stmt);
  if (narrowed === true) return false;
  if (allow instanceof Opaque) return allow;
  if (everyone instanceof Opaque) return everyone;
  return narrowed instanceof Opaque ? narrowed : true;
}
