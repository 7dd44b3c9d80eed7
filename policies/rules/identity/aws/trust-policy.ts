import type { ResourceGraph } from '../../../engine/graph';
import type { Resource } from '../../../engine/model';
import { type CheckResult, fail } from '../../../engine/rule';
import { CALLER_OR_SOURCE_KEYS, conditionedOn, mayBeWildcard } from '../../shared/public-statements';
import { joinPath, isPlainObject, rawAt, unknownAt } from '../../shared/read';
import {
  Opaque,
  type PolicyValue,
  type Tri,
  allOf,
  equalsIgnoreCase,
  field,
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

/** Who may assume: narrowed to an organization, account, principal or source (a VPC alone admits every account in it). */
const NARROWING_KEYS = new Set(CALLER_OR_SOURCE_KEYS);

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

const narrowed = (stmt: PolicyValue): Tri => conditionedOn(stmt, (k) => NARROWING_KEYS.has(k), matchesAll);

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
    return conditionedOn(stmt, (k) => equalsIgnoreCase(k, `${GITHUB_ISSUER}:sub`), anyRepository);
  }
  return conditionedOn(stmt, (k) => /:(aud|sub)$/i.test(k), matchesAll);
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
