import type { ResourceGraph } from '../../engine/graph';
import type { Resource } from '../../engine/model';
import { CheckResult, Rule, fail, pass } from '../../engine/rule';
import { TF_BUCKET_LOGGING } from '../shared/companion-specs';
import { withCompanions } from '../shared/companions';
import { isPresent, joinPath } from '../shared/read';
import { tfBlock, throughDynamic } from '../shared/tf-blocks';

function cfnBucket(g: ResourceGraph, bucket: Resource): CheckResult {
  const path = 'LoggingConfiguration';
  if (!isPresent(g, bucket, path)) return fail(`${path} is not set, so requests to the bucket are not logged`, path);
  const destination = joinPath(path, 'DestinationBucketName');
  return isPresent(g, bucket, destination)
    ? pass(`${destination} receives the server access logs`, destination)
    : pass(`${path} is set (without DestinationBucketName S3 delivers logs to the bucket itself)`, path);
}

/** target_bucket is required by both the inline block and aws_s3_bucket_logging. */
function tfTarget(g: ResourceGraph, res: Resource, blockName?: string): CheckResult {
  const block = blockName ? tfBlock(g, res, '', blockName) : ({ kind: 'static', path: '' } as const);
  if (block.kind === 'absent') {
    return fail('no logging block and no aws_s3_bucket_logging targets this bucket', block.path || 'logging');
  }
  const target = joinPath(block.path, 'target_bucket');
  const result = isPresent(g, res, target)
    ? pass(`${target} receives the server access logs`, target)
    : fail(`${target} is not set`, target);
  return throughDynamic(block, result);
}

export const accessLoggingRule: Rule = {
  id: 'ZT-DATA-006',
  title: 'Object storage records server access logs',
  severity: 'medium',
  layer: 'data',
  rationale:
    'Access logs are the record of who read or changed which training data and when: they are needed to investigate ' +
    'a leak or poisoning, to prove data lineage, and to detect unusual access. CloudTrail data events are costly and ' +
    'often off; S3 server access logs are the baseline. (Azure storage diagnostic settings come with the monitoring ' +
    'layer.)',
  remediation:
    'AWS CDK: s3.Bucket({ serverAccessLogsBucket, serverAccessLogsPrefix }) (SecureDataLake logs every zone to a ' +
    'dedicated, hardened log bucket); CloudFormation LoggingConfiguration.DestinationBucketName; Terraform an ' +
    'aws_s3_bucket_logging with bucket and target_bucket. The log bucket itself cannot log to itself: waive this ' +
    'rule on it with that reason.',
  controls: [
    { framework: 'NIST-800-53', id: 'AU-2' },
    { framework: 'NIST-800-53', id: 'AU-12' },
    { framework: 'SOC2', id: 'CC7.2' },
    { framework: 'HIPAA', id: '164.312(b)' },
    { framework: 'GDPR', id: 'Art. 30' },
    { framework: 'ISO-27001', id: 'A.8.15' },
    { framework: 'ISO-42001', id: 'A.7.5' },
  ],
  equivalents: [
    { tool: 'checkov', id: 'CKV_AWS_18', resourceTypes: ['AWS::S3::Bucket', 'aws_s3_bucket'] },
    { tool: 'cdk-nag', id: 'AwsSolutions-S1', resourceTypes: ['AWS::S3::Bucket'] },
    { tool: 'cdk-nag', id: 'NIST.800.53.R5-S3BucketLoggingEnabled', resourceTypes: ['AWS::S3::Bucket'] },
  ],
  reads: ['aws_s3_bucket_logging'],
  checks: {
    'AWS::S3::Bucket': (bucket, { graph }) => cfnBucket(graph, bucket),
    aws_s3_bucket: withCompanions({
      spec: TF_BUCKET_LOGGING,
      judge: (g, c) => tfTarget(g, c),
      inline: (g, bucket) => tfTarget(g, bucket, 'logging'),
    }),
  },
};
