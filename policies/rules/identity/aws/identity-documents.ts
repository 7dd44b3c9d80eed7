import type { ResourceGraph } from '../../../engine/graph';
import type { Resource } from '../../../engine/model';
import { type Check, type CheckResult, fail, pass } from '../../../engine/rule';
import { eachOf } from '../../shared/combine';
import { Opaque, type PolicyValue, equalsIgnoreCase, field, readPolicyDocument } from '../../shared/policy-document';
import { eachListed, joinPath, unknownAt } from '../../shared/read';

/**
 * Where each IAM identity type keeps its policy documents (CloudFormation inline `Policies` and
 * `PolicyDocument`, Terraform `policy` / `inline_policy`), so every rule on identity-policy
 * statements judges the same documents of the same types.
 */

export type DocumentJudge = (g: ResourceGraph, res: Resource, path: string) => CheckResult[];

export const CFN_IDENTITY_TYPES = ['AWS::IAM::Role', 'AWS::IAM::Policy', 'AWS::IAM::User', 'AWS::IAM::Group'];

export const TF_IDENTITY_POLICY_TYPES = [
  'aws_iam_policy',
  'aws_iam_role_policy',
  'aws_iam_user_policy',
  'aws_iam_group_policy',
  'aws_ssoadmin_permission_set_inline_policy',
];

/**
 * `judge` on each Allow statement of the document at `path` (at its path `...Statement.<i>`): an
 * absent document gives nothing, an undecidable one or an undecidable Effect one unknown. A
 * statement whose Effect is neither Allow nor Deny (missing, misspelt) fails here, at synth:
 * IAM rejects the whole document on deploy, and what it was meant to allow cannot be judged.
 */
export function eachAllowStatement(
  g: ResourceGraph,
  res: Resource,
  path: string,
  judge: (stmt: PolicyValue, at: string) => CheckResult[],
): CheckResult[] {
  const doc = readPolicyDocument(g, res, path);
  if (doc.kind === 'absent') return [];
  if (doc.kind === 'unknown') return [unknownAt(path, doc.reason)];
  const out: CheckResult[] = [];
  doc.statements.forEach((stmt, i) => {
    const at = joinPath(path, 'Statement', i);
    const effect = field(stmt, 'Effect');
    if (effect instanceof Opaque) return void out.push(unknownAt(joinPath(at, 'Effect'), effect.reason));
    if (typeof effect === 'string' && equalsIgnoreCase(effect, 'allow')) out.push(...judge(stmt, at));
    else if (typeof effect !== 'string' || !equalsIgnoreCase(effect, 'deny')) {
      const what = effect === undefined ? 'has no Effect' : `has Effect ${JSON.stringify(effect)}`;
      out.push(
        fail(`${at} ${what}: IAM rejects the policy (Effect is "Allow" or "Deny"); state it`, joinPath(at, 'Effect')),
      );
    }
  });
  return out;
}

/** One check per identity type: `judge` on each of its documents; `none` passes a resource with no result. */
export function identityDocumentChecks(judge: DocumentJudge, none: string): Record<string, Check> {
  const verdict = (results: readonly CheckResult[]): CheckResult[] =>
    results.length === 0 ? [pass(none)] : eachOf(results);
  const doc =
    (path: string): Check =>
    (res, { graph }) =>
      verdict(judge(graph, res, path));
  const cfnInline: Check = (res, { graph }) =>
    verdict(eachListed(graph, res, 'Policies', (p) => judge(graph, res, joinPath(p, 'PolicyDocument'))));
  const tfRole: Check = (res, { graph }) =>
    verdict(eachListed(graph, res, 'inline_policy', (p) => judge(graph, res, joinPath(p, 'policy'))));
  return {
    'AWS::IAM::Role': cfnInline,
    'AWS::IAM::User': cfnInline,
    'AWS::IAM::Group': cfnInline,
    'AWS::IAM::Policy': doc('PolicyDocument'),
    'AWS::IAM::ManagedPolicy': doc('PolicyDocument'),
    aws_iam_role: tfRole,
    aws_iam_policy: doc('policy'),
    aws_iam_role_policy: doc('policy'),
    aws_iam_user_policy: doc('policy'),
    aws_iam_group_policy: doc('policy'),
    aws_ssoadmin_permission_set_inline_policy: doc('inline_policy'),
  };
}
