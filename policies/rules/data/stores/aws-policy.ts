import type { ResourceGraph } from '../../../engine/graph';
import type { Resource } from '../../../engine/model';
import { type CheckResult, fail, pass, unknown } from '../../../engine/rule';
import { Opaque, type PolicyValue, type Tri, field, readPolicyDocument, some } from '../../shared/policy-document';
import { isPlainObject } from '../../shared/read';
import { bindsEveryone } from '../../shared/statements';

/** A resource policy (inline or a companion's) must hold a statement; `describe` says which, for messages. */
export function requireStatement(
  g: ResourceGraph,
  holder: Resource,
  path: string,
  describe: string,
  matches: (stmt: PolicyValue) => Tri,
): CheckResult {
  const doc = readPolicyDocument(g, holder, path);
  if (doc.kind === 'absent') return fail(`${path} is not set; it needs ${describe}`, path);
  if (doc.kind === 'unknown') return unknown(`${path} cannot be read at synth time: ${doc.reason}`, path);
  const verdict = some(doc.statements, matches);
  if (verdict === true) return pass(`${path} has ${describe}`, path);
  if (verdict instanceof Opaque) {
    return unknown(`${path} may have ${describe}, but part of it is undecidable: ${verdict.reason}`, path);
  }
  return fail(`${path} has no statement with ${describe}`, `${path}.Statement`);
}

/**
 * A resource policy must not hold an unconditional Allow for every principal. No policy at all
 * passes: access then needs an identity policy in the account.
 */
export function forbidStatement(
  g: ResourceGraph,
  holder: Resource,
  path: string,
  describe: string,
  matches: (stmt: PolicyValue) => Tri,
): CheckResult {
  const doc = readPolicyDocument(g, holder, path);
  if (doc.kind === 'absent') return pass(`${path} is not set: only identity policies grant access`, path);
  if (doc.kind === 'unknown') return unknown(`${path} cannot be read at synth time: ${doc.reason}`, path);
  const verdict = some(doc.statements, matches);
  if (verdict === false) return pass(`${path} has no statement with ${describe}`, path);
  if (verdict instanceof Opaque) {
    return unknown(`${path} may have ${describe}; part of it is undecidable: ${verdict.reason}`, path);
  }
  return fail(`${path} has ${describe}`, `${path}.Statement`);
}

/**
 * An Allow for every principal with no Condition: anyone on the internet (or, in a VPC, anyone who
 * can reach the endpoint) is granted the actions without signing in as anyone in particular.
 */
export function allowsEveryoneUnconditionally(stmt: PolicyValue): Tri {
  const effect = field(stmt, 'Effect');
  if (effect instanceof Opaque) return effect;
  if (typeof effect !== 'string' || effect.toLowerCase() !== 'allow') return false;
  const condition = field(stmt, 'Condition');
  if (condition instanceof Opaque) return condition;
  if (isPlainObject(condition) && Object.keys(condition).length > 0) return false;
  return bindsEveryone(stmt);
}
