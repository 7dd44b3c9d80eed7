import type { Resolved, ResourceGraph } from '../../engine/graph';
import { referencedResources } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import { CheckResult, fail, pass } from '../../engine/rule';
import { describeResolved, unknownAt } from './read';

/**
 * Is the KMS key named at a property customer-managed? A key created in the same template / module
 * always is (the `alias/aws/` prefix is reserved for AWS-managed keys), and so is any literal ID,
 * ARN or alias outside that reserved prefix.
 */
export type KeyJudgement =
  | { readonly kind: 'customer'; readonly detail: string }
  | { readonly kind: 'aws-managed'; readonly detail: string }
  | { readonly kind: 'absent' }
  | { readonly kind: 'unknown'; readonly reason: string };

/** Resource types that denote a customer-managed KMS key (or an alias of one). */
export const CUSTOMER_KEY_TYPES: ReadonlySet<string> = new Set([
  'AWS::KMS::Key',
  'AWS::KMS::ReplicaKey',
  'AWS::KMS::Alias',
  'aws_kms_key',
  'aws_kms_replica_key',
  'aws_kms_external_key',
  'aws_kms_replica_external_key',
  'aws_kms_alias',
]);

/** `aws/s3`, `alias/aws/s3`, `arn:aws:kms:eu-west-1:111122223333:alias/aws/s3`. */
const AWS_MANAGED = /^(?:arn:[^:]+:kms:[^:]*:[^:]*:)?(?:alias\/)?aws\//i;

export function judgeKmsKey(g: ResourceGraph, res: Resource, path: string): KeyJudgement {
  return judgeKeyValue(g.value(res, path));
}

/** The same judgement of a value already resolved (a key named inside a JSON string property). */
export function judgeKeyValue(r: Resolved): KeyJudgement {
  switch (r.kind) {
    case 'absent':
      return { kind: 'absent' };
    case 'reference':
      if (CUSTOMER_KEY_TYPES.has(r.to.type)) return { kind: 'customer', detail: `${r.to.type} ${r.to.address}` };
      return { kind: 'unknown', reason: `it points at ${r.to.type} ${r.to.address}, which is not a KMS key` };
    case 'unknown':
      // A Terraform reference to a key that is not loaded still names its type.
      if (r.target && CUSTOMER_KEY_TYPES.has(r.target.type)) {
        return { kind: 'customer', detail: `${r.target.address}, not in this document` };
      }
      return { kind: 'unknown', reason: r.reason };
    case 'composed': {
      // An ARN built from pseudo parameters still shows whether it names an AWS-managed alias.
      const text = r.parts.filter((p): p is string => typeof p === 'string').join('');
      if (/alias\/aws\//i.test(text)) return { kind: 'aws-managed', detail: text };
      const key = referencedResources(r).find((x) => CUSTOMER_KEY_TYPES.has(x.type));
      if (key) return { kind: 'customer', detail: `${key.type} ${key.address}` };
      return { kind: 'unknown', reason: describeResolved(r) };
    }
    default:
      if (r.value === null || r.value === '') return { kind: 'absent' };
      if (typeof r.value !== 'string') return { kind: 'unknown', reason: describeResolved(r) };
      if (AWS_MANAGED.test(r.value)) return { kind: 'aws-managed', detail: r.value };
      return { kind: 'customer', detail: r.value };
  }
}

/**
 * The usual verdict for "this key property must name a customer-managed key"; `absentMeans`
 * says what the service falls back to (for the message).
 */
export function requireCustomerKey(g: ResourceGraph, res: Resource, path: string, absentMeans: string): CheckResult {
  return keyVerdict(judgeKmsKey(g, res, path), path, absentMeans);
}

/** The verdict for a key judgement made at `path`. */
export function keyVerdict(k: KeyJudgement, path: string, absentMeans: string): CheckResult {
  switch (k.kind) {
    case 'customer':
      return pass(`${path} names a customer-managed key (${k.detail})`, path);
    case 'aws-managed':
      return fail(`${path} is the AWS-managed key ${k.detail}; use a customer-managed KMS key`, path);
    case 'absent':
      return fail(`${path} is not set, so ${absentMeans}; set it to a customer-managed KMS key`, path);
    default:
      return unknownAt(path, k.reason);
  }
}
