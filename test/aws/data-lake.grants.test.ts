import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { SecureDataLake } from '../../lib/aws/data-lake';
import { BlueprintConfigError } from '../../lib/core/errors';
import { arnOf, bucketPolicyFor, logicalId, objectsArnOf, resourceOf } from './helpers';

// One lake, several grantees, one synthesis.
// Built-in CloudFormation schema validation costs ~7 s of CPU per synth; it is asserted once, in
// validation-plugins.test.ts, so the assertion-only synths here skip it.
const app = new App({ builtinCloudFormationValidation: false });
const stack = new Stack(app, 'Grants');
const lake = new SecureDataLake(stack, 'Lake');
const role = (id: string) => new iam.Role(stack, id, { assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com') });
const rawReader = role('RawReader');
const allReader = role('AllReader');
const curatedWriter = role('CuratedWriter');
const grantResults = [
  lake.grantRead(rawReader, 'raw'),
  lake.grantRead(allReader),
  lake.grantWrite(curatedWriter, 'curated'),
];
// A principal without an identity policy: the grant must land in the bucket and key policies.
const partnerAccount = new iam.AccountPrincipal('111122223333');
lake.grantRead(partnerAccount, 'features');
const template = Template.fromStack(stack);

type Statement = { Action: string | string[]; Resource: unknown; Effect: string; Condition?: unknown };
function statementsOf(grantee: iam.Role): Statement[] {
  const policies = Object.values(template.findResources('AWS::IAM::Policy')).filter((p) =>
    JSON.stringify(p.Properties.Roles).includes(logicalId(grantee)),
  );
  expect(policies).toHaveLength(1);
  return policies[0].Properties.PolicyDocument.Statement;
}
const actionsOf = (s: Statement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);
const allActions = (grantee: iam.Role) => statementsOf(grantee).flatMap(actionsOf).sort();

const region = { 'Fn::Join': ['', ['s3.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }]] };
const kmsCondition = (...zones: string[]) => ({
  StringEquals: { 'kms:ViaService': region },
  StringLike: {
    'kms:EncryptionContext:aws:s3:arn': zones.flatMap((z) => [arnOf(lake.buckets[z]), objectsArnOf(lake.buckets[z])]),
  },
});

describe('SecureDataLake.grantRead / grantWrite', () => {
  test('every grant succeeded', () => {
    for (const g of grantResults) expect(g.success).toBe(true);
  });

  test('grantRead(zone): exactly list + get on that bucket and kms:Decrypt via S3 for it', () => {
    const bucket = lake.buckets.raw;
    expect(statementsOf(rawReader)).toEqual([
      { Effect: 'Allow', Action: ['s3:ListBucket', 's3:GetBucketLocation'], Resource: arnOf(bucket) },
      { Effect: 'Allow', Action: ['s3:GetObject', 's3:GetObjectVersion'], Resource: objectsArnOf(bucket) },
      { Effect: 'Allow', Action: 'kms:Decrypt', Resource: arnOf(lake.key), Condition: kmsCondition('raw') },
    ]);
  });

  test('grantRead() without a zone covers every zone and nothing else', () => {
    expect(allActions(allReader)).toEqual(
      [
        ...Array(3).fill(['s3:GetBucketLocation', 's3:GetObject', 's3:GetObjectVersion', 's3:ListBucket']).flat(),
        'kms:Decrypt',
      ].sort(),
    );
    const resources = JSON.stringify(statementsOf(allReader).map((s) => s.Resource));
    for (const zone of lake.zones) expect(resources).toContain(logicalId(lake.buckets[zone]));
    expect(resources).not.toContain(logicalId(lake.accessLogBucket));
    const kms = statementsOf(allReader).find((s) => s.Action === 'kms:Decrypt')!;
    expect(kms.Condition).toEqual(kmsCondition('raw', 'curated', 'features'));
  });

  test('grantWrite(zone): put + abort multipart on objects, GenerateDataKey + Decrypt via S3; no delete', () => {
    const bucket = lake.buckets.curated;
    expect(statementsOf(curatedWriter)).toEqual([
      { Effect: 'Allow', Action: ['s3:PutObject', 's3:AbortMultipartUpload'], Resource: objectsArnOf(bucket) },
      {
        Effect: 'Allow',
        Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
        Resource: arnOf(lake.key),
        Condition: kmsCondition('curated'),
      },
    ]);
    expect(allActions(curatedWriter).filter((a) => /Delete|ReEncrypt|Encrypt$|\*/.test(a))).toEqual([]);
  });

  test('readers get no write and no other KMS action', () => {
    for (const reader of [rawReader, allReader]) {
      const actions = allActions(reader);
      expect(actions.filter((a) => a.startsWith('kms:'))).toEqual(['kms:Decrypt']);
      expect(actions.filter((a) => /Put|Delete|Abort/.test(a))).toEqual([]);
    }
  });

  test('a principal without a policy is granted in the bucket policy and the key policy', () => {
    const bucket = lake.buckets.features;
    const partner = { AWS: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::111122223333:root']] } };
    const bucketStatements = bucketPolicyFor(template, bucket).Properties!.PolicyDocument.Statement;
    expect(bucketStatements).toContainEqual({
      Effect: 'Allow',
      Principal: partner,
      Action: ['s3:GetObject', 's3:GetObjectVersion'],
      Resource: objectsArnOf(bucket),
    });
    // The key policy cannot name the bucket (the bucket already refers to the key: a cycle), so it is
    // bound to S3; the bucket policy above keeps the partner to the features zone.
    const keyStatements = resourceOf(template, lake.key).Properties!.KeyPolicy.Statement;
    expect(keyStatements).toContainEqual({
      Effect: 'Allow',
      Principal: partner,
      Action: 'kms:Decrypt',
      Resource: '*',
      Condition: { StringEquals: { 'kms:ViaService': region } },
    });
    expect(keyStatements).toHaveLength(2);
    // Still no wildcard principal in the key policy.
    expect(JSON.stringify(keyStatements)).not.toMatch(/"AWS":"\*"|"Principal":"\*"/);
  });

  test('an unknown zone is rejected, naming the method and the known zones', () => {
    const other = role('Other');
    expect(() => lake.grantRead(other, 'gold')).toThrow(BlueprintConfigError);
    expect(() => lake.grantRead(other, 'gold')).toThrow(/SecureDataLake\.grantRead\(zone\).*raw, curated, features/);
    expect(() => lake.grantWrite(other, 'gold')).toThrow(/SecureDataLake\.grantWrite\(zone\)/);
  });
});
