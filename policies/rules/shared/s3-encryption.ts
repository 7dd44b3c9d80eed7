import type { ResourceGraph } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import { CheckResult, fail } from '../../engine/rule';
import { requireCustomerKey } from './kms';
import { joinPath, listLength, readString, unknownAt } from './read';
import { BlockLocation, tfBlock, throughDynamic } from './tf-blocks';

/**
 * S3 default-encryption rules, the same facts in three spellings: CloudFormation
 * BucketEncryption.ServerSideEncryptionConfiguration[], Terraform's inline
 * server_side_encryption_configuration.rule[] and aws_s3_bucket_server_side_encryption_configuration.rule[].
 */
interface SseFields {
  /** `<by default block>.<algorithm>` and `<by default block>.<key id>`, joined once here. */
  readonly algorithm: string;
  readonly keyId: string;
}

const sseFields = (byDefault: string, algorithm: string, keyId: string): SseFields => ({
  algorithm: `${byDefault}.${algorithm}`,
  keyId: `${byDefault}.${keyId}`,
});

const CFN = sseFields('ServerSideEncryptionByDefault', 'SSEAlgorithm', 'KMSMasterKeyID');
const TF = sseFields('apply_server_side_encryption_by_default', 'sse_algorithm', 'kms_master_key_id');

const KMS_ALGORITHMS = ['aws:kms', 'aws:kms:dsse'];
const AWS_MANAGED_FALLBACK = 'S3 uses the AWS-managed aws/s3 key';

function judgeRule(g: ResourceGraph, res: Resource, rulePath: string, f: SseFields): CheckResult {
  const algPath = joinPath(rulePath, f.algorithm);
  const alg = readString(g, res, algPath);
  if (alg.kind === 'unknown') return unknownAt(algPath, alg.reason);
  if (alg.kind === 'absent') return fail(`${algPath} is not set; set aws:kms with a customer-managed key`, algPath);
  if (!KMS_ALGORITHMS.includes(alg.value)) {
    return fail(`${algPath} is ${alg.value}; only aws:kms / aws:kms:dsse use a customer-managed key`, algPath);
  }
  return requireCustomerKey(g, res, joinPath(rulePath, f.keyId), AWS_MANAGED_FALLBACK);
}

/** Every rule in the list at `listPath` must encrypt with a customer-managed key. */
function judgeRules(g: ResourceGraph, res: Resource, listPath: string, f: SseFields): CheckResult {
  const n = listLength(g, res, listPath);
  if (n.kind === 'unknown') return unknownAt(listPath, n.reason);
  if (n.kind === 'absent' || n.value === 0) {
    return fail(`${listPath} has no rule, so S3 falls back to SSE-S3 with an AWS-owned key`, listPath);
  }
  // worstOf without the list: the first failure, else the first unknown, else the first result.
  let first: CheckResult | undefined;
  let firstUnknown: CheckResult | undefined;
  for (let i = 0; i < n.value; i++) {
    const r = judgeRule(g, res, joinPath(listPath, i), f);
    if (r.verdict === 'fail') return r;
    if (r.verdict === 'unknown') firstUnknown ??= r;
    first ??= r;
  }
  return (firstUnknown ?? first)!;
}

/** CloudFormation AWS::S3::Bucket. */
export function judgeCfnBucketEncryption(g: ResourceGraph, bucket: Resource): CheckResult {
  const path = 'BucketEncryption.ServerSideEncryptionConfiguration';
  return judgeRules(g, bucket, path, CFN);
}

function judgeTfRuleBlocks(g: ResourceGraph, res: Resource, parent: BlockLocation): CheckResult {
  const rules = tfBlock(g, res, parent.path, 'rule');
  if (rules.kind === 'absent') return fail(`${rules.path} is not set; add a rule with aws:kms and a key`, rules.path);
  return throughDynamic(parent, throughDynamic(rules, judgeRules(g, res, rules.path, TF)));
}

/** Terraform aws_s3_bucket's inline server_side_encryption_configuration (provider v3 style). */
export function judgeTfInlineEncryption(g: ResourceGraph, bucket: Resource): CheckResult {
  const block = tfBlock(g, bucket, '', 'server_side_encryption_configuration');
  if (block.kind === 'absent') {
    return fail(
      'no server_side_encryption_configuration (inline or aws_s3_bucket_server_side_encryption_configuration), so S3 falls back to SSE-S3',
      block.path,
    );
  }
  return judgeTfRuleBlocks(g, bucket, block);
}

/** Terraform aws_s3_bucket_server_side_encryption_configuration (its `rule` blocks). */
export function judgeTfEncryptionCompanion(g: ResourceGraph, companion: Resource): CheckResult {
  return judgeTfRuleBlocks(g, companion, { kind: 'static', path: '' });
}
