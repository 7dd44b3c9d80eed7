import type { ResourceGraph } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import { type CheckResult, fail, pass } from '../../engine/rule';
import { eachOf } from './combine';
import { Opaque, type PolicyValue, asList, field, readPolicyDocument } from './policy-document';
import { opensToEveryone } from './public-statements';
import { joinPath, unknownAt } from './read';

/**
 * A resource policy (ECR repository, model package group, SQS queue, SNS topic, secret) opens
 * nothing to everyone: no Allow for Principal "*" that a condition does not narrow to the
 * organization, an account, a principal, a source or a VPC endpoint, and no Allow naming a
 * principal ARN with a wildcard in it (IAM matches no partial wildcard in a principal, so such a
 * statement is either rejected or meant as "any account"). One finding per statement; no policy,
 * or an empty one, grants nothing and passes.
 */
export function judgeOpenPolicy(g: ResourceGraph, res: Resource, path: string, what: string): CheckResult[] {
  const text = g.value(res, path);
  if (text.kind === 'literal' && text.value === '') return [pass(`${path} is empty: it grants nothing`, path)];
  const doc = readPolicyDocument(g, res, path);
  if (doc.kind === 'absent') {
    return [
      pass(`${path} is not set: only identities of this account whose IAM policies allow it reach ${what}`, path),
    ];
  }
  if (doc.kind === 'unknown') return [unknownAt(path, doc.reason)];
  const results = doc.statements.map((stmt, i) => statement(stmt, joinPath(path, 'Statement', i), what));
  return results.length === 0 ? [pass(`${path} has no statement`, path)] : eachOf(results);
}

function statement(stmt: PolicyValue, at: string, what: string): CheckResult {
  const open = opensToEveryone(stmt);
  if (open === true) {
    return fail(
      `${at} allows every principal, anonymous callers included, and no condition narrows it to the organization, an account or a VPC endpoint`,
      at,
    );
  }
  if (open instanceof Opaque) return unknownAt(at, open.reason);
  const partial = partialWildcardPrincipal(stmt);
  if (partial !== undefined) {
    return fail(
      `${at} allows principal ${JSON.stringify(partial)}: a wildcard inside a principal ARN matches no principal in IAM, so it is rejected or meant as "any account"; name the principals`,
      at,
    );
  }
  return pass(`${at} does not open ${what} to everyone`, at);
}

/** An Allow's AWS principal that is an ARN with a wildcard in it (`arn:aws:iam::*:role/x`). */
function partialWildcardPrincipal(stmt: PolicyValue): string | undefined {
  const effect = field(stmt, 'Effect');
  if (typeof effect !== 'string' || effect.toLowerCase() !== 'allow') return undefined;
  const principal = field(stmt, 'Principal');
  const aws = typeof principal === 'string' ? principal : field(principal, 'AWS');
  return asList(aws).find((p): p is string => typeof p === 'string' && p !== '*' && /[*?]/.test(p));
}
