import type { ResourceGraph } from '../../../engine/graph';
import type { Resource } from '../../../engine/model';
import { type CheckResult, fail } from '../../../engine/rule';
import { joinPath, isPlainObject, rawAt, unknownAt } from '../../shared/read';
import {
  Opaque,
  type PolicyValue,
  type Tri,
  allOf,
  equalsIgnoreCase,
  field,
  lowerCase,
  readPolicyDocument,
  some,
  someValue,
} from '../../shared/policy-document';

/**
 * Role trust policies (AssumeRolePolicyDocument / assume_role_policy): who may become the role.
 * An Allow of an assume action fails when it names nobody in particular (Principal "*", a "*" in
 * AWS / Service / Federated, or NotPrincipal) and no condition ties the caller to an organization,
 * account, principal or source; a web-identity trust fails without an audience or subject
 * condition, since every token of the provider would otherwise do (for GitHub Actions, whose issuer
 * is shared by every repository on github.com, only the subject narrows it).
 */

const ASSUME_ACTIONS = ['sts:AssumeRole', 'sts:AssumeRoleWithWebIdentity', 'sts:AssumeRoleWithSAML', 'sts:TagSession'];
const WEB_IDENTITY = ['sts:AssumeRoleWithWebIdentity'];
const GITHUB_ISSUER = 'token.actions.githubusercontent.com';

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
  ].map(lowerCase),
);

/** Operators true only when the request carries the key with a listed value (no ...IfExists, no ForAllValues:). */
const MATCHING_OPERATORS = new Set(
  ['StringEquals', 'StringEqualsIgnoreCase', 'StringLike', 'ArnEquals', 'ArnLike']
    .flatMap((op) => [op, `ForAnyValue:${op}`])
    .map(lowerCase),
);

const not = (t: Tri): Tri => (t instanceof Opaque ? t : !t);

/** IAM action patterns (`sts:*`, `sts:Assume*`, `*`): `*` and `?` wildcards, case-insensitive. */
function actionMatches(pattern: string, action: string): boolean {
  if (!/[*?]/.test(pattern)) return equalsIgnoreCase(pattern, action);
  const body = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'i').test(action);
}

const patternCovers = (p: PolicyValue, action: string): Tri =>
  p instanceof Opaque ? p : typeof p === 'string' && actionMatches(p, action);

/** The statement allows one of `actions`: listed (or matched by a wildcard), or not excluded by NotAction. */
function coversAny(stmt: PolicyValue, actions: readonly string[]): Tri {
  const excluded = field(stmt, 'NotAction');
  if (excluded !== undefined) return some(actions, (a) => not(someValue(excluded, (p) => patternCovers(p, a))));
  return someValue(field(stmt, 'Action'), (p) => some(actions, (a) => patternCovers(p, a)));
}

/**
 * Whether a value known only at deploy time could be `*` (or match everything): a resource's
 * attribute, text with fixed characters around the references, or a pseudo parameter never is.
 */
function mayBeWildcard(v: Opaque): Tri {
  const r = v.resolved;
  if (r?.kind === 'reference') return false;
  if (r?.kind === 'composed' && r.parts.some((p) => typeof p === 'string' && p !== '' && !/^[*?]+$/.test(p))) {
    return false;
  }
  if (r?.kind === 'unknown' && r.reason.startsWith('pseudo parameter AWS::')) return false;
  return v;
}

const isStar = (v: PolicyValue): Tri => (v instanceof Opaque ? mayBeWildcard(v) : v === '*');

/** Principal "*", a "*" under any principal kind (AWS, Service, Federated), or NotPrincipal (everyone else). */
function namesEveryone(stmt: PolicyValue): Tri {
  if (field(stmt, 'NotPrincipal') !== undefined) return true;
  const principal = field(stmt, 'Principal');
  if (principal instanceof Opaque) return mayBeWildcard(principal);
  if (typeof principal === 'string') return principal === '*';
  if (!isPlainObject(principal)) return false;
  const kinds = principal as { [k: string]: PolicyValue };
  return some(Object.keys(kinds), (k) => someValue(kinds[k], isStar));
}

/** A condition value that matches every caller: only wildcards (or nothing). */
const matchesAll = (v: PolicyValue): Tri =>
  v instanceof Opaque ? mayBeWildcard(v) : typeof v === 'string' && /^[*?]*$/.test(v);

/**
 * Some matching-operator block conditions the statement on a key `wanted` accepts, and every value
 * listed for it (values are OR-ed) names something: `matchesAll` says which do not.
 */
