import { InputError, loadPaths } from '../../policies/engine';
import { tempDir, writeFile } from '../support/temp-dir';

const tmp = tempDir('yaml');
afterAll(() => tmp.remove());

const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Env: { Type: String }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  NotProd: !Not [!Condition IsProd]
  Both: !And [!Condition IsProd, !Or [!Condition NotProd, !Equals [a, a]]]
Mappings:
  Sizes: { prod: { Days: 30 } }
Resources:
  Key:
    Type: AWS::KMS::Key
    DeletionPolicy: Retain
    Properties:
      EnableKeyRotation: true
  Bucket:
    Type: AWS::S3::Bucket
    Condition: IsProd
    Metadata:
      aws:cdk:path: App/Bucket/Resource
      zt:waivers:
        - ruleId: ZT-DATA-006
          reason: Log bucket of the log buckets, logging into itself is impossible.
          expires: '2031-01-31'
    Properties:
      BucketName: !Sub '\${AWS::StackName}-\${Env}-data'
      Arn: !GetAtt Key.Arn
      Nested: !GetAtt Db.Endpoint.Address
      ListArn: !GetAtt [Key, Arn]
      Ref: !Ref Key
      Joined: !Join ['', ['arn:', !Ref 'AWS::Partition', ':s3:::x']]
      Chosen: !If [IsProd, !Ref Key, !Ref 'AWS::NoValue']
      Mapped: !FindInMap [Sizes, !Ref Env, Days]
      Encoded: !Base64 hello
      Cidrs: !Cidr [10.0.0.0/16, 4, 8]
      Imported: !ImportValue shared-vpc
      First: !Select [0, !GetAZs '']
      Parts: !Split [',', 'a,b']
      SubList: !Sub ['\${X}-x', { X: !Ref Key }]
      Included: !Transform { Name: 'AWS::Include', Parameters: { Location: s3://b/k } }
      Version: 2012-10-17
`;

describe('CloudFormation YAML with short-form intrinsic tags', () => {
  let file: string;
  beforeAll(() => {
    file = writeFile(tmp.dir, 'stack.yaml', TEMPLATE);
  });

  test('every short form maps to its long form', () => {
    const [doc] = loadPaths([file]);
    const bucket = doc.resources.find((r) => r.address === 'Bucket');
    expect(bucket?.properties).toEqual({
      BucketName: { 'Fn::Sub': '${AWS::StackName}-${Env}-data' },
      Arn: { 'Fn::GetAtt': ['Key', 'Arn'] },
      Nested: { 'Fn::GetAtt': ['Db', 'Endpoint.Address'] },
      ListArn: { 'Fn::GetAtt': ['Key', 'Arn'] },
      Ref: { Ref: 'Key' },
      Joined: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::x']] },
      Chosen: { 'Fn::If': ['IsProd', { Ref: 'Key' }, { Ref: 'AWS::NoValue' }] },
      Mapped: { 'Fn::FindInMap': ['Sizes', { Ref: 'Env' }, 'Days'] },
      Encoded: { 'Fn::Base64': 'hello' },
      Cidrs: { 'Fn::Cidr': ['10.0.0.0/16', 4, 8] },
      Imported: { 'Fn::ImportValue': 'shared-vpc' },
      First: { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] },
      Parts: { 'Fn::Split': [',', 'a,b'] },
      SubList: { 'Fn::Sub': ['${X}-x', { X: { Ref: 'Key' } }] },
      Included: { 'Fn::Transform': { Name: 'AWS::Include', Parameters: { Location: 's3://b/k' } } },
      Version: '2012-10-17', // YAML 1.2 core schema: dates stay strings
    });
    expect(doc.conditions).toEqual({
      IsProd: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] },
      NotProd: { 'Fn::Not': [{ Condition: 'IsProd' }] },
      Both: {
        'Fn::And': [{ Condition: 'IsProd' }, { 'Fn::Or': [{ Condition: 'NotProd' }, { 'Fn::Equals': ['a', 'a'] }] }],
      },
    });
    expect(doc.parameters).toEqual({ Env: { Type: 'String' } });
  });

  test('resource attributes, construct path and metadata waivers', () => {
    const [doc] = loadPaths([file]);
    const bucket = doc.resources.find((r) => r.address === 'Bucket');
    expect(bucket?.attributes).toMatchObject({ Condition: 'IsProd', Metadata: expect.any(Object) });
    expect(bucket?.source).toEqual({
      file,
      format: 'cloudformation',
      stack: undefined,
      constructPath: 'App/Bucket/Resource',
      // The line of the `Bucket:` key in the template (SARIF regions).
      line: 16,
    });
    expect(bucket?.waivers).toEqual([
      {
        ruleId: 'ZT-DATA-006',
        reason: 'Log bucket of the log buckets, logging into itself is impossible.',
        expires: '2031-01-31',
        origin: 'template-metadata',
      },
    ]);
    expect(doc.resources.find((r) => r.address === 'Key')?.attributes).toEqual({ DeletionPolicy: 'Retain' });
  });

  test('.yml and .template (YAML or JSON) load the same way', () => {
    const body = 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties: { KmsMasterKeyId: !Ref K }\n';
    const yml = writeFile(tmp.dir, 'q.yml', body);
    const tpl = writeFile(tmp.dir, 'q.template', body);
    const json = writeFile(tmp.dir, 'j.template', { Resources: { Q: { Type: 'AWS::SQS::Queue' } } });
    const docs = loadPaths([yml, tpl, json]);
    expect(docs.map((d) => d.resources[0].properties)).toEqual([
      { KmsMasterKeyId: { Ref: 'K' } },
      { KmsMasterKeyId: { Ref: 'K' } },
      {},
    ]);
  });

  test('an empty Properties block is an empty object', () => {
    const file = writeFile(tmp.dir, 'empty.yaml', 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n');
    expect(loadPaths([file])[0].resources[0].properties).toEqual({});
  });

  test('malformed YAML names the file and the line', () => {
    const bad = writeFile(tmp.dir, 'bad.yaml', 'Resources:\n  A:\n    Type: [AWS::S3::Bucket\n  B: x\n');
    expect(() => loadPaths([bad])).toThrow(InputError);
    expect(() => loadPaths([bad])).toThrow(new RegExp(`^${escape(bad)}:\\d+: malformed YAML`));
  });

  test('an unknown tag is malformed input, not a silent string', () => {
    const bad = writeFile(
      tmp.dir,
      'tag.yaml',
      'Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties: { X: !Reff A }\n',
    );
    expect(() => loadPaths([bad])).toThrow(`${bad}:4: malformed YAML (Unresolved tag: !Reff)`);
  });

  test('YAML that is not a template is rejected when named explicitly', () => {
    const other = writeFile(tmp.dir, 'workflow.yml', 'on: push\njobs: {}\n');
    expect(() => loadPaths([other])).toThrow(/workflow\.yml: expected a CloudFormation template/);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
