import type { ResourceGraph } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import { type Check, type CheckResult, fail, pass, unknown } from '../../engine/rule';
import type { CompanionSpec } from './companion-index';
import { CFN_BUCKET_POLICY, TF_BUCKET_POLICY } from './companion-specs';
import { judgeWithCompanions } from './companions';
import { Opaque, type PolicyValue, type Tri, policyDocumentNamespace, readPolicyDocument } from './policy-document';
import { readString } from './read';
import type { StatementTarget } from './statements';

/**
 * S3 bucket requirements that only a bucket policy can express (TLS-only, minimum TLS version).
 * The policy is a companion (AWS::S3::BucketPolicy.Bucket, aws_s3_bucket_policy.bucket);
 * Terraform's deprecated inline aws_s3_bucket.policy counts when no separate policy is attached.
 */
interface PolicySource {
  readonly spec: CompanionSpec;
  readonly documentPath: string;
  readonly nameProperty: string;
  readonly inlinePath?: string;
}

const SOURCES: Readonly<Record<string, PolicySource>> = {
  'AWS::S3::Bucket': { spec: CFN_BUCKET_POLICY, documentPath: 'PolicyDocument', nameProperty: 'BucketName' },
  aws_s3_bucket: { spec: TF_BUCKET_POLICY, documentPath: 'policy', nameProperty: 'bucket', inlinePath: 'policy' },
};

export interface StatementRequirement {
  /** What the statement must do, for messages: "a Deny on aws:SecureTransport=false". */
  readonly describe: string;
  readonly matches: (statement: PolicyValue, target: StatementTarget) => Tri;
}

/** What a check says about the document at one path: fixed per check, so built once, not per bucket. */
interface DocumentWording {
  readonly path: string;
  readonly namespace: string;
  readonly statementPath: string;
  readonly empty: string;
  readonly unreadable: string;
  readonly has: string;
  readonly undecidable: string;
  readonly hasNone: string;
}

function wording(path: string, req: StatementRequirement): DocumentWording {
  return {
    path,
    namespace: policyDocumentNamespace(path),
    statementPath: `${path}.Statement`,
    empty: `${path} is empty; it needs ${req.describe}`,
    unreadable: `${path} cannot be read at synth time: `,
    has: `${path} has ${req.describe}`,
    undecidable: `${path} may have ${req.describe}, but part of it is undecidable: `,
    hasNone: `${path} has no statement with ${req.describe}`,
  };
}

function judgeDocument(
  g: ResourceGraph,
  holder: Resource,
  w: DocumentWording,
  req: StatementRequirement,
  target: StatementTarget,
): CheckResult {
  const doc = readPolicyDocument(g, holder, w.path, w.namespace);
  if (doc.kind === 'absent') return fail(w.empty, w.path);
  if (doc.kind === 'unknown') return unknown(w.unreadable + doc.reason, w.path);
  // `some(statements, ...)` written out: no closure per bucket.
  let verdict: Tri = false;
  for (const s of doc.statements) {
    const t = req.matches(s, target);
    if (t === true) return pass(w.has, w.path);
    if (t !== false && verdict === false) verdict = t;
  }
  if (verdict instanceof Opaque) return unknown(w.undecidable + verdict.reason, w.path);
  return fail(w.hasNone, w.statementPath);
}

/** A check for `AWS::S3::Bucket` or `aws_s3_bucket` that requires a policy statement. */
export function bucketPolicyCheck(bucketType: string, req: StatementRequirement): Check {
  const src = SOURCES[bucketType];
  if (!src) throw new Error(`bucketPolicyCheck: unsupported bucket type ${bucketType}`);
  const inPolicy = wording(src.documentPath, req);
  const inBucket = src.inlinePath === undefined ? undefined : wording(src.inlinePath, req);
  const nothingEnforces = fail(
    `no ${src.spec.type} targets this bucket, so nothing enforces ${req.describe}`,
    `${src.spec.type}.${src.documentPath}`,
  );
  return (bucket, { graph }) => {
    const name = readString(graph, bucket, src.nameProperty);
    const target: StatementTarget = name.kind === 'value' ? { bucket, name: name.value } : { bucket };
    return judgeWithCompanions(graph, bucket, {
      spec: src.spec,
      judge: (policy) => judgeDocument(graph, policy, inPolicy, req, target),
      inline: () =>
        inBucket && readPolicyDocument(graph, bucket, inBucket.path, inBucket.namespace).kind !== 'absent'
          ? judgeDocument(graph, bucket, inBucket, req, target)
          : nothingEnforces,
    });
  };
}
