import { Opaque, PolicyValue, Tri, allOf, anyOf, asList, field } from './policy-document';

/**
 * Predicates over one normalized policy statement. Each answers true, false or Opaque (a part the
 * engine cannot decide), so a statement built from parameters yields `unknown`, not a guess.
 */

function equalsText(v: PolicyValue | undefined, expected: string): Tri {
  if (v instanceof Opaque) return v;
  return typeof v === 'string' && v.toLowerCase() === expected.toLowerCase();
}

export const isDeny = (stmt: PolicyValue): Tri => equalsText(field(stmt, 'Effect'), 'Deny');

/** Principal "*" or {"AWS": "*"}: the statement binds every caller, anonymous ones included. */
export function bindsEveryone(stmt: PolicyValue): Tri {
  if (field(stmt, 'NotPrincipal') !== undefined) return false;
  const principal = field(stmt, 'Principal');
  if (principal instanceof Opaque) return principal;
  if (principal === '*') return true;
  return anyOf(asList(field(principal, 'AWS')).map((p) => equalsText(p, '*')));
}

/** Action "*" or "<service>:*": the statement covers every operation of the service. */
export function coversAllActions(stmt: PolicyValue, service: string): Tri {
  if (field(stmt, 'NotAction') !== undefined) return false;
  const actions = asList(field(stmt, 'Action'));
  return anyOf(actions.map((a) => anyOf([equalsText(a, '*'), equalsText(a, `${service}:*`)])));
}

/** Values of condition key `key` under any of the operators `ops` (operator names are case-sensitive). */
function conditionValues(stmt: PolicyValue, ops: readonly string[], key: string): PolicyValue[] | Opaque {
  const condition = field(stmt, 'Condition');
  if (condition instanceof Opaque) return condition;
  const out: PolicyValue[] = [];
  for (const op of ops) {
    const block = condition && typeof condition === 'object' && !Array.isArray(condition) ? condition[op] : undefined;
    if (block instanceof Opaque) return block;
    out.push(...asList(field(block, key)));
  }
  return out;
}

function anyValue(values: PolicyValue[] | Opaque, test: (v: PolicyValue) => boolean): Tri {
  if (values instanceof Opaque) return values;
  return anyOf(values.map((v) => (v instanceof Opaque ? v : test(v))));
}

/** Deny for everyone, every S3 action, when aws:SecureTransport is false (plain HTTP). */
export function deniesInsecureTransport(stmt: PolicyValue): Tri {
  const insecure = anyValue(
    conditionValues(stmt, ['Bool', 'BoolIfExists'], 'aws:SecureTransport'),
    (v) => v === false || (typeof v === 'string' && v.toLowerCase() === 'false'),
  );
  return allOf(isDeny(stmt), bindsEveryone(stmt), coversAllActions(stmt, 's3'), insecure);
}

/**
 * Deny for everyone, every S3 action, when s3:TlsVersion is below 1.2. TLS versions are discrete
 * (1.0, 1.1, 1.2, 1.3), so "< 1.2" and "<= 1.1" are the same condition.
 */
export function deniesTlsBelow12(stmt: PolicyValue): Tri {
  const number = (v: PolicyValue): number => (typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN);
  const lessThan = anyValue(conditionValues(stmt, ['NumericLessThan'], 's3:TlsVersion'), (v) => number(v) >= 1.2);
  const atMost = anyValue(conditionValues(stmt, ['NumericLessThanEquals'], 's3:TlsVersion'), (v) => number(v) >= 1.1);
  return allOf(isDeny(stmt), bindsEveryone(stmt), coversAllActions(stmt, 's3'), anyOf([lessThan, atMost]));
}
