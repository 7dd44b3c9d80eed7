import type { ResourceGraph } from '../../../engine/graph';
import { describeResolved } from '../../../engine/graph';
import type { Resource } from '../../../engine/model';

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
