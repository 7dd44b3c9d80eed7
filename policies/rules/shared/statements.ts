import type { Resource } from '../../engine/model';
import {
  Opaque,
  type PolicyValue,
  type Tri,
  asList,
  equalsIgnoreCase,
  field,
  lowerCase,
  someValue,
} from './policy-document';
import { coversBucket } from './statement-resources';

/**
 * Predicates over one normalized bucket-policy statement, for the bucket it must protect. Each
 * answers true, false or Opaque (a part the engine cannot decide), so a statement built from
 * parameters yields `unknown`, not a guess. A Deny only counts when nothing narrows it: every
 * principal, every S3 action, the bucket and its objects as Resource, and no condition besides
 * the one required (an extra `aws:SourceVpc` or a second `Bool` key would exempt callers).
 */

export interface StatementTarget {
  readonly bucket: Resource;
  /** The bucket's literal name, when it has one (literal ARNs in Resource are matched on it). */
  readonly name?: string;
}

function equalsText(v: PolicyValue | undefined, expected: string): Tri {
  if (v instanceof Opaque) return v;
  return typeof v === 'string' && equalsIgnoreCase(v, expected);
}

export const isDeny = (stmt: PolicyValue): Tri => equalsText(field(stmt, 'Effect'), 'Deny');

const isStar = (p: PolicyValue): Tri => equalsText(p, '*');

/** Principal "*" or {"AWS": "*"}: the statement binds every caller, anonymous ones included. */
export function bindsEveryone(stmt: PolicyValue): Tri {
  if (field(stmt, 'NotPrincipal') !== undefined) return false;
  const principal = field(stmt, 'Principal');
  if (principal instanceof Opaque) return principal;
  if (principal === '*') return true;
  return someValue(field(principal, 'AWS'), awsPrincipalIsStar);
}

const awsPrincipalIsStar = (v: PolicyValue): Tri => (v instanceof Opaque ? namedPrincipal(v) : isStar(v));

/**
 * A principal known only at deploy time is still decided when it is a resource's attribute (a role's
 * Arn) or an ARN built around references (`arn:aws:iam::${AWS::AccountId}:root`): neither is "*".
 */
function namedPrincipal(v: Opaque): Tri {
  const r = v.resolved;
  if (r?.kind === 'reference') return false;
  if (r?.kind === 'composed' && typeof r.parts[0] === 'string' && r.parts[0].startsWith('arn:')) return false;
  return v;
}

/** Action "*" or "<service>:*": the statement covers every operation of the service. */
export function coversAllActions(stmt: PolicyValue, service: string): Tri {
  return coversEveryAction(stmt, `${service}:*`);
}

/** `coversAllActions` given `<service>:*`. */
function coversEveryAction(stmt: PolicyValue, all: string): Tri {
  if (field(stmt, 'NotAction') !== undefined) return false;
  return someValue(field(stmt, 'Action'), (a) => isEveryAction(a, all));
}

const isEveryAction = (a: PolicyValue, all: string): Tri =>
  a instanceof Opaque ? a : typeof a === 'string' && (a === '*' || equalsIgnoreCase(a, all));

/** The statement's actions include every one of `want` (lower-cased names), `<service>:*` or `*`. */
function coversActions(stmt: PolicyValue, all: string, want: readonly string[]): Tri {
  if (field(stmt, 'NotAction') !== undefined) return false;
  const listed = asList(field(stmt, 'Action'));
  const opaque = listed.find((a): a is Opaque => a instanceof Opaque);
  const names = listed.filter((a): a is string => typeof a === 'string').map((a) => a.toLowerCase());
  if (names.some((a) => a === '*' || a === all) || want.every((w) => names.includes(w))) return true;
  return opaque ?? false;
}

/**
 * The statement's Condition holds for every request it must catch, and for nothing narrower: only
 * the operators in `tests` on only `key` (another operator or key would exempt callers), and each
 * operator block (conditions are AND-ed) has a value (values are OR-ed) its test accepts.
 */
