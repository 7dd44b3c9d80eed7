import { Opaque, PolicyValue, Tri, field, lowerCase, someValue } from './policy-document';

/**
 * Predicates over one normalized policy statement. Each answers true, false or Opaque (a part the
 * engine cannot decide), so a statement built from parameters yields `unknown`, not a guess.
 * They run for every statement of every bucket policy, so they stop at the first decisive part
 * and compare text case-insensitively without converting it when it matches exactly.
 */

function equalsText(v: PolicyValue | undefined, expected: string): Tri {
  if (v instanceof Opaque) return v;
  return typeof v === 'string' && (v === expected || v.toLowerCase() === lowerCase(expected));
}

export const isDeny = (stmt: PolicyValue): Tri => equalsText(field(stmt, 'Effect'), 'Deny');

const isStar = (p: PolicyValue): Tri => equalsText(p, '*');

/** Principal "*" or {"AWS": "*"}: the statement binds every caller, anonymous ones included. */
export function bindsEveryone(stmt: PolicyValue): Tri {
  if (field(stmt, 'NotPrincipal') !== undefined) return false;
  const principal = field(stmt, 'Principal');
  if (principal instanceof Opaque) return principal;
  if (principal === '*') return true;
  return someValue(field(principal, 'AWS'), isStar);
}

/** Action "*" or "<service>:*": the statement covers every operation of the service. */
export function coversAllActions(stmt: PolicyValue, service: string): Tri {
  if (field(stmt, 'NotAction') !== undefined) return false;
  const all = lowerCase(`${service}:*`);
  return someValue(field(stmt, 'Action'), (a) => {
    if (a instanceof Opaque) return a;
    return typeof a === 'string' && (a === '*' || a === all || a.toLowerCase() === all);
  });
}

const coversAllS3 = (stmt: PolicyValue): Tri => coversAllActions(stmt, 's3');

/**
 * Does any value of condition key `key` under any of the operators `ops` (operator names are
 * case-sensitive) pass `test`? An opaque condition or operator block makes the answer opaque.
 */
function anyConditionValue(stmt: PolicyValue, ops: readonly string[], key: string, test: (v: PolicyValue) => Tri): Tri {
  const condition = field(stmt, 'Condition');
  if (condition instanceof Opaque) return condition;
  const blocks = condition && typeof condition === 'object' && !Array.isArray(condition) ? condition : undefined;
  for (const op of ops) {
    const block = blocks?.[op];
    if (block instanceof Opaque) return block;
  }
  let opaque: Opaque | undefined;
  for (const op of ops) {
    const t = someValue(field(blocks?.[op], key), test);
    if (t === true) return true;
    if (t !== false) opaque ??= t;
  }
  return opaque ?? false;
}

/** Conjunction of parts computed in order, stopping at the first false (false wins over opaque). */
function allOfInOrder(stmt: PolicyValue, parts: readonly ((stmt: PolicyValue) => Tri)[]): Tri {
  let opaque: Opaque | undefined;
  for (const part of parts) {
    const t = part(stmt);
    if (t === false) return false;
    if (t !== true) opaque ??= t;
  }
  return opaque ?? true;
}

/** A condition value tested as a fact: an opaque value stays opaque. */
const valueTest =
  (test: (v: PolicyValue) => boolean) =>
  (v: PolicyValue): Tri =>
    v instanceof Opaque ? v : test(v);

const SECURE_TRANSPORT_OPS = ['Bool', 'BoolIfExists'];
const isFalse = valueTest((v) => v === false || (typeof v === 'string' && v.toLowerCase() === 'false'));
const insecure = (stmt: PolicyValue): Tri =>
  anyConditionValue(stmt, SECURE_TRANSPORT_OPS, 'aws:SecureTransport', isFalse);

/** Deny for everyone, every S3 action, when aws:SecureTransport is false (plain HTTP). */
const HTTP_PARTS = [isDeny, bindsEveryone, coversAllS3, insecure];

export function deniesInsecureTransport(stmt: PolicyValue): Tri {
  return allOfInOrder(stmt, HTTP_PARTS);
}

const tlsNumber = (v: PolicyValue): number => (typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN);
const LESS_THAN = ['NumericLessThan'];
const AT_MOST = ['NumericLessThanEquals'];
const atLeast12 = valueTest((v) => tlsNumber(v) >= 1.2);
const atLeast11 = valueTest((v) => tlsNumber(v) >= 1.1);

/**
 * "s3:TlsVersion below 1.2". TLS versions are discrete (1.0, 1.1, 1.2, 1.3), so "< 1.2" and
 * "<= 1.1" are the same condition.
 */
function tlsBelow12(stmt: PolicyValue): Tri {
  const lessThan = anyConditionValue(stmt, LESS_THAN, 's3:TlsVersion', atLeast12);
  if (lessThan === true) return true;
  const atMost = anyConditionValue(stmt, AT_MOST, 's3:TlsVersion', atLeast11);
  if (atMost === true) return true;
  return lessThan !== false ? lessThan : atMost;
}

/** Deny for everyone, every S3 action, when s3:TlsVersion is below 1.2. */
const TLS_PARTS = [isDeny, bindsEveryone, coversAllS3, tlsBelow12];

export function deniesTlsBelow12(stmt: PolicyValue): Tri {
  return allOfInOrder(stmt, TLS_PARTS);
}
