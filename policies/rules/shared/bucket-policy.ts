import type { ResourceGraph } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import { Check, CheckResult, fail, pass, unknown } from '../../engine/rule';
import { companionsOf, judgeWithCompanions } from './companions';
import { Opaque, PolicyValue, Tri, readPolicyDocument, some } from './policy-document';

/**
 * S3 bucket requirements that only a bucket policy can express (TLS-only, minimum TLS version).
 * The policy is found through the graph: AWS::S3::BucketPolicy.Bucket or
 * aws_s3_bucket_policy.bucket referencing the bucket; Terraform's deprecated inline
 * aws_s3_bucket.policy counts when no separate policy is attached.
 */
interface PolicySource {
  readonly companionType: string;
  readonly bucketProperty: string;
  readonly documentPath: string;
  readonly inlinePath?: string;
}

const SOURCES: Readonly<Record<string, PolicySource>> = {
  'AWS::S3::Bucket': {
    companionType: 'AWS::S3::BucketPolicy',
    bucketProperty: 'Bucket',
    documentPath: 'PolicyDocument',
  },
  aws_s3_bucket: {
    companionType: 'aws_s3_bucket_policy',
    bucketProperty: 'bucket',
    documentPath: 'policy',
    inlinePath: 'policy',
  },
};

export interface StatementRequirement {
  /** What the statement must do, for messages: "a Deny on aws:SecureTransport=false". */
  readonly describe: string;
  readonly matches: (statement: PolicyValue) => Tri;
}

/** Judges the document at `path` of `holder`; `prefix` qualifies paths that are not the bucket's own. */
function judgeDocument(
  g: ResourceGraph,
  holder: Resource,
  path: string,
  req: StatementRequirement,
  prefix: string,
): CheckResult {
  const doc = readPolicyDocument(g, holder, path);
  const where = `${prefix}${path}`;
  if (doc.kind === 'absent') return fail(`${where} is empty; it needs ${req.describe}`, where);
  if (doc.kind === 'unknown') return unknown(`${where} cannot be read at synth time: ${doc.reason}`, where);
  const verdict = some(doc.statements, req.matches);
  if (verdict === true) return pass(`${where} has ${req.describe}`, where);
  if (verdict instanceof Opaque) {
    return unknown(`${where} may have ${req.describe}, but part of it is undecidable: ${verdict.reason}`, where);
  }
  return fail(`${where} has no statement with ${req.describe}`, `${where}.Statement`);
}

/** A check for `AWS::S3::Bucket` or `aws_s3_bucket` that requires a policy statement. */
export function bucketPolicyCheck(bucketType: string, req: StatementRequirement): Check {
  const src = SOURCES[bucketType];
  if (!src) throw new Error(`bucketPolicyCheck: unsupported bucket type ${bucketType}`);
  return (bucket, { graph }) =>
    judgeWithCompanions({
      companions: companionsOf(graph, bucket, src.companionType, [src.bucketProperty]),
      judgeCompanion: (policy) => judgeDocument(graph, policy, src.documentPath, req, `${policy.address}.`),
      inline: () =>
        src.inlinePath && readPolicyDocument(graph, bucket, src.inlinePath).kind !== 'absent'
          ? judgeDocument(graph, bucket, src.inlinePath, req, '')
          : fail(
              `no ${src.companionType} targets this bucket, so nothing enforces ${req.describe}`,
              `${src.companionType}.${src.documentPath}`,
            ),
      what: src.companionType,
    });
}