function onlyCondition(stmt: PolicyValue, key: string, tests: Readonly<Record<string, (v: PolicyValue) => Tri>>): Tri {
  const condition = field(stmt, 'Condition');
  if (condition instanceof Opaque) return condition;
  if (typeof condition !== 'object' || condition === null || Array.isArray(condition)) return false;
  // for...in rather than Object.entries: no pair arrays per statement (policy values are plain objects).
  let blocks = 0;
  let opaque: Opaque | undefined;
  for (const op in condition) {
    blocks++;
    const block = condition[op];
    const test = Object.prototype.hasOwnProperty.call(tests, op) ? tests[op] : undefined;
    if (!test) return false;
    if (block instanceof Opaque) {
      opaque ??= block;
      continue;
    }
    if (typeof block !== 'object' || block === null || Array.isArray(block)) return false;
    for (const k in block) {
      if (!equalsIgnoreCase(k, key)) return false;
      const t = someValue(block[k], test);
      if (t === false) return false;
      if (t !== true) opaque ??= t;
    }
  }
  if (blocks === 0) return false;
  return opaque ?? true;
}

function allOfInOrder(stmt: PolicyValue, target: StatementTarget, parts: readonly Part[]): Tri {
  let opaque: Opaque | undefined;
  for (const part of parts) {
    const t = part(stmt, target);
    if (t === false) return false;
    if (t !== true) opaque ??= t;
  }
  return opaque ?? true;
}

type Part = (stmt: PolicyValue, target: StatementTarget) => Tri;

const valueTest =
  (test: (v: PolicyValue) => boolean) =>
  (v: PolicyValue): Tri =>
    v instanceof Opaque ? v : test(v);

// Tests, condition tables and part lists are module constants: statements are judged by the thousand.
const isFalse = valueTest((v) => v === false || (typeof v === 'string' && equalsIgnoreCase(v, 'false')));
const INSECURE_TESTS = { Bool: isFalse, BoolIfExists: isFalse };
const insecure: Part = (stmt) => onlyCondition(stmt, 'aws:SecureTransport', INSECURE_TESTS);
const everyS3Action: Part = (stmt) => coversEveryAction(stmt, 's3:*');
const INSECURE_TRANSPORT_PARTS: readonly Part[] = [isDeny, bindsEveryone, everyS3Action, coversBucket, insecure];

/** Deny for everyone, every S3 action on the bucket and its objects, when aws:SecureTransport is false. */
export function deniesInsecureTransport(stmt: PolicyValue, target: StatementTarget): Tri {
  return allOfInOrder(stmt, target, INSECURE_TRANSPORT_PARTS);
}

const tlsNumber = (v: PolicyValue): number => (typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN);

/**
 * "s3:TlsVersion below 1.2" for TLS 1.0 and 1.1 alike. TLS versions are discrete (1.0, 1.1, 1.2,
 * 1.3), so "< 1.2" and "<= 1.1" are the same condition.
 */
const TLS_BELOW_12_TESTS = {
  NumericLessThan: valueTest((v) => tlsNumber(v) >= 1.2),
  NumericLessThanEquals: valueTest((v) => tlsNumber(v) >= 1.1),
};
const tlsBelow12: Part = (stmt) => onlyCondition(stmt, 's3:TlsVersion', TLS_BELOW_12_TESTS);
const TLS_BELOW_12_PARTS: readonly Part[] = [isDeny, bindsEveryone, everyS3Action, coversBucket, tlsBelow12];

/** Deny for everyone, every S3 action on the bucket and its objects, when s3:TlsVersion is below 1.2. */
export function deniesTlsBelow12(stmt: PolicyValue, target: StatementTarget): Tri {
  return allOfInOrder(stmt, target, TLS_BELOW_12_PARTS);
}

/**
 * The same TLS-only Deny in a resource policy that is attached to its one resource (an EFS file
 * system policy, an SQS queue or SNS topic policy): every principal, every action of `service`
 * (or "*"), only the aws:SecureTransport = false condition. Resource is not checked: the policy
 * can only govern the resource it is attached to.
 */
export function deniesInsecureTransportOf(
  service: string,
  dataActions: readonly string[] = [],
): (stmt: PolicyValue) => Tri {
  const all = lowerCase(`${service}:*`);
  const want = dataActions.map(lowerCase);
  const actions: Part =
    dataActions.length > 0 ? (stmt) => coversActions(stmt, all, want) : (stmt) => coversEveryAction(stmt, all);
  const parts: readonly Part[] = [isDeny, bindsEveryone, actions, insecure];
  return (stmt) => allOfInOrder(stmt, NO_TARGET, parts);
}

/** `insecure` never reads its target. */
const NO_TARGET = {} as StatementTarget;
