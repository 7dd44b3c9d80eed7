import { Opaque, type PolicyValue, type Tri, equalsIgnoreCase, field, lowerCase, someValue } from './policy-document';
import { bindsEveryone } from './statements';

/**
 * Resource-policy statements that open a resource to everyone: an Allow for Principal "*" (or
 * {"AWS": "*"}) that no condition narrows to the organization, an account, a principal, a source
 * or a VPC endpoint, and an Allow with NotPrincipal (everyone but those listed). Each answers
 * true, false or Opaque, so a policy built from parameters yields `unknown`, not a guess.
 */

/** Condition keys that tie the caller (or the calling service's source) to something the owner controls. */
const NARROWING_KEYS = new Set(
  [
    'aws:PrincipalOrgID',
    'aws:PrincipalOrgPaths',
    'aws:PrincipalAccount',
    'aws:PrincipalArn',
    'aws:SourceAccount',
    'aws:SourceArn',
    'aws:SourceOrgID',
    'aws:SourceOrgPaths',
    'aws:SourceVpc',
    'aws:SourceVpce',
  ].map(lowerCase),
);

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

/** Some condition block ties the statement to a narrowing key with values that are not wildcards. */
export function narrowedByCondition(stmt: PolicyValue): Tri {
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
      if (!NARROWING_KEYS.has(key.toLowerCase())) continue;
      const values = block[key];
      const wildcard = someValue(values, matchesAll);
      if (wildcard === false && values !== null && !(Array.isArray(values) && values.length === 0)) return true;
      if (wildcard instanceof Opaque) opaque ??= wildcard;
    }
  }
  return opaque ?? false;
}

const isAllow = (stmt: PolicyValue): Tri => {
  const effect = field(stmt, 'Effect');
  if (effect instanceof Opaque) return effect;
  return typeof effect === 'string' && equalsIgnoreCase(effect, 'allow');
};

/** The statement allows every caller (anonymous ones included) and nothing narrows it. */
export function opensToEveryone(stmt: PolicyValue): Tri {
  const allow = isAllow(stmt);
  if (allow === false) return false;
  const everyone: Tri = field(stmt, 'NotPrincipal') !== undefined ? true : bindsEveryone(stmt);
  if (everyone === false) return false;
  const narrowed = narrowedByCondition(stmt);
  if (narrowed === true) return false;
  if (allow instanceof Opaque) return allow;
  if (everyone instanceof Opaque) return everyone;
  return narrowed instanceof Opaque ? narrowed : true;
}
