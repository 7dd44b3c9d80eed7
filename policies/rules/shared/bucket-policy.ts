import type { ResourceGraph } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import { type Check, type CheckResult, fail, pass, unknown } from '../../engine/rule';
import type { CompanionSpec } from './companion-index';
import { CFN_BUCKET_POLICY, TF_BUCKET_POLICY } from './companion-specs';
import { judgeWithCompanions } from './companions';
import { Opaque, type PolicyValue, type Tri, readPolicyDocument, some } from './policy-document';
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

function judgeDocument(
  g: ResourceGraph,
  holder: Resource,
  path: string,
  req: StatementRequirement,
  target: StatementTarget,
): CheckResult {
  const doc = readPolicyDocument(g, holder, path);
  if (doc.kind === 'absent') return fail(`${path} is empty; it needs ${req.describe}`, path);
  if (doc.kind === 'unknown') return unknown(`${path} cannot be read at synth time: ${doc.reason}`, path);
  const verdict = some(doc.statements, (s) => req.matches(s, target));
  if (verdict === true) return pass(`${path} has ${req.describe}`, path);
  if (verdict instanceof Opaque) {
    return unknown(`${path} may have ${req.describe}, but part of it is undecidable: ${verdict.reason}`, path);
  }
  return fail(`${path} has no statement with ${req.describe}`, `${path}.Statement`);
}

/** A check for `AWS::S3::Bucket` or `aws_s3_bucket` that requires a policy statement. */
export function bucketPolicyCheck(bucketType: string, req: StatementRequirement): Check {
  const src = SOURCES[bucketType];
  if (!src) throw new Error(`bucketPolicyCheck: unsupported bucket type ${bucketType}`);
  return (bucket, { graph }) => {
    const name = readString(graph, bucket, src.nameProperty);
    const target: StatementTarget = name.kind === 'value' ? { bucket, name: name.value } : { bucket };
    return judgeWithCompanions(graph, bucket, {
      spec: src.spec,
      judge: (policy) => judgeDocument(graph, policy, src.documentPath, req, target),
      inline: () =>
        src.inlinePath && readPolicyDocument(graph, bucket, src.inlinePath).kind !== 'absent'
          ? judgeDocument(graph, bucket, src.inlinePath, req, target)
          : fail(
              `no ${src.spec.type} targets this bucket, so nothing enforces ${req.describe}`,
              `${src.spec.type}.${src.documentPath}`,
            ),
    });
  };
}
