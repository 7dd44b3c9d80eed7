import type { ResourceGraph } from '../../../engine/graph';
import type { Resource } from '../../../engine/model';
import { type CheckResult, fail, pass } from '../../../engine/rule';
import { conditionedOn, mayBeWildcard } from '../../shared/public-statements';
import { Opaque, type PolicyValue, asList, field, some } from '../../shared/policy-document';
import { joinPath, unknownAt } from '../../shared/read';
import { lookupActions, narrowsResources } from './action-catalog';
import { eachAllowStatement } from './identity-documents';

/**
 * ZT-IDENTITY-009 on IAM identity policies: an Allow statement on every resource (`Resource: "*"`,
 * or NotResource) fails when one of its actions can be scoped to resources (the IAM action data
 * lists a resource type for it) and no condition narrows what that action reaches. Actions that
 * support no resource-level permission (ec2:DescribeSubnets, ecr:GetAuthorizationToken) need `*`
 * and pass.
 */

const MAX_NAMED = 3;

/** `*` (or only wildcards) as a resource; opaque when a parameter may be one. */
const everyResource = (v: PolicyValue): boolean | Opaque => {
  if (v instanceof Opaque) return mayBeWildcard(v);
  return typeof v === 'string' && /^[*?]+$/.test(v);
};

/** The statement's actions that could name a resource but reach every one; or why that cannot be told. */
function unscoped(stmt: PolicyValue, at: string): { actions: string[] } | CheckResult {
  const actions = field(stmt, 'Action');
  if (actions instanceof Opaque) return unknownAt(joinPath(at, 'Action'), actions.reason);
  const out: string[] = [];
  for (const a of asList(actions)) {
    if (a instanceof Opaque) return unknownAt(joinPath(at, 'Action'), a.reason);
    if (typeof a !== 'string')
      return unknownAt(joinPath(at, 'Action'), `expected an action name, found ${JSON.stringify(a)}`);
    const found = lookupActions(a);
    if (found.kind === 'unknown') return unknownAt(joinPath(at, 'Action'), found.reason);
    for (const action of found.actions) {
      if (!action.restrictable) continue;
      const narrowed = conditionedOn(
        stmt,
        (k) => narrowsResources(action, k),
        (v) => everyResource(v),
      );
      if (narrowed instanceof Opaque) return unknownAt(joinPath(at, 'Condition'), narrowed.reason);
      if (!narrowed) out.push(action.name);
    }
  }
  return { actions: out };
}

const named = (actions: readonly string[]): string =>
  actions.length <= MAX_NAMED
    ? actions.join(', ')
    : `${actions.slice(0, MAX_NAMED).join(', ')} and ${actions.length - MAX_NAMED} more`;

/** An Allow statement on every resource: its restrictable actions, or none; [] when it names resources. */
function judgeStatement(stmt: PolicyValue, at: string): CheckResult[] {
  const notResource = field(stmt, 'NotResource') !== undefined;
  const wide = notResource || some(asList(field(stmt, 'Resource')), everyResource);
  const where = joinPath(at, notResource ? 'NotResource' : 'Resource');
  if (wide instanceof Opaque) return [unknownAt(where, wide.reason)];
  if (!wide) return [];
  if (field(stmt, 'NotAction') !== undefined) {
    return [fail(`${at} allows NotAction on every resource: every other action, on anything`, where)];
  }
  const found = unscoped(stmt, at);
  if (!('actions' in found)) return [found];
  const on = notResource ? 'every resource but those listed' : 'every resource ("*")';
  return [
    found.actions.length === 0
      ? pass(
          `${at} is on ${on}, and its actions support no resource-level permission (or a condition narrows them)`,
          where,
        )
      : fail(
          `${at} allows ${named(found.actions)} on ${on}: these actions can name the resources they act on ` +
            '(the IAM Service Authorization Reference lists a resource type for them)',
          where,
        ),
  ];
}

/** One result per Allow statement on every resource; [] when the document has none. */
export const judgeResourceScope = (g: ResourceGraph, res: Resource, path: string): CheckResult[] =>
  eachAllowStatement(g, res, path, judgeStatement);
