import type { ResourceGraph } from '../../../engine/graph';
import { describeResolved } from '../../../engine/graph';
import type { Resource } from '../../../engine/model';
import { type Check, type CheckResult, pass } from '../../../engine/rule';
import { eachOf } from '../../shared/combine';
import { eachListed } from '../../shared/read';

/**
 * What a managed policy ARN attached to an identity names:
 * - aws: an AWS managed policy, with its path and name after `policy/` (`ReadOnlyAccess`,
 *   `job-function/DataScientist`, `service-role/AWSLambdaBasicExecutionRole`), read from a literal
 *   or from an ARN built with pseudo parameters (CDK's `arn:${AWS::Partition}:iam::aws:policy/...`);
 * - customer: a policy of this configuration (a Ref / `aws_iam_policy.x.arn`) or of an account;
 * - absent (an Fn::If branch of AWS::NoValue), or unknown with the reason.
 */
export type ManagedPolicyArn =
  | { readonly kind: 'aws'; readonly name: string }
  | { readonly kind: 'customer'; readonly detail: string }
  | { readonly kind: 'absent' }
  | { readonly kind: 'unknown'; readonly reason: string };

/** Resource types whose ARN is a customer managed policy. */
const POLICY_TYPES = new Set(['AWS::IAM::ManagedPolicy', 'aws_iam_policy']);

// An unresolved piece of a composed ARN (a pseudo parameter, a variable) stands for itself: it may sit in
// the partition or the account, but a policy name with one in it is undecided.
const HOLE = '\u0000';
const AWS_MANAGED = /^arn:[^:]*:iam::aws:policy\/(.+)$/;
const ACCOUNT_POLICY = /^arn:[^:]*:iam::[^:]*:policy\/.+$/;

function fromText(text: string, whole: string): ManagedPolicyArn {
  const aws = AWS_MANAGED.exec(text)?.[1];
  if (aws !== undefined) {
    return aws.includes(HOLE)
      ? { kind: 'unknown', reason: `the AWS managed policy's name is computed (${whole})` }
      : { kind: 'aws', name: aws };
  }
  if (ACCOUNT_POLICY.test(text)) return { kind: 'customer', detail: whole };
  return { kind: 'unknown', reason: `${whole} is not an IAM policy ARN` };
}

export function readManagedPolicyArn(g: ResourceGraph, res: Resource, path: string): ManagedPolicyArn {
  const v = g.value(res, path);
  switch (v.kind) {
    case 'absent':
      return { kind: 'absent' };
    case 'literal':
      if (v.value === null || v.value === undefined) return { kind: 'absent' };
      return typeof v.value === 'string'
        ? fromText(v.value, v.value)
        : { kind: 'unknown', reason: `expected an ARN, found ${JSON.stringify(v.value)}` };
    case 'composed': {
      const text = v.parts.map((p) => (typeof p === 'string' ? p : HOLE)).join('');
      return fromText(text, v.parts.map((p) => (typeof p === 'string' ? p : '${...}')).join(''));
    }
    case 'reference':
      return POLICY_TYPES.has(v.to.type)
        ? { kind: 'customer', detail: `the policy ${v.to.address} of this configuration` }
        : { kind: 'unknown', reason: describeResolved(v) };
    default:
      return { kind: 'unknown', reason: describeResolved(v) };
  }
}

/** The last segment of an AWS managed policy's name (`job-function/DataScientist` -> `DataScientist`). */
export const policyBaseName = (name: string): string => name.slice(name.lastIndexOf('/') + 1);

/** AWS managed policies that make their holder an administrator (ZT-IDENTITY-003's; ZT-IDENTITY-008 leaves them to it). */
export const ADMIN_POLICIES: ReadonlySet<string> = new Set(['AdministratorAccess', 'PowerUserAccess', 'IAMFullAccess']);

/** Judges one attached managed policy ARN at `path` (none for an absent list element). */
export type ArnJudge = (g: ResourceGraph, res: Resource, path: string) => CheckResult[];

/**
 * The checks of every place an identity takes managed policies (CloudFormation ManagedPolicyArns,
 * Terraform managed_policy_arns and the policy_arn of the attachments), each ARN judged by `judge`;
 * `none` is the pass of an identity with none attached.
 */
export function managedPolicyChecks(judge: ArnJudge, none: string): Readonly<Record<string, Check>> {
  const verdict = (results: readonly CheckResult[]): CheckResult[] =>
    results.length === 0 ? [pass(none)] : eachOf(results);
  const list =
    (path: string): Check =>
    (res, { graph }) =>
      verdict(eachListed(graph, res, path, (p) => judge(graph, res, p)));
  const at =
    (path: string): Check =>
    (res, { graph }) =>
      verdict(judge(graph, res, path));
  return {
    'AWS::IAM::Role': list('ManagedPolicyArns'),
    'AWS::IAM::User': list('ManagedPolicyArns'),
    'AWS::IAM::Group': list('ManagedPolicyArns'),
    aws_iam_role: list('managed_policy_arns'),
    aws_iam_role_policy_attachment: at('policy_arn'),
    aws_iam_user_policy_attachment: at('policy_arn'),
    aws_iam_group_policy_attachment: at('policy_arn'),
    aws_iam_policy_attachment: at('policy_arn'),
  };
}
