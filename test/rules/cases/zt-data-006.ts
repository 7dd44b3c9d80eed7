import { accessLoggingRule } from '../../../policies/rules/data/zt-data-006-access-logging';
import { RuleCases, cfn, tf } from '../helpers';

const bucket = (props: Record<string, unknown>) =>
  cfn({ Logs: { Type: 'AWS::S3::Bucket' }, Bucket: { Type: 'AWS::S3::Bucket', Properties: props } });

export const cases: RuleCases = {
  rule: accessLoggingRule,
  cases: [
    {
      name: 'logs to a log bucket',
      doc: bucket({ LoggingConfiguration: { DestinationBucketName: { Ref: 'Logs' }, LogFilePrefix: 'raw/' } }),
      address: 'Bucket',
      verdict: 'pass',
    },
    {
      name: 'logging without destination (logs to itself)',
      doc: bucket({ LoggingConfiguration: {} }),
      address: 'Bucket',
      verdict: 'pass',
    },
    { name: 'no logging', doc: bucket({}), address: 'Bucket', verdict: 'fail', path: 'LoggingConfiguration' },
    {
      name: 'tf inline logging block',
      doc: tf({ aws_s3_bucket: { logs: {}, b: { logging: [{ target_bucket: '${aws_s3_bucket.logs.id}' }] } } }),
      address: 'aws_s3_bucket.b',
      verdict: 'pass',
    },
    {
      name: 'tf aws_s3_bucket_logging',
      doc: tf({
        aws_s3_bucket: { logs: {}, b: {} },
        aws_s3_bucket_logging: {
          l: { bucket: '${aws_s3_bucket.b.id}', target_bucket: '${aws_s3_bucket.logs.id}', target_prefix: 'b/' },
        },
      }),
      address: 'aws_s3_bucket.b',
      verdict: 'pass',
    },
    {
      name: 'tf bucket without logging',
      doc: tf({ aws_s3_bucket: { b: {} } }),
      address: 'aws_s3_bucket.b',
      verdict: 'fail',
      path: 'logging',
    },
    {
      name: 'tf aws_s3_bucket_logging of another bucket does not count',
      doc: tf({
        aws_s3_bucket: { logs: {}, b: {} },
        aws_s3_bucket_logging: { l: { bucket: '${aws_s3_bucket.logs.id}', target_bucket: '${aws_s3_bucket.logs.id}' } },
      }),
      address: 'aws_s3_bucket.b',
      verdict: 'fail',
    },
  ],
};