function conditioned(stmt: PolicyValue, wanted: (key: string) => boolean, wide: (v: PolicyValue) => Tri): Tri {
  const condition = field(stmt, 'Condition');
  if (condition === undefined || condition === null) return false;
  if (condition instanceof Opaque) return condition;
  if (!isPlainObject(condition)) return false;
  const blocks = condition as { [op: string]: PolicyValue };
  let opaque: Opaque | undefined;
  for (const op in blocks) {
    if (!MATCHING_OPERATORS.has(op.toLowerCase())) continue;
    const block = blocks[op];
    if (block instanceof Opaque) {
      opaque ??= block;
      continue;
    }
    if (!isPlainObject(block)) continue;
    const keys = block as { [k: string]: PolicyValue };
    for (const key in keys) {
      if (!wanted(key)) continue;
      const values = keys[key];
      if (values === null || (Array.isArray(values) && values.length === 0)) continue;
      const t = not(someValue(values, wide));
      if (t === true) return true;
      if (t instanceof Opaque) opaque ??= t;
    }
  }
  return opaque ?? false;
}

const narrowed = (stmt: PolicyValue): Tri => conditioned(stmt, (k) => NARROWING_KEYS.has(k.toLowerCase()), matchesAll);

const federatedOf = (stmt: PolicyValue): PolicyValue | undefined => field(field(stmt, 'Principal'), 'Federated');

/** A Federated principal that is an OIDC provider (or may be one): SAML providers take no web-identity call. */
const isOidc = (v: PolicyValue): Tri =>
  v instanceof Opaque ? true : typeof v === 'string' && !/:saml-provider\//i.test(v);

const isGitHub = (v: PolicyValue): boolean => typeof v === 'string' && v.toLowerCase().endsWith(GITHUB_ISSUER);

/** A GitHub subject that names no owner ("*", "repo:*", or a wildcard owner) admits every repository on github.com. */
const anyRepository = (v: PolicyValue): Tri =>
  v instanceof Opaque ? mayBeWildcard(v) : typeof v === 'string' && /^(repo:)?([*?]|$)/i.test(v);

function audienceOrSubject(stmt: PolicyValue, federated: PolicyValue): Tri {
  if (someValue(federated, (v) => isGitHub(v)) === true) {
    return conditioned(stmt, (k) => equalsIgnoreCase(k, `${GITHUB_ISSUER}:sub`), anyRepository);
  }
  return conditioned(stmt, (k) => /:(aud|sub)$/i.test(k), matchesAll);
}

const isAllow = (stmt: PolicyValue): Tri => {
  const effect = field(stmt, 'Effect');
  if (effect instanceof Opaque) return effect;
  return typeof effect === 'string' && equalsIgnoreCase(effect, 'allow');
};

/** One statement's findings: a wildcard trust, a web-identity trust without audience/subject. */
function judgeStatement(stmt: PolicyValue, at: string): CheckResult[] {
  // A statement chosen by a condition (Fn::If) or built from a parameter may be any statement.
  if (stmt instanceof Opaque) return [unknownAt(at, stmt.reason)];
  const out: CheckResult[] = [];
  const principalPath = joinPath(at, field(stmt, 'NotPrincipal') !== undefined ? 'NotPrincipal' : 'Principal');
  const open = allOf(isAllow(stmt), coversAny(stmt, ASSUME_ACTIONS), namesEveryone(stmt), not(narrowed(stmt)));
  if (open === true) {
    out.push(
      fail(
        `${principalPath} lets any principal (any account, or any service or identity provider) assume the role ` +
          'and no aws:PrincipalOrgID / PrincipalAccount / PrincipalArn / SourceAccount / SourceArn condition ' +
          'narrows it; name the principals that may assume it',
        principalPath,
      ),
    );
  } else if (open instanceof Opaque) {
    out.push(unknownAt(principalPath, open.reason));
  }
  const federated = federatedOf(stmt);
  if (federated === undefined || federated === null) return out;
  const github = someValue(federated, (v) => isGitHub(v)) === true;
  const unbound = allOf(
    isAllow(stmt),
    coversAny(stmt, WEB_IDENTITY),
    someValue(federated, isOidc),
    not(audienceOrSubject(stmt, federated)),
  );
  const conditionPath = joinPath(at, 'Condition');
  if (unbound === true) {
    out.push(
      fail(
        github
          ? `${conditionPath} has no ${GITHUB_ISSUER}:sub condition naming the repository: every GitHub ` +
              'Actions workflow of every repository on github.com can assume the role (aud is the same for all)'
          : `${conditionPath} has no audience (:aud) or subject (:sub) condition: every token the identity ` +
              'provider issues can assume the role',
        conditionPath,
      ),
    );
  } else if (unbound instanceof Opaque) {
    out.push(unknownAt(conditionPath, unbound.reason));
  }
  return out;
}

/** Every statement of the trust policy at `path` (absent or empty: nobody may assume the role). */
export function judgeTrustPolicy(g: ResourceGraph, res: Resource, path: string): CheckResult[] | 'absent' {
  if (rawAt(res, path) === '') return 'absent';
  const doc = readPolicyDocument(g, res, path);
  if (doc.kind === 'absent') return 'absent';
  if (doc.kind === 'unknown') return [unknownAt(path, doc.reason)];
  return doc.statements.flatMap((stmt, i) => judgeStatement(stmt, joinPath(path, 'Statement', i)));
}
